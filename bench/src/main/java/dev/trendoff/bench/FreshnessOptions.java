package dev.trendoff.bench;

import java.time.Duration;
import java.util.Map;

import dev.trendoff.core.UserError;
import picocli.CommandLine.Option;

/**
 * The options of the benchmarks that time the speed layer's freshness at a fixed rate of synthetic
 * tweets with marker tweets among them ({@code bench speed}, {@code bench http live}), as one picocli
 * mixin.
 */
public final class FreshnessOptions {

  @Option(names = "--rate", description = "Synthetic tweets per second of the timed run (default ${DEFAULT-VALUE}).")
  int rate = 2_000;

  @Option(names = "--duration", description = "Length of the timed run, like 60s (default ${DEFAULT-VALUE}).")
  String duration = "60s";

  @Option(names = "--warmup", description = "Producing before timing, like 10s (default ${DEFAULT-VALUE}).")
  String warmUp = "10s";

  @Option(names = "--markers-per-second", description = "Marker tweets per second (default ${DEFAULT-VALUE}).")
  int markersPerSecond = 5;

  @Option(names = "--users", description = "Distinct authors of the synthetic tweets (default ${DEFAULT-VALUE}).")
  int users = 5_000;

  @Option(names = "--batch-interval", description = "Speed layer micro-batch interval (default: trendoff.speed.batch-interval).")
  String batchInterval;

  /** The timed run's length; a usage error when the options are out of range. */
  Duration run() {
    if (rate < 1 || markersPerSecond < 1 || users < 1) {
      throw UserError.usage("--rate, --markers-per-second and --users must be at least 1");
    }
    return SpeedBench.duration(duration, "--duration");
  }

  /** The warm-up's length. */
  Duration warm() {
    return SpeedBench.duration(warmUp, "--warmup");
  }

  /** Adds the speed layer's batch interval, when given, to a run's settings overrides. */
  void putBatchInterval(Map<String, Object> overrides) {
    if (batchInterval != null) {
      overrides.put("speed.batch-interval", batchInterval);
    }
  }
}
