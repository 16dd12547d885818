package dev.trendoff.core;

import java.util.LinkedHashMap;
import java.util.Map;

import com.typesafe.config.Config;

import picocli.CommandLine.Option;

/**
 * The options of every command that reaches Kafka (a picocli mixin): the brokers and the tweets topic,
 * each overriding its {@code trendoff.kafka.*} key for this run only (on top of trendoff.conf, the
 * TRENDOFF_* environment and -D; defaults in core/src/main/resources/reference.conf).
 */
public final class KafkaOptions {

  @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT[,...]",
      description = "Kafka brokers (overrides trendoff.kafka.bootstrap-servers)")
  String bootstrapServers;

  @Option(names = "--topic", paramLabel = "TOPIC", description = "the tweets topic (overrides trendoff.kafka.topic)")
  String topic;

  /** The {@code trendoff.}-relative keys these options set. */
  public Map<String, Object> overrides() {
    Map<String, Object> o = new LinkedHashMap<>();
    if (bootstrapServers != null) {
      o.put("kafka.bootstrap-servers", bootstrapServers);
    }
    if (topic != null) {
      o.put("kafka.topic", topic);
    }
    return o;
  }

  /** {@code config} (a loaded configuration) with these options applied. */
  public Config applyTo(Config config) {
    return TrendoffConfig.withOverrides(config, overrides());
  }
}
