package dev.trendoff.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;

import dev.trendoff.core.Secrets;
import dev.trendoff.core.UserError;

/**
 * The {@code spark-submit} command line of a Spark job command given a cluster {@code --master}:
 * the jobs assembly ({@code jobs-assembly/target/trendoff-jobs.jar}, whose main class is
 * {@value #JOBS_MAIN}: jobs-assembly/src/main/java/dev/trendoff/jobs/Jobs.java) with the same command
 * and arguments, the Spark options as spark-submit's own, and this JVM's {@code -Dtrendoff.*}
 * settings for the driver. The driver then reads the same configuration as a local run:
 * {@code trendoff.conf} in the working directory or {@code TRENDOFF_CONFIG}, and the
 * {@code TRENDOFF_*} environment, which spark-submit passes on (client deploy mode).
 *
 * <p>spark-submit is {@code TRENDOFF_SPARK_SUBMIT} if set, else {@code $SPARK_HOME/bin/spark-submit}.
 * The launcher script runs {@code main}, which writes the command NUL-separated to a file, and then
 * {@code exec}s it, so signals (SIGTERM from {@code docker stop}) reach spark-submit directly.
 */
final class SparkSubmit {

  static final String JOBS_JAR = "jobs-assembly/target/trendoff-jobs.jar";
  /** The jobs assembly's entry point: speed-layer, batch-layer and load-csv only (not on this classpath). */
  static final String JOBS_MAIN = "dev.trendoff.jobs.Jobs";


  private SparkSubmit() {}

  /** The command line, or a UserError saying what is missing. */
  static List<String> commandLine(SparkOptions o, Map<String, String> env, Properties sysProps) {
    String submit = sparkSubmit(env);
    Path jar = jobsJar(env, sysProps);
    List<String> cmd = new ArrayList<>();
    cmd.add(submit);
    cmd.add("--master");
    cmd.add(o.master());
    if (o.deployMode() != null) {
      cmd.add("--deploy-mode");
      cmd.add(o.deployMode());
    }
    cmd.add("--name");
    cmd.add(appName(o));
    cmd.add("--class");
    cmd.add(JOBS_MAIN);
    o.submitFlags().forEach((flag, value) -> {
      cmd.add(flag);
      cmd.add(value);
    });
    new java.util.TreeMap<>(o.conf()).forEach((k, v) -> {
      cmd.add("--conf");
      cmd.add(k + "=" + v);
    });
    String driverOptions = driverJavaOptions(sysProps);
    if (!driverOptions.isEmpty()) {
      cmd.add("--driver-java-options");
      cmd.add(driverOptions);
    }
    cmd.add(jar.toString());
    cmd.add(o.command());
    cmd.addAll(o.commandArgs());
    return cmd;
  }

  /** "trendoff batch-layer recompute" and the like: the name the cluster's UI shows. */
  static String appName(SparkOptions o) {
    StringBuilder b = new StringBuilder("trendoff ").append(o.command());
    if (!o.commandArgs().isEmpty() && !o.commandArgs().get(0).startsWith("-")) {
      b.append(' ').append(o.commandArgs().get(0));
    }
    return b.toString();
  }

  static String sparkSubmit(Map<String, String> env) {
    String explicit = env.get("TRENDOFF_SPARK_SUBMIT");
    if (explicit != null && !explicit.isBlank()) {
      if (!Files.isExecutable(Path.of(explicit))) {
        throw new UserError("TRENDOFF_SPARK_SUBMIT=" + explicit + " is not an executable file");
      }
      return explicit;
    }
    String home = env.get("SPARK_HOME");
    if (home != null && !home.isBlank()) {
      Path p = Path.of(home, "bin", "spark-submit");
      if (!Files.isExecutable(p)) {
        throw new UserError("SPARK_HOME=" + home + " has no bin/spark-submit");
      }
      return p.toString();
    }
    throw new UserError("--master with a cluster needs Spark's spark-submit: set SPARK_HOME "
        + "(a Spark 3.5 distribution for Scala 2.13) or TRENDOFF_SPARK_SUBMIT");
  }

  static Path jobsJar(Map<String, String> env, Properties sysProps) {
    String home = sysProps.getProperty("trendoff.home", env.getOrDefault("TRENDOFF_HOME", "."));
    Path jar = Path.of(home).resolve(JOBS_JAR).toAbsolutePath().normalize();
    if (!Files.isRegularFile(jar)) {
      throw new UserError("the jobs assembly " + jar + " is missing; build it with "
          + "`mvn -B -q -pl jobs-assembly -am -DskipTests package`");
    }
    return jar;
  }

  /**
   * This JVM's {@code -Dtrendoff.*} settings, for the driver. Values with blanks cannot go through
   * spark-submit's one option string: those belong in trendoff.conf.
   */
  static String driverJavaOptions(Properties sysProps) {
    List<String> out = new ArrayList<>();
    for (String name : new TreeSet<>(sysProps.stringPropertyNames())) {
      if (!name.startsWith("trendoff.")) {
        continue;
      }
      // never on a command line: secrets, and every Kafka client property (keystore locations go with their passwords)
      if (Secrets.isSecretKey(name) || name.startsWith("trendoff.kafka.client.")) {
        throw UserError.usage("-D" + name + " looks like a secret and would show on spark-submit's command line "
            + "(visible to every user of the host): set it in trendoff.conf or the TRENDOFF_* environment instead");
      }
      String value = sysProps.getProperty(name);
      if (value.chars().anyMatch(Character::isWhitespace) || name.chars().anyMatch(Character::isWhitespace)) {
        throw UserError.usage("-D" + name + " has a blank in its value, which cannot be handed to spark-submit; "
            + "put it in trendoff.conf instead");
      }
      out.add("-D" + name + "=" + value);
    }
    return String.join(" ", out);
  }

  /**
   * {@code SparkSubmit FILE ARGS...}: for the launcher script. If ARGS are a Spark job with a cluster
   * master, writes the spark-submit command line to FILE, NUL-separated; otherwise leaves FILE empty
   * (the launcher then runs the command in its own JVM). Exit code 0, or a UserError's.
   */
  public static void main(String[] args) {
    if (args.length < 1) {
      System.err.println("usage: SparkSubmit PLAN_FILE ARGS...");
      System.exit(UserError.USAGE);
    }
    try {
      String[] rest = java.util.Arrays.copyOfRange(args, 1, args.length);
      SparkOptions o = SparkOptions.parse(rest);
      StringBuilder plan = new StringBuilder();
      if (o.needsSubmit()) {
        for (String part : commandLine(o, System.getenv(), System.getProperties())) {
          plan.append(part).append('\0');
        }
      }
      Files.writeString(Path.of(args[0]), plan, StandardCharsets.UTF_8);
      System.exit(0);
    } catch (UserError e) {
      System.err.println("trendoff: " + e.getMessage());
      System.exit(e.exitCode());
    } catch (IOException e) {
      System.err.println("trendoff: cannot write " + args[0] + ": " + e.getMessage());
      System.exit(UserError.FAILURE);
    }
  }
}
