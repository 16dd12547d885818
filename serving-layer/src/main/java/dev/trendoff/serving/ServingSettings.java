package dev.trendoff.serving;

import java.time.Duration;

import com.typesafe.config.Config;

import dev.trendoff.core.Settings;

/**
 * The serving layer's settings, section {@code trendoff.serving}
 * (serving-layer/src/main/resources/reference.conf), read once.
 *
 * @param statusScanLimit status counts each table's rows exactly up to this many
 * @param statusKafkaTimeout how long status waits for Kafka before it says Kafka is down
 */
public record ServingSettings(long statusScanLimit, Duration statusKafkaTimeout) {

  public static final String SECTION = "trendoff.serving";

  public static ServingSettings from(Settings settings) {
    Config c = settings.config().getConfig(SECTION);
    return new ServingSettings(c.getLong("status-scan-limit"), c.getDuration("status-kafka-timeout"));
  }
}
