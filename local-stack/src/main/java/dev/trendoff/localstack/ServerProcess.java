package dev.trendoff.localstack;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One server JVM of the stack: started with its output appended to a log file, its pid kept in a
 * pid file so that a later command (another JVM) finds it, stopped with SIGTERM and, after a
 * grace period, SIGKILL.
 */
final class ServerProcess {

  /** Marks the start of one run in the log file; {@link #tail} reads from the last one. */
  static final String START_MARK = "==== trendoff stack: starting ";

  private static final Path SETSID = Path.of("/usr/bin/setsid");

  private final String name;
  private final String marker;
  private final Path pidFile;
  private final Path logFile;

  /**
   * {@code marker} is a JVM option that the command line carries near its start (the kernel shows
   * only its first 4096 bytes), naming the service and its stack: it tells our server from a
   * process that merely got a reused pid.
   */
  ServerProcess(String name, String marker, Path pidFile, Path logFile) {
    this.name = name;
    this.marker = marker;
    this.pidFile = pidFile;
    this.logFile = logFile;
  }

  /** The marker option for service {@code name} of the stack in {@code dir}. */
  static String marker(String name, Path dir) {
    return "-Dtrendoff.localstack.service=" + name + "@" + dir;
  }

  String marker() {
    return marker;
  }

  String name() {
    return name;
  }

  Path logFile() {
    return logFile;
  }

  /** The process of the pid file, when it is alive and still the server this pid file was written for. */
  Optional<ProcessHandle> running() {
    if (!Files.isRegularFile(pidFile)) {
      return Optional.empty();
    }
    long pid;
    try {
      pid = Long.parseLong(Files.readString(pidFile, StandardCharsets.UTF_8).strip());
    } catch (IOException | NumberFormatException e) {
      return Optional.empty();
    }
    return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).filter(this::isOurs);
  }

  private boolean isOurs(ProcessHandle h) {
    // a reused pid belongs to some other program; if the command line is hidden, trust the pid file
    return h.info().commandLine().map(c -> c.contains(marker)).orElse(true);
  }

  /**
   * Starts {@code command}, appending its stdout and stderr to the log file, to live as long as
   * {@code lifetime} says: in its own session (setsid) it outlives the terminal's Ctrl-C, and with an
   * owner a watchdog stops it once the owner is gone.
   */
  ProcessHandle start(List<String> command, Path workDir, Lifetime lifetime) {
    try {
      Files.createDirectories(logFile.getParent());
      Files.writeString(logFile, START_MARK + name + " at " + Instant.now() + " ====\n" + String.join(" ", command) + "\n",
          StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
      List<String> cmd = new java.util.ArrayList<>();
      if (lifetime.ownSession() && Files.isExecutable(SETSID)) {
        cmd.add(SETSID.toString());
      }
      cmd.addAll(command);
      ProcessBuilder pb = new ProcessBuilder(cmd)
          .directory(workDir.toFile())
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
          .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
      Process p = pb.start();
      Files.writeString(pidFile, Long.toString(p.pid()) + "\n", StandardCharsets.UTF_8);
      if (lifetime.ownerPid() > 0) {
        watch(lifetime.ownerPid(), p.pid());
      }
      return p.toHandle();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + name + ": " + e.getMessage(), e);
    }
  }

  /**
   * A server that belongs to a process (this JVM, or a build) must not outlive it, even when that
   * process is killed with SIGKILL and runs no shutdown hook: a small shell in its own session polls
   * both and stops the server (SIGTERM, SIGKILL 30 s later) once the owner is gone.
   */
  private static void watch(long ownerPid, long serverPid) {
    String script = "while kill -0 " + ownerPid + " 2>/dev/null && kill -0 " + serverPid + " 2>/dev/null; do sleep 2; done; "
        + "if kill -0 " + serverPid + " 2>/dev/null; then kill -TERM " + serverPid + "; n=0; "
        + "while [ $n -lt 30 ] && kill -0 " + serverPid + " 2>/dev/null; do sleep 1; n=$((n+1)); done; "
        + "kill -KILL " + serverPid + " 2>/dev/null; fi";
    List<String> cmd = new java.util.ArrayList<>();
    if (Files.isExecutable(SETSID)) {
      cmd.add(SETSID.toString());
    }
    cmd.addAll(List.of("/bin/sh", "-c", script, "trendoff-stack-watchdog"));
    try {
      new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
          .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
    } catch (IOException e) {
      // without a watchdog the shutdown hook and close() still stop the server
    }
  }

  /**
   * Stops the server: SIGTERM, up to {@code grace} for it to exit, then SIGKILL. Returns true when
   * it stopped within the grace period, false when it had to be killed or was not running.
   */
  boolean stop(Duration grace) {
    Optional<ProcessHandle> h = running();
    boolean graceful = false;
    if (h.isPresent()) {
      graceful = stop(h.get(), grace);
    }
    deletePidFile();
    return graceful;
  }

  static boolean stop(ProcessHandle h, Duration grace) {
    h.destroy();
    if (waitFor(h, grace)) {
      return true;
    }
    h.destroyForcibly();
    waitFor(h, Duration.ofSeconds(30));
    return false;
  }

  void deletePidFile() {
    try {
      Files.deleteIfExists(pidFile);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean waitFor(ProcessHandle h, Duration d) {
    try {
      h.onExit().get(d.toMillis(), TimeUnit.MILLISECONDS);
      return true;
    } catch (TimeoutException e) {
      return !h.isAlive();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return !h.isAlive();
    } catch (ExecutionException e) {
      return !h.isAlive();
    }
  }

  /** The last {@code n} lines of the log written since the last start. */
  List<String> tail(int n) {
    return tail(logFile, n);
  }

  static List<String> tail(Path file, int n) {
    if (!Files.isReadable(file)) {
      return List.of();
    }
    Deque<String> last = new ArrayDeque<>();
    try (var lines = Files.lines(file, StandardCharsets.UTF_8)) {
      lines.forEach(l -> {
        if (l.startsWith(START_MARK)) {
          last.clear();
        }
        last.addLast(l);
        if (last.size() > n) {
          last.removeFirst();
        }
      });
    } catch (IOException | UncheckedIOException e) {
      return List.of("(cannot read " + file + ": " + e.getMessage() + ")");
    }
    return List.copyOf(last);
  }
}
