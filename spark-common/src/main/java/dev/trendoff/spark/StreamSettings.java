package dev.trendoff.spark;

import java.time.Duration;

import com.typesafe.config.Config;

/**
 * How a streaming layer reads Kafka: its consumer group, micro-batch interval, the most records per
 * partition and second (so a backlog arrives as many bounded batches), backpressure, and how often
 * it reports its rate and lag. Each layer reads these keys from its own section.
 */
public record StreamSettings(String appName, String group, Duration batchInterval, int maxRatePerPartition,
    boolean backpressure, Duration reportEvery) {

  /** Reads {@code batch-interval}, {@code max-rate-per-partition}, {@code backpressure}, {@code report-every}. */
  public static StreamSettings from(String appName, String group, Config section) {
    return new StreamSettings(appName, group, section.getDuration("batch-interval"),
        section.getInt("max-rate-per-partition"), section.getBoolean("backpressure"),
        section.getDuration("report-every"));
  }
}
