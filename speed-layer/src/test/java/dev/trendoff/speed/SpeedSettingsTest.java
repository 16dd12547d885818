package dev.trendoff.speed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import dev.trendoff.core.Settings;
import dev.trendoff.core.TrendoffConfig;
import dev.trendoff.core.UserError;

class SpeedSettingsTest {

  static Settings load(Map<String, String> env) {
    return Settings.from(TrendoffConfig.load(null, env, new Properties()));
  }

  @Test
  void defaultsComeFromTheModulesReferenceConf() {
    SpeedSettings s = SpeedSettings.from(load(Map.of()));
    assertThat(s.stream().group()).isEqualTo("speed");
    assertThat(s.stream().appName()).isEqualTo("speed-layer");
    assertThat(s.stream().batchInterval()).isEqualTo(Duration.ofSeconds(1));
    assertThat(s.stream().maxRatePerPartition()).isPositive();
    assertThat(s.maxRowsPerBatch()).isEqualTo(100);
    assertThat(s.maxInFlight()).isEqualTo(64);
  }

  @Test
  void environmentOverridesAndBadValuesAreOneClearLine() {
    SpeedSettings s = SpeedSettings.from(load(Map.of("TRENDOFF_SPEED_BATCH_INTERVAL", "500ms",
        "TRENDOFF_KAFKA_SPEED_GROUP", "speed-2")));
    assertThat(s.stream().batchInterval()).isEqualTo(Duration.ofMillis(500));
    assertThat(s.stream().group()).isEqualTo("speed-2");
    assertThatThrownBy(() -> SpeedSettings.from(load(Map.of("TRENDOFF_SPEED_MAX_ROWS_PER_BATCH", "0"))))
        .isInstanceOf(UserError.class).hasMessageContaining("max-rows-per-batch");
  }
}
