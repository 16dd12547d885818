package dev.trendoff.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.trendoff.core.UserError;

/**
 * The Spark options every Spark job command takes (speed-layer, batch-layer, load-csv), taken out
 * of the command line before the command itself parses it, so the commands stay as they are:
 * <pre>
 *   --master URL                 spark://host:7077, yarn, k8s://..., local[N]
 *   --conf KEY=VALUE             any Spark setting (repeatable)
 *   --deploy-mode client|cluster
 *   --driver-memory, --executor-memory, --executor-cores, --total-executor-cores, --num-executors
 * </pre>
 * Without {@code --master}, or with a {@code local} one, the job runs in this JVM as always and the
 * options become Spark system properties (which {@code new SparkConf()} reads). With another master
 * the launcher hands the job to {@code spark-submit} with the jobs assembly ({@link SparkSubmit}).
 */
record SparkOptions(String command, List<String> commandArgs, String master, String deployMode,
    Map<String, String> submitFlags, Map<String, String> conf) {

  /** The commands that run a Spark job. */
  static final Set<String> SPARK_COMMANDS = Set.of("speed-layer", "batch-layer", "load-csv");

  /** spark-submit flags with a value, and the Spark setting each stands for in local mode. */
  static final Map<String, String> FLAG_SETTINGS = Map.of(
      "--driver-memory", "spark.driver.memory",
      "--executor-memory", "spark.executor.memory",
      "--executor-cores", "spark.executor.cores",
      "--total-executor-cores", "spark.cores.max",
      "--num-executors", "spark.executor.instances");

  /** Splits {@code args}; for a command that is not a Spark job, nothing is taken out. */
  static SparkOptions parse(String[] args) {
    List<String> rest = new ArrayList<>();
    String command = args.length == 0 ? null : args[0];
    if (command == null || !SPARK_COMMANDS.contains(command)) {
      return new SparkOptions(command, args.length == 0 ? List.of() : List.of(args).subList(1, args.length),
          null, null, Map.of(), Map.of());
    }
    String master = null;
    String deployMode = null;
    Map<String, String> flags = new LinkedHashMap<>();
    Map<String, String> conf = new LinkedHashMap<>();
    boolean endOfOptions = false;
    for (int i = 1; i < args.length; i++) {
      String a = args[i];
      if (endOfOptions) {
        rest.add(a);
        continue;
      }
      if (a.equals("--")) {
        endOfOptions = true;
        rest.add(a);
        continue;
      }
      String name = a;
      String value = null;
      int eq = a.indexOf('=');
      if (a.startsWith("--") && eq > 0) {
        name = a.substring(0, eq);
        value = a.substring(eq + 1);
      }
      boolean known = name.equals("--master") || name.equals("--conf") || name.equals("--deploy-mode")
          || FLAG_SETTINGS.containsKey(name);
      if (!known) {
        rest.add(a);
        continue;
      }
      if (value == null) {
        if (i + 1 >= args.length) {
          throw UserError.usage(name + " needs a value");
        }
        value = args[++i];
      }
      switch (name) {
        case "--master" -> master = nonEmpty(name, value);
        case "--deploy-mode" -> deployMode = oneOf(name, value, "client", "cluster");
        case "--conf" -> {
          int e = value.indexOf('=');
          if (e <= 0) {
            throw UserError.usage("--conf takes KEY=VALUE, got " + value);
          }
          String key = value.substring(0, e).strip();
          if (!key.startsWith("spark.")) {
            throw UserError.usage("--conf is for Spark settings (spark.*), got " + key
                + "; trendoff settings go in trendoff.conf, TRENDOFF_* or -Dtrendoff.*");
          }
          if (dev.trendoff.core.Secrets.isSecretKey(key)) {
            throw UserError.usage("--conf " + key + " puts a secret on the command line, where every user of the host can"
                + " read it (ps): set it in trendoff.spark.conf in trendoff.conf (mode 600), or the trendoff setting it"
                + " comes from (trendoff.cassandra.password: TRENDOFF_CASSANDRA_PASSWORD); see docs/security.md");
          }
          conf.put(key, value.substring(e + 1));
        }
        default -> flags.put(name, nonEmpty(name, value));
      }
    }
    return new SparkOptions(command, List.copyOf(rest), master, deployMode, Map.copyOf(flags), Map.copyOf(conf));
  }

  boolean isSparkCommand() {
    return command != null && SPARK_COMMANDS.contains(command);
  }

  /** True when the job must go to spark-submit: a master that is not {@code local}. */
  boolean needsSubmit() {
    return master != null && !master.startsWith("local");
  }

  /** The whole command line without the Spark options. */
  String[] commandLine() {
    List<String> out = new ArrayList<>();
    if (command != null) {
      out.add(command);
    }
    out.addAll(commandArgs);
    return out.toArray(String[]::new);
  }

  /**
   * For a job run in this JVM: the Spark settings as {@code spark.*} system properties, which
   * {@code new SparkConf()} loads and {@code SparkConfs.forJob} keeps (it only fills in what is missing).
   */
  void applyInProcess() {
    if (deployMode != null) {
      throw UserError.usage("--deploy-mode needs a cluster --master (spark://..., yarn, k8s://...)");
    }
    if (submitFlags.containsKey("--driver-memory")) {
      throw UserError.usage("--driver-memory does not apply in local mode: this JVM is the driver "
          + "(set its heap with TRENDOFF_JAVA_OPTS=-Xmx2g)");
    }
    if (master != null) {
      System.setProperty("spark.master", master);
    }
    submitFlags.forEach((flag, value) -> System.setProperty(FLAG_SETTINGS.get(flag), value));
    conf.forEach(System::setProperty);
  }

  private static String nonEmpty(String name, String value) {
    if (value.isBlank()) {
      throw UserError.usage(name + " needs a value");
    }
    return value;
  }

  private static String oneOf(String name, String value, String... allowed) {
    for (String a : allowed) {
      if (a.equals(value)) {
        return value;
      }
    }
    throw UserError.usage(name + " is one of " + String.join(", ", allowed) + ", got " + value);
  }
}
