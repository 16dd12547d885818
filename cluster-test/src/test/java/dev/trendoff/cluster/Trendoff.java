package dev.trendoff.cluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigRenderOptions;

/**
 * {@code ./trendoff ARGS} of the repository, as a user runs it: the launcher script, with a
 * configuration file ({@code TRENDOFF_CONFIG}) and, for {@code --master} jobs, the test cluster's
 * spark-submit ({@code TRENDOFF_SPARK_SUBMIT}). Output goes to a log file per run.
 */
final class Trendoff {

  private final Path repo;
  private final Path configFile;
  private final Map<String, String> sparkEnv;
  private final Path sparkSubmit;
  private final Path logs;

  Trendoff(Path repo, Config config, Map<String, String> sparkEnv, Path sparkSubmit, Path logs) throws IOException {
    this.repo = repo;
    this.sparkEnv = sparkEnv;
    this.sparkSubmit = sparkSubmit;
    this.logs = Files.createDirectories(logs);
    this.configFile = logs.resolve("trendoff.conf");
    Files.writeString(configFile, "trendoff " + config.getConfig("trendoff").root()
        .render(ConfigRenderOptions.concise().setJson(true)) + "\n", StandardCharsets.UTF_8);
  }

  /** Starts {@code ./trendoff args}; stdout and stderr go to {@code logs/name.log}. */
  Process start(String name, List<String> args) throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(repo.resolve("trendoff").toString());
    cmd.addAll(args);
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(logs.toFile()).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log(name).toFile()));
    pb.environment().keySet().removeIf(k -> k.startsWith("TRENDOFF_"));
    pb.environment().putAll(sparkEnv);
    pb.environment().put("TRENDOFF_CONFIG", configFile.toString());
    pb.environment().put("TRENDOFF_SPARK_SUBMIT", sparkSubmit.toString());
    pb.environment().put("TRENDOFF_JAVA_OPTS", "-Xmx384m");
    return pb.start();
  }

  /** Runs {@code ./trendoff args} to its end (at most {@code timeout}); returns exit code and output. */
  Result run(String name, List<String> args, Duration timeout) throws IOException, InterruptedException {
    Process p = start(name, args);
    if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly().waitFor();
      throw new AssertionError("./trendoff " + String.join(" ", args) + " did not finish within " + timeout.toSeconds()
          + " s:\n" + tail(name, 40));
    }
    return new Result(p.exitValue(), Files.readString(log(name), StandardCharsets.UTF_8));
  }

  Path log(String name) {
    return logs.resolve(name + ".log");
  }

  String tail(String name, int lines) {
    try {
      List<String> all = Files.readAllLines(log(name), StandardCharsets.ISO_8859_1);
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  /** SIGTERM to the launcher's process (spark-submit's JVM: the script execs it) and waits. */
  static int terminate(Process p, Duration wait) throws InterruptedException {
    p.destroy();
    if (p.waitFor(wait.toMillis(), TimeUnit.MILLISECONDS)) {
      return p.exitValue();
    }
    p.descendants().forEach(ProcessHandle::destroyForcibly);
    p.destroyForcibly().waitFor();
    return -1;
  }

  record Result(int exitCode, String output) {}
}
