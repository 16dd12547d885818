package dev.trendoff.csvloader;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

import com.typesafe.config.Config;

import dev.trendoff.core.UserError;
import dev.trendoff.formats.ReadLimits;

/**
 * load-csv's settings, section {@code trendoff.csv-loader}: the limits of a record read from the
 * file, where reject files go, and how many records the driver hands to Spark at a time.
 */
public record CsvLoaderSettings(ReadLimits limits, Path rejectDir, int chunkRecords) {

  public static final String SECTION = "trendoff.csv-loader";

  public static CsvLoaderSettings from(Config config) {
    Config c = config.getConfig(SECTION);
    int chunk = c.getInt("chunk-records");
    if (chunk < 1) {
      throw new UserError(SECTION + ".chunk-records must be at least 1, got " + chunk);
    }
    return new CsvLoaderSettings(ReadLimits.from(config, SECTION, "max-line-bytes", "max-lines-per-record"),
        Path.of(c.getString("reject-dir")), chunk);
  }

  /** {@code reject-dir/load-csv-yyyyMMdd-HHmmss-SSS.jsonl} (local time). */
  public Path rejectFile() {
    return rejectDir.resolve("load-csv-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS"))
        + ".jsonl");
  }
}
