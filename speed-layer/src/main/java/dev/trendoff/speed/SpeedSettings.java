package dev.trendoff.speed;

import com.typesafe.config.Config;

import dev.trendoff.core.Settings;
import dev.trendoff.core.TrendoffConfig;
import dev.trendoff.spark.StreamSettings;

/**
 * The speed layer's settings, section {@code trendoff.speed}: how it reads Kafka (batch interval,
 * rate limits, progress reports) and how it writes the speed view (rows per unlogged batch, writes
 * in flight per Spark task).
 */
public record SpeedSettings(StreamSettings stream, int maxRowsPerBatch, int maxInFlight) {

  public static final String APP_NAME = "speed-layer";
  public static final String SECTION = "trendoff.speed";

  public static SpeedSettings from(Settings settings) {
    Config c = settings.config().getConfig(SECTION);
    return new SpeedSettings(StreamSettings.from(APP_NAME, APP_NAME, settings.kafka().speedGroup(), c),
        TrendoffConfig.atLeastOne(settings.config(), SECTION + ".max-rows-per-batch"),
        TrendoffConfig.atLeastOne(settings.config(), SECTION + ".max-in-flight"));
  }
}
