package dev.trendoff.core;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.datastax.oss.driver.api.core.CqlSession;

/** Applies {@code cql/schema.cql} (bundled as a resource), idempotently. */
public final class Schema {

  private static final String RESOURCE = "/cql/schema.cql";

  private Schema() {}

  /** The schema's statements with keyspace and replication filled in, in order. */
  public static List<String> statements(Settings.Cassandra c) {
    String text;
    try (InputStream in = Schema.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("schema missing from the classpath: " + RESOURCE);
      }
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    StringBuilder noComments = new StringBuilder();
    for (String line : text.split("\n")) {
      if (!line.strip().startsWith("--")) {
        noComments.append(line).append('\n');
      }
    }
    String filled = noComments.toString()
        .replace("${keyspace}", c.keyspace())
        .replace("${replication}", c.replication());
    List<String> out = new ArrayList<>();
    for (String stmt : filled.split(";\\s*\n")) {
      if (!stmt.isBlank()) {
        out.add(stmt.strip());
      }
    }
    return out;
  }

  /** Creates whatever is missing; safe to run any number of times. Returns the statements run. */
  public static int apply(CqlSession session, Settings.Cassandra c) {
    List<String> stmts = statements(c);
    for (String s : stmts) {
      session.execute(s);
    }
    session.checkSchemaAgreement();
    return stmts.size();
  }

  /** Opens a session without keyspace, applies the schema, closes it. */
  public static int apply(Settings.Cassandra c) {
    try (CqlSession s = CassandraSessions.open(c, false)) {
      return apply(s, c);
    }
  }
}
