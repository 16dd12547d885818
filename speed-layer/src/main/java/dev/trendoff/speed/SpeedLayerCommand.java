package dev.trendoff.speed;

import dev.trendoff.core.ConnectionOptions;
import picocli.CommandLine.Mixin;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import dev.trendoff.core.Settings;
import dev.trendoff.core.TrendoffConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./trendoff speed-layer}. */
@Command(name = "speed-layer", mixinStandardHelpOptions = true,
    description = {"Run the speed layer until stopped: each batch interval, the new tweets of the Kafka topic "
        + "(consumer group trendoff.kafka.speed-group) into the speed view, then commit their offsets.",
        "SIGTERM or Ctrl-C: finish the running batch, commit, exit 0."})
public final class SpeedLayerCommand implements Callable<Integer> {

  @Mixin ConnectionOptions connection = new ConnectionOptions();

  @Option(names = "--batch-interval", paramLabel = "DURATION",
      description = "Micro-batch interval, like 500ms or 1s (default: trendoff.speed.batch-interval).")
  String batchInterval;

  @Option(names = "--max-rate-per-partition", paramLabel = "N",
      description = "Most records read per Kafka partition and second (default: trendoff.speed.max-rate-per-partition).")
  Integer maxRatePerPartition;

  @Override
  public Integer call() throws InterruptedException {
    Map<String, Object> overrides = new HashMap<>();
    if (batchInterval != null) {
      overrides.put("speed.batch-interval", batchInterval);
    }
    if (maxRatePerPartition != null) {
      overrides.put("speed.max-rate-per-partition", maxRatePerPartition);
    }
    Settings settings = Settings.from(TrendoffConfig.withOverrides(connection.applyTo(TrendoffConfig.load()), overrides));
    checkInterval(settings);
    SpeedLayer.job(settings).runUntilSignalled();
    return 0;
  }

  private static void checkInterval(Settings settings) {
    Duration d;
    try {
      d = settings.config().getDuration(SpeedSettings.SECTION + ".batch-interval");
    } catch (com.typesafe.config.ConfigException e) {
      throw dev.trendoff.core.UserError.usage("--batch-interval: not a duration (like 500ms or 1s)");
    }
    if (d.toMillis() < 1) {
      throw dev.trendoff.core.UserError.usage("--batch-interval must be at least 1ms");
    }
  }
}
