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

import dev.trendoff.core.TrendoffConfig;

/**
 * A trendoff job (any class with a {@code main}) in a child JVM with this JVM's classpath, module
 * flags and the given configuration. Used where a job must really die ({@code kill -9}) or run beside
 * others: the demo, the benchmarks and the integration tests.
 *
 * <p>The configuration, passwords included, goes to the child in its environment
 * ({@value TrendoffConfig#CONFIG_TEXT_ENV}), which only its user can read ({@code /proc/PID/environ}
 * is mode 0400): never on its command line, which {@code ps} shows to every user, and never in a
 * file, which a {@code kill -9} would leave behind (docs/security.md).
 */
public final class JobProcess implements AutoCloseable {

  /** System properties of this JVM a child gets too: none of them is a configuration key. */
  private static final List<String> INHERITED = List.of("log4j2.configurationFile", "trendoff.home", "trendoff.logdir");

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
      List<String> cmd = new ArrayList<>();
      cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      cmd.addAll(moduleFlags());
      cmd.add("-Xmx" + heap);
      for (String p : INHERITED) {
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
      // the child's configuration is exactly this one: no TRENDOFF_* of this JVM's environment on top
      pb.environment().keySet().removeIf(k -> k.startsWith(TrendoffConfig.ENV_PREFIX) && !k.equals("TRENDOFF_HOME"));
      pb.environment().put(TrendoffConfig.CONFIG_TEXT_ENV, render(config));
      return new JobProcess(name, pb.start(), log);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + name, e);
    }
  }

  /**
   * The {@code trendoff} section of {@code config} as text a child parses back to the same values: JSON
   * with the root's braces (concise HOCON renders the root object without them, and "trendoff " +
   * "a{..},b{..}" would parse as a key named "trendoff a").
   */
  static String render(Config config) {
    return config.getConfig(TrendoffConfig.ROOT).root().atKey(TrendoffConfig.ROOT).root()
        .render(ConfigRenderOptions.concise());
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
