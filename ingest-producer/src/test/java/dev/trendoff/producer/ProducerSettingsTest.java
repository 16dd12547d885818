package dev.trendoff.producer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import com.typesafe.config.Config;

import dev.trendoff.core.TrendoffConfig;
import dev.trendoff.core.UserError;
import dev.trendoff.formats.ReadLimits;

class ProducerSettingsTest {

  static Config config(Map<String, String> env) {
    return TrendoffConfig.load(null, env, new Properties());
  }

  @Test
  void theDefaults() {
    ProducerSettings s = ProducerSettings.from(config(Map.of()));
    assertThat(s.limits()).isEqualTo(new ReadLimits(256 * 1024, 50));
    assertThat(s.rejectDir()).isEqualTo(Path.of("var/rejects"));
    assertThat(s.rateLineInterval()).isEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void aBadValueIsOneLineNamingItsKey() {
    assertThatThrownBy(() -> ProducerSettings.from(config(Map.of("TRENDOFF_PRODUCER_MAX_LINE_BYTES", "0"))))
        .isInstanceOf(UserError.class).hasMessage("trendoff.producer.max-line-bytes must be between 1 and 2147483631 bytes, got 0");
    assertThatThrownBy(() -> ProducerSettings.from(config(Map.of("TRENDOFF_PRODUCER_MAX_LINES_PER_CSV_RECORD", "0"))))
        .isInstanceOf(UserError.class).hasMessage("trendoff.producer.max-lines-per-csv-record must be at least 1, got 0");
    assertThatThrownBy(() -> ProducerSettings.from(config(Map.of("TRENDOFF_PRODUCER_RATE_LINE_INTERVAL", "0s"))))
        .isInstanceOf(UserError.class).hasMessageStartingWith("trendoff.producer.rate-line-interval must be at least 1ms");
  }

  @Test
  void aRejectFileANameForEachRun() {
    Path f = ProducerSettings.from(config(Map.of("TRENDOFF_PRODUCER_REJECT_DIR", "/tmp/r"))).rejectFile("jsonl");
    assertThat(f.getParent()).isEqualTo(Path.of("/tmp/r"));
    assertThat(f.getFileName().toString())
        .matches("produce-jsonl-\\d{8}-\\d{6}-" + ProcessHandle.current().pid() + "\\.jsonl");
  }
}
