package dev.trendoff.core;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.typesafe.config.Config;

import picocli.CommandLine.Option;

/**
 * The options of every command that reaches Cassandra (a picocli mixin): the nodes and the keyspace,
 * each overriding its {@code trendoff.cassandra.*} key for this run only (on top of trendoff.conf, the
 * TRENDOFF_* environment and -D; defaults in core/src/main/resources/reference.conf).
 */
public final class CassandraOptions {

  @Option(names = "--contact-points", paramLabel = "HOST:PORT", split = ",",
      description = "Cassandra nodes (overrides trendoff.cassandra.contact-points)")
  List<String> contactPoints;

  @Option(names = "--keyspace", paramLabel = "KEYSPACE", description = "Cassandra keyspace (overrides trendoff.cassandra.keyspace)")
  String keyspace;

  public CassandraOptions() {}

  /** With a keyspace of its own by default (a benchmark that must not write into the application's keyspace). */
  public static CassandraOptions withKeyspace(String keyspace) {
    CassandraOptions o = new CassandraOptions();
    o.keyspace = keyspace;
    return o;
  }

  /** The {@code trendoff.}-relative keys these options set. */
  public Map<String, Object> overrides() {
    Map<String, Object> o = new LinkedHashMap<>();
    if (contactPoints != null && !contactPoints.isEmpty()) {
      o.put("cassandra.contact-points", contactPoints);
    }
    if (keyspace != null) {
      o.put("cassandra.keyspace", keyspace);
    }
    return o;
  }

  /** {@code config} (a loaded configuration) with these options applied. */
  public Config applyTo(Config config) {
    return TrendoffConfig.withOverrides(config, overrides());
  }

  /** The settings of {@code config} with these options applied. */
  public Settings settings(Config config) {
    return Settings.from(applyTo(config));
  }
}
