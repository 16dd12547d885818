package dev.trendoff.batch;

import dev.trendoff.core.ConnectionOptions;
import picocli.CommandLine.Mixin;
import java.util.concurrent.Callable;

import dev.trendoff.core.Durations;
import dev.trendoff.core.JsonOption;
import dev.trendoff.core.Settings;
import dev.trendoff.core.UserError;
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
      description = {"A new batch view version: what came in since the published one added to it (incremental,",
          "the default) or the whole master table counted (--full); published with one pointer flip, then",
          "older rows and absorbed speed rows removed; prints a summary (--json: one object a run)."})
  static final class RecomputeCommand implements Callable<Integer> {
    @Mixin ConnectionOptions connection = new ConnectionOptions();

    @Option(names = "--every", paramLabel = "DURATION",
        description = "Run again every DURATION (like 15m) until stopped; default: once (trendoff.batch.recompute.every).")
    String every;

    @Option(names = "--full", description = {"Count the whole master table (default: add what came in since the published",
        "version: docs/lambda.md 'Incremental recomputes'). A full run repairs anything a bug ever put in the views."})
    boolean full;

    @Option(names = "--full-every", paramLabel = "DURATION",
        description = "With --every: a full run whenever the loop's last one is DURATION old, like 24h (trendoff.batch.recompute.full-every).")
    String fullEvery;

    @Option(names = "--adopt-topic",
        description = {"The Kafka topic was deleted and created again (or Kafka lost its data): take the cut on the",
            "topic as it is now and count every master row of the old one (docs/lambda.md 'A recreated topic')."})
    boolean adoptTopic;

    @Mixin JsonOption json = new JsonOption();

    @Override
    public Integer call() throws Exception {
      return json.run(() -> {
        Settings s = connection.settings();
        BatchSettings.Recompute own = BatchSettings.from(s).recompute();
        if (fullEvery != null && every == null) {
          throw UserError.usage("--full-every schedules full runs in a loop: give --every too");
        }
        return RecomputeMain.run(s, every == null ? own.every() : Durations.parse(every), adoptTopic, full,
            fullEvery == null ? own.fullEvery() : Durations.parse(fullEvery), summary -> json.print(summary.json()));
      });
    }
  }
}
