package dev.trendoff.csvloader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import com.typesafe.config.Config;

import dev.trendoff.core.TrendoffConfig;
import dev.trendoff.core.UserError;
import dev.trendoff.formats.ReadLimits;

class CsvLoaderSettingsTest {

  static Config config(Map<String, String> env) {
    return TrendoffConfig.load(null, env, new Properties());
  }

  @Test
  void theDefaults() {
    CsvLoaderSettings s = CsvLoaderSettings.from(config(Map.of()));
    assertThat(s.limits()).isEqualTo(new ReadLimits(256 * 1024, 50));
    assertThat(s.rejectDir()).isEqualTo(Path.of("var/rejects"));
    assertThat(s.chunkRecords()).isEqualTo(50_000);
    assertThat(s.rejectFile().getFileName().toString()).matches("load-csv-\\d{8}-\\d{6}-\\d{3}\\.jsonl");
  }

  @Test
  void aBadValueIsOneLineNamingItsKey() {
    assertThatThrownBy(() -> CsvLoaderSettings.from(config(Map.of("TRENDOFF_CSV_LOADER_CHUNK_RECORDS", "0"))))
        .isInstanceOf(UserError.class).hasMessage("trendoff.csv-loader.chunk-records must be at least 1, got 0");
    assertThatThrownBy(() -> CsvLoaderSettings.from(config(Map.of("TRENDOFF_CSV_LOADER_MAX_LINE_BYTES", "3GiB"))))
        .isInstanceOf(UserError.class)
        .hasMessage("trendoff.csv-loader.max-line-bytes must be between 1 and 2147483631 bytes, got 3221225472");
    assertThatThrownBy(() -> CsvLoaderSettings.from(config(Map.of("TRENDOFF_CSV_LOADER_MAX_LINES_PER_RECORD", "-1"))))
        .isInstanceOf(UserError.class).hasMessage("trendoff.csv-loader.max-lines-per-record must be at least 1, got -1");
  }
}
