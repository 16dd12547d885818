package dev.trendoff.batch;

import dev.trendoff.core.ConnectionOptions;
import picocli.CommandLine.Mixin;
import java.util.concurrent.Callable;

import dev.trendoff.core.Durations;
import dev.trendoff.core.JsonOption;
import dev.trendoff.core.Settings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./trendoff batch-layer ingest | recompute [--every 15m]}. */
@Command(name = "batch-layer", mixinStandardHelpOptions = true,
    description = "The batch layer: the master-dataset ingest and the versioned batch-view recompute.",
    subcommands = {BatchLayerCommand.Ingest.class, BatchLayerCommand.RecomputeCommand.class})
public final class BatchLayerCommand implements Runnable {

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(spec.commandLine(), "name a subcommand: ingest or recompute");
  }

  @Command(name = "ingest", mixinStandardHelpOptions = true,
      description = {"Every tweet of the Kafka topic into the master table (consumer group trendoff.kafka.batch-group),",
          "offsets committed after the write. Runs until SIGTERM or Ctrl-C: finishes the batch, commits, exits 0."})
  static final class Ingest implements Callable<Integer> {
    @Mixin ConnectionOptions connection = new ConnectionOptions();

    @Override
    public Integer call() throws InterruptedException {
      BatchIngest.job(connection.settings()).runUntilSignalled();
      return 0;
    }
  }

  @Command(name = "recompute", mixinStandardHelpOptions = true,
      description = {"Recompute the batch view from the master table as a new version, publish it with one",
          "pointer flip, remove older versions and absorbed speed rows; print a summary (--json: one object a run)."})
  static final class RecomputeCommand implements Callable<Integer> {
    @Mixin ConnectionOptions connection = new ConnectionOptions();

    @Option(names = "--every", paramLabel = "DURATION",
        description = "Run again every DURATION (like 15m) until stopped; default: once (trendoff.batch.recompute.every).")
    String every;

    @Mixin JsonOption json = new JsonOption();

    @Override
    public Integer call() throws Exception {
      return json.run(() -> {
        Settings s = connection.settings();
        return RecomputeMain.run(s, every == null ? BatchSettings.from(s).recompute().every() : Durations.parse(every),
            summary -> json.print(summary.json()));
      });
    }
  }
}
