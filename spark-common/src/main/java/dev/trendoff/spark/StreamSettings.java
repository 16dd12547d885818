package dev.trendoff.spark;

import java.time.Duration;

import com.typesafe.config.Config;

/**
 * How a streaming layer reads Kafka: its consumer group, micro-batch interval, the most records per
 * partition and second (so a backlog arrives as many bounded batches), backpressure, how often it
 * reports its rate and lag, how often it looks for new partitions or a recreated topic, and how long
 * it waits before restarting its stream after a failure. Each layer reads these keys from its own section.
 *
 * @param layer the layer's name in dead letters ({@code speed-layer}, {@code batch-ingest})
 * @param restartBackoff the first wait before a restart after a failed micro-batch; it doubles up to
 *     {@code restartBackoffMax} while failures go on, and starts again after a batch succeeds
 */
public record StreamSettings(String appName, String layer, String group, Duration batchInterval, int maxRatePerPartition,
    boolean backpressure, Duration reportEvery, Duration partitionCheckEvery, Duration restartBackoff,
    Duration restartBackoffMax) {

  /**
   * Reads {@code batch-interval}, {@code max-rate-per-partition}, {@code backpressure},
   * {@code report-every}, {@code partition-check-every}, {@code restart-backoff}, {@code restart-backoff-max}.
   */
  public static StreamSettings from(String appName, String layer, String group, Config section) {
    return new StreamSettings(appName, layer, group, section.getDuration("batch-interval"),
        section.getInt("max-rate-per-partition"), section.getBoolean("backpressure"),
        section.getDuration("report-every"), section.getDuration("partition-check-every"),
        section.getDuration("restart-backoff"), section.getDuration("restart-backoff-max"));
  }
}
