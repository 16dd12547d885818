package dev.trendoff.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigRenderOptions;

/**
 * A trendoff job (any class with a {@code main}) in a child JVM with this JVM's classpath, module
 * flags and the given configuration (written to a file passed as {@code -Dtrendoff.config}). Used
 * where a job must really die ({@code kill -9}) or run beside others: the demo, the benchmarks and
 * the integration tests.
 */
public final class JobProcess implements AutoCloseable {

  private final String name;
  private final Process process;
  private final Path log;

  private JobProcess(String name, Process process, Path log) {
    this.name = name;
    this.process = process;
    this.log = log;
  }

  /**
   * Starts {@code mainClass args} with {@code config} (a loaded trendoff configuration) and a heap of
   * {@code heap} (like "1g"); stdout and stderr go to {@code log}.
   */
  public static JobProcess start(String name, String mainClass, List<String> args, Config config, String heap, Path log) {
    try {
      Files.createDirectories(log.toAbsolutePath().getParent());
      Path conf = Files.createTempFile(log.toAbsolutePath().getParent(), name + "-", ".conf");
      // JSON with the root's braces: concise HOCON renders the root object without them, and
      // "trendoff " + "a{..},b{..}" would parse as a key named "trendoff a"
      Files.writeString(conf, config.getConfig("trendoff").root().atKey("trendoff").root()
          .render(ConfigRenderOptions.concise()) + "\n", StandardCharsets.UTF_8);
      conf.toFile().deleteOnExit();
      List<String> cmd = new ArrayList<>();
      cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      cmd.addAll(moduleFlags());
      cmd.add("-Xmx" + heap);
      cmd.add("-Dtrendoff.config=" + conf.toAbsolutePath());
      // -Dtrendoff.* of this JVM (trendoff.home from the launcher, ...): Typesafe Config folds system
      // properties into the reference, so they are in the rendered file and the child must know them too
      List<String> inherited = new ArrayList<>(List.of("log4j2.configurationFile"));
      for (String p : System.getProperties().stringPropertyNames()) {
        if (p.startsWith("trendoff.") && !p.equals("trendoff.config")) {
          inherited.add(p);
        }
      }
      for (String p : inherited) {
        String v = System.getProperty(p);
        if (v != null) {
          cmd.add("-D" + p + "=" + v);
        }
      }
      cmd.add("-cp");
      cmd.add(System.getProperty("java.class.path"));
      cmd.add(mainClass);
      cmd.addAll(args);
      ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
      pb.environment().putIfAbsent("SPARK_LOCAL_IP", "127.0.0.1");
      pb.environment().keySet().removeIf(k -> k.startsWith("TRENDOFF_") && !k.equals("TRENDOFF_HOME"));
      return new JobProcess(name, pb.start(), log);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + name, e);
    }
  }

  /** The JVM flags of this JVM that open Java 17 modules to Spark (and friends). */
  static List<String> moduleFlags() {
    List<String> flags = new ArrayList<>();
    for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      if (a.startsWith("--add-opens") || a.startsWith("--add-exports") || a.startsWith("-XX:+IgnoreUnrecognizedVMOptions")
          || a.startsWith("-Djdk.reflect.useDirectMethodHandle") || a.startsWith("-Djava.net.preferIPv4Stack")) {
        flags.add(a);
      }
    }
    return flags;
  }

  public long pid() {
    return process.pid();
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** SIGTERM, then waits up to {@code wait} for the exit code (SIGKILL and -1 if it did not exit). */
  public int terminate(Duration wait) throws InterruptedException {
    process.destroy();
    if (process.waitFor(wait.toMillis(), TimeUnit.MILLISECONDS)) {
      return process.exitValue();
    }
    kill9();
    return -1;
  }

  /** {@code kill -9}: no hook, no flush, no commit. */
  public void kill9() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  /** Waits until {@code text} appears in the log, or the process dies, or time runs out. */
  public boolean awaitLog(String text, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (logText().contains(text)) {
        return true;
      }
      if (!process.isAlive()) {
        return logText().contains(text);
      }
      Thread.sleep(200);
    }
    return false;
  }

  public String logText() {
    try {
      return Files.exists(log) ? Files.readString(log, StandardCharsets.ISO_8859_1) : "";
    } catch (IOException e) {
      return "";
    }
  }

  /** The last {@code n} lines of the log, for a failure message. */
  public String logTail(int n) {
    String[] lines = logText().split("\n");
    return String.join("\n", java.util.Arrays.copyOfRange(lines, Math.max(0, lines.length - n), lines.length));
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      terminate(Duration.ofSeconds(30));
    }
  }

  @Override
  public String toString() {
    return name + "[pid " + pid() + "]";
  }
}
