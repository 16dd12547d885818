package dev.trendoff.cli;

import dev.trendoff.core.UserError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code ./trendoff}: every command of trendoff, one picocli subcommand each. */
@Command(name = "trendoff", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
    description = "Compare the words two Twitter users share: Kafka, Spark and Cassandra in a lambda architecture.",
    footer = {"",
        "Spark jobs (speed-layer, batch-layer, load-csv) also take Spark's options: --master URL,",
        "--conf spark.KEY=VALUE, --deploy-mode, --driver-memory, --executor-memory, --executor-cores,",
        "--total-executor-cores, --num-executors. Without --master (or with local[N]) the job runs in this",
        "JVM; with spark://..., yarn or k8s://... it goes to spark-submit ($SPARK_HOME or",
        "$TRENDOFF_SPARK_SUBMIT) with jobs-assembly/target/trendoff-jobs.jar. See docs/cluster.md."},
    subcommands = {
        DemoCommand.class,
        dev.trendoff.localstack.StackCommand.class,
        SchemaCommand.class,
        dev.trendoff.producer.ProduceCommand.class,
        dev.trendoff.speed.SpeedLayerCommand.class,
        dev.trendoff.batch.BatchLayerCommand.class,
        dev.trendoff.csvloader.LoadCsvCommand.class,
        CompareUsersCommand.class,
        StatusCommand.class,
        StopwordsCommand.class,
        dev.trendoff.bench.BenchCommand.class,
        CommandLine.HelpCommand.class,
    })
public final class Main implements Runnable {

  private static final Logger LOG = LoggerFactory.getLogger(Main.class);

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "name a command (see ./trendoff --help)");
  }

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs one command line and returns its exit code; a {@link UserError} is one line on stderr. */
  public static int run(String... args) {
    CommandLine cl = new CommandLine(new Main());
    try {
      args = sparkOptionsApplied(args);
    } catch (UserError e) {
      cl.getErr().println("trendoff: " + e.getMessage());
      return e.exitCode();
    }
    cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
      UserError ue = findUserError(ex);
      if (ue != null) {
        commandLine.getErr().println("trendoff: " + ue.getMessage());
        LOG.debug("user error", ex);
        return ue.exitCode();
      }
      LOG.error("command failed", ex);
      commandLine.getErr().println("trendoff: " + ex.getClass().getSimpleName()
          + (ex.getMessage() == null ? "" : ": " + firstLine(ex.getMessage())) + " (details in var/log/trendoff.log)");
      return UserError.FAILURE;
    });
    return cl.execute(args);
  }

  /** A Spark job's Spark options (see {@link SparkOptions}) set for this JVM and taken out of its command line. */
  private static String[] sparkOptionsApplied(String[] args) {
    SparkOptions spark = SparkOptions.parse(args);
    if (!spark.isSparkCommand()) {
      return args;
    }
    if (spark.needsSubmit()) {
      throw UserError.usage("--master " + spark.master() + " is handed to spark-submit by the launcher: run ./trendoff "
          + String.join(" ", args));
    }
    spark.applyInProcess();
    return spark.commandLine();
  }

  private static UserError findUserError(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof UserError ue) {
        return ue;
      }
    }
    return null;
  }

  private static String firstLine(String s) {
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = Main.class.getPackage().getImplementationVersion();
      return new String[] {"trendoff " + (v == null ? "(development build)" : v)};
    }
  }
}
