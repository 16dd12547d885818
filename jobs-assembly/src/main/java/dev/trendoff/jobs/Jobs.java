package dev.trendoff.jobs;

import dev.trendoff.batch.BatchLayerCommand;
import dev.trendoff.core.CommandLines;
import dev.trendoff.csvloader.LoadCsvCommand;
import dev.trendoff.speed.SpeedLayerCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The main class of the jobs assembly ({@code jobs-assembly/target/trendoff-jobs.jar}): the Spark jobs
 * and nothing else, for {@code spark-submit} (docs/cluster.md). The launcher's {@code SparkSubmit}
 * passes the command and its arguments as {@code ./trendoff} got them, minus the Spark options.
 */
@Command(name = "trendoff-jobs", mixinStandardHelpOptions = true,
    description = "The trendoff Spark jobs, run by spark-submit: speed-layer, batch-layer ingest|recompute, load-csv.",
    subcommands = {SpeedLayerCommand.class, BatchLayerCommand.class, LoadCsvCommand.class})
public final class Jobs implements Runnable {

  /** On a cluster the driver logs with the cluster's log4j2 configuration, not ./trendoff's var/log. */
  static final String DETAILS_IN = "the driver's log";

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "name a job: speed-layer, batch-layer or load-csv");
  }

  public static void main(String[] args) {
    System.exit(run(new CommandLine(new Jobs()), args));
  }

  /** Runs one job command line on {@code cl} (a command line of {@code Jobs}) and returns its exit code. */
  static int run(CommandLine cl, String... args) {
    return CommandLines.execute(cl, args, DETAILS_IN);
  }
}
