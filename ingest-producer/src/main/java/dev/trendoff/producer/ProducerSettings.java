package dev.trendoff.producer;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import com.typesafe.config.Config;

import dev.trendoff.core.UserError;
import dev.trendoff.formats.ReadLimits;

/**
 * What {@code produce} reads from {@code trendoff.producer} besides the Kafka client's tuning
 * ({@link ProducerTuning}): the limits of a record read from a file, where reject files go, and how
 * often the rate line is printed for an input of unknown length.
 */
public record ProducerSettings(ReadLimits limits, Path rejectDir, Duration rateLineInterval) {

  public static final String SECTION = "trendoff.producer";

  public static ProducerSettings from(Config config) {
    Config c = config.getConfig(SECTION);
    Duration interval = c.getDuration("rate-line-interval");
    if (interval.toMillis() < 1) {
      throw new UserError(SECTION + ".rate-line-interval must be at least 1ms, got " + interval);
    }
    return new ProducerSettings(ReadLimits.from(config, SECTION, "max-line-bytes", "max-lines-per-csv-record"),
        Path.of(c.getString("reject-dir")), interval);
  }

  /** {@code reject-dir/produce-SOURCE-yyyyMMdd-HHmmss-PID.jsonl} (UTC). */
  public Path rejectFile(String source) {
    String stamp = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").format(LocalDateTime.now(ZoneOffset.UTC));
    return rejectDir.resolve("produce-" + source + "-" + stamp + "-" + ProcessHandle.current().pid() + ".jsonl");
  }
}
