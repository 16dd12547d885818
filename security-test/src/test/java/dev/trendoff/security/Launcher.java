package dev.trendoff.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code ./trendoff ARGS} of the repository as a user runs it: in a working directory of its own,
 * with exactly the {@code TRENDOFF_*} environment given (no configuration file: the credentials come
 * from the environment), {@code java.io.tmpdir} and {@code TMPDIR} in a directory of its own, stdout
 * and stderr in files of their own under {@code runs/}.
 */
final class Launcher {

  private static final AtomicInteger RUNS = new AtomicInteger();

  private final Path repo;
  private final Path work;
  private final Path tmp;
  private final Map<String, String> env;

  Launcher(Path repo, Path work, Map<String, String> env) throws IOException {
    this.repo = repo;
    this.work = Files.createDirectories(work);
    this.tmp = Files.createDirectories(work.resolve("tmp"));
    Files.createDirectories(work.resolve("runs"));
    this.env = Map.copyOf(env);
  }

  /** The same launcher with {@code more} environment (overriding). */
  Launcher with(Map<String, String> more) throws IOException {
    Map<String, String> e = new LinkedHashMap<>(env);
    e.putAll(more);
    return new Launcher(repo, work, e);
  }

  Path work() {
    return work;
  }

  Path tmp() {
    return tmp;
  }

  /** A started {@code ./trendoff args}. */
  record Run(String name, Process process, Path out, Path err) {
    String stdout() throws IOException {
      return Files.readString(out, StandardCharsets.UTF_8);
    }

    String stderr() throws IOException {
      return Files.readString(err, StandardCharsets.UTF_8);
    }

    /** SIGTERM to the launcher (it execs the JVM), then its exit code; -1 if it had to be killed. */
    int terminate(Duration wait) throws InterruptedException {
      process.destroy();
      if (process.waitFor(wait.toMillis(), TimeUnit.MILLISECONDS)) {
        return process.exitValue();
      }
      process.destroyForcibly().waitFor();
      return -1;
    }
  }

  /** The result of a finished run. */
  record Result(int exit, String stdout, String stderr) {}

  Run start(List<String> args) throws IOException {
    String name = RUNS.incrementAndGet() + "-" + String.join("-", args.subList(0, Math.min(2, args.size())))
        .replaceAll("[^A-Za-z0-9_-]", "_");
    List<String> cmd = new ArrayList<>();
    cmd.add(repo.resolve("trendoff").toString());
    cmd.addAll(args);
    Path out = work.resolve("runs").resolve(name + ".out");
    Path err = work.resolve("runs").resolve(name + ".err");
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(work.toFile())
        .redirectOutput(out.toFile()).redirectError(err.toFile());
    pb.environment().keySet().removeIf(k -> k.startsWith("TRENDOFF_"));
    pb.environment().putAll(env);
    pb.environment().put("TMPDIR", tmp.toString());
    pb.environment().put("TRENDOFF_JAVA_OPTS", "-Xmx768m -Djava.io.tmpdir=" + tmp);
    return new Run(name, pb.start(), out, err);
  }

  Result run(List<String> args, Duration timeout) throws IOException, InterruptedException {
    Run r = start(args);
    if (!r.process().waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      r.process().descendants().forEach(ProcessHandle::destroyForcibly);
      r.process().destroyForcibly().waitFor();
      throw new AssertionError("./trendoff " + String.join(" ", args) + " did not finish within " + timeout.toSeconds()
          + " s; stderr:\n" + r.stderr());
    }
    return new Result(r.process().exitValue(), r.stdout(), r.stderr());
  }
}
