package dev.trendoff.serving;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

import com.datastax.oss.driver.api.core.CqlSession;
import com.typesafe.config.Config;
import dev.trendoff.core.CassandraSessions;
import dev.trendoff.core.Settings;
import dev.trendoff.core.UserError;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code ./trendoff status}: consumer lag, rows per table, the published view and its cut, pending speed rows. */
@Command(name = "status", mixinStandardHelpOptions = true,
    description = {"Consumer lag per partition of the speed and batch groups, rows in each table (bounded scan), "
        + "the current batch view version and its cut, speed rows pending (after the cut) and absorbed.",
        "Exits 1 when Kafka or Cassandra is down (after printing what it could read)."})
public final class StatusCommand implements Callable<Integer> {

  @Option(names = "--json", description = "print one JSON object")
  boolean json;

  @Spec CommandSpec spec;

  private final Supplier<Settings> settings;

  public StatusCommand() {
    this(Settings::load);
  }

  public StatusCommand(Supplier<Settings> settings) {
    this.settings = settings;
  }

  @Override
  public Integer call() {
    Settings s = settings.get();
    Config serving = s.config().getConfig("trendoff.serving");
    long limit = serving.getLong("status-scan-limit");
    Duration kafkaTimeout = serving.getDuration("status-kafka-timeout");
    List<String> errors = new ArrayList<>();

    List<KafkaLag.GroupLag> groups = null;
    try {
      groups = KafkaLag.read(s.kafka(), List.of(s.kafka().speedGroup(), s.kafka().batchGroup()), kafkaTimeout);
    } catch (UserError e) {
      errors.add(e.getMessage());
    }

    Settings.Cassandra c = s.cassandra();
    TableCounts.Result tables = null;
    ViewPointer view = null;
    try (CqlSession session = CassandraSessions.open(c)) {
      ViewPointer[] v = new ViewPointer[1];
      tables = ServingSession.guard(c, () -> {
        v[0] = new ServingReader(session, c.keyspace(), c.readConsistency()).currentView();
        return TableCounts.count(session, c.keyspace(), c.readConsistency(), v[0], limit);
      });
      view = v[0];
    } catch (UserError e) {
      errors.add(e.getMessage());
    }

    StatusReport r = new StatusReport(s.kafka().bootstrapServers(), s.kafka().topic(), groups,
        ServingSession.where(c), c.keyspace(), limit, tables, view, errors);
    PrintWriter out = spec.commandLine().getOut();
    out.print(json ? r.json() + "\n" : r.text());
    out.flush();
    if (!errors.isEmpty()) {
      throw new UserError(String.join("; ", errors));
    }
    return 0;
  }
}
