package dev.trendoff.cli;

import dev.trendoff.core.CommandLines;
import dev.trendoff.core.Terminal;
import dev.trendoff.core.UserError;
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
        CassandraRolesCommand.class,
        SchemaCommand.class,
        TopicsCommand.class,
        dev.trendoff.producer.ProduceCommand.class,
        dev.trendoff.speed.SpeedLayerCommand.class,
        dev.trendoff.batch.BatchLayerCommand.class,
        dev.trendoff.csvloader.LoadCsvCommand.class,
        CompareUsersCommand.class,
        StatusCommand.class,
        dev.trendoff.http.ServeCommand.class,
        StopwordsCommand.class,
        dev.trendoff.bench.BenchCommand.class,
        CommandLine.HelpCommand.class,
    })
public final class Main implements Runnable {

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
    // colour in the help only when both outputs are terminals (and NO_COLOR is not set)
    cl.setColorScheme(CommandLine.Help.defaultColorScheme(Terminal.colour() ? CommandLine.Help.Ansi.ON
        : CommandLine.Help.Ansi.OFF));
    try {
      args = sparkOptionsApplied(args);
    } catch (UserError e) {
      return CommandLines.report(cl.getErr(), e);
    }
    return CommandLines.execute(cl, args, "var/log/trendoff.log");
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

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = Main.class.getPackage().getImplementationVersion();
      return new String[] {"trendoff " + (v == null ? "(development build)" : v)};
    }
  }
}
