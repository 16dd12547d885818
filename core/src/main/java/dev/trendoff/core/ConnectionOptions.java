package dev.trendoff.core;

import com.typesafe.config.Config;

import picocli.CommandLine.Mixin;

/**
 * The options of every command that reaches both Kafka and Cassandra (a picocli mixin):
 * {@link KafkaOptions} and {@link CassandraOptions} together.
 */
public final class ConnectionOptions {

  @Mixin KafkaOptions kafka = new KafkaOptions();
  @Mixin CassandraOptions cassandra = new CassandraOptions();

  public ConnectionOptions() {}

  /** With a keyspace of its own by default (a benchmark that must not write into the application's keyspace). */
  public static ConnectionOptions withKeyspace(String keyspace) {
    ConnectionOptions o = new ConnectionOptions();
    o.cassandra = CassandraOptions.withKeyspace(keyspace);
    return o;
  }

  /** {@code config} (a loaded configuration) with these options applied. */
  public Config applyTo(Config config) {
    return cassandra.applyTo(kafka.applyTo(config));
  }

  /** The settings of {@code config} with these options applied. */
  public Settings settings(Config config) {
    return Settings.from(applyTo(config));
  }

  /** The settings of the loaded configuration with these options applied. */
  public Settings settings() {
    return settings(TrendoffConfig.load());
  }
}
