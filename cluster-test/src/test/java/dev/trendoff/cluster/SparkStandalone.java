package dev.trendoff.cluster;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.trendoff.localstack.Ports;

/**
 * A Spark 3.5 standalone cluster of local JVMs: a SPARK_HOME assembled from Spark's Maven artifacts
 * ({@code jars/} links every jar of spark-core, spark-sql and spark-streaming with their dependencies,
 * and nothing else: what a stock distribution carries), with {@code bin/spark-class} and
 * {@code bin/spark-submit} driving Spark's own launcher library; a master and workers started through
 * {@code bin/spark-class} on 127.0.0.1, like the distribution's sbin scripts do.
 */
final class SparkStandalone implements AutoCloseable {

  private final Path home;
  private final Path logs;
  private final int masterPort;
  private final int masterUiPort;
  private final List<Process> workers = new ArrayList<>();
  private Process master;

  private SparkStandalone(Path home, Path logs, int masterPort, int masterUiPort) {
    this.home = home;
    this.logs = logs;
    this.masterPort = masterPort;
    this.masterUiPort = masterUiPort;
  }

  /** Assembles SPARK_HOME under {@code dir} from the jar list in {@code classpathFile}. */
  static SparkStandalone assemble(Path dir, Path classpathFile) throws IOException {
    Path home = Files.createDirectories(dir.resolve("spark-home"));
    Path jars = Files.createDirectories(home.resolve("jars"));
    for (String jar : Files.readString(classpathFile).strip().split(":")) {
      Path src = Path.of(jar);
      Path link = jars.resolve(src.getFileName());
      if (!Files.exists(link)) {
        Files.createSymbolicLink(link, src);
      }
    }
    for (String f : List.of("bin/spark-class", "bin/spark-submit", "conf/spark-defaults.conf", "conf/log4j2.properties")) {
      Path target = home.resolve(f);
      Files.createDirectories(target.getParent());
      try (InputStream in = SparkStandalone.class.getResourceAsStream("/spark-home/" + f)) {
        Files.copy(in, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      }
      if (f.startsWith("bin/")) {
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
      }
    }
    List<Integer> ports = Ports.free(2);
    return new SparkStandalone(home, Files.createDirectories(dir.resolve("logs")), ports.get(0), ports.get(1));
  }

  Path home() {
    return home;
  }

  Path sparkSubmit() {
    return home.resolve("bin/spark-submit");
  }

  String masterUrl() {
    return "spark://127.0.0.1:" + masterPort;
  }

  /** The environment every Spark process here runs with. */
  Map<String, String> env() {
    return Map.of("SPARK_HOME", home.toString(), "SPARK_LOCAL_IP", "127.0.0.1", "SPARK_SCALA_VERSION", "2.13",
        "SPARK_CONF_DIR", home.resolve("conf").toString());
  }

  void startMaster() throws IOException {
    master = sparkClass("master", List.of("org.apache.spark.deploy.master.Master", "--host", "127.0.0.1",
        "--port", String.valueOf(masterPort), "--webui-port", String.valueOf(masterUiPort)), "256m");
  }

  /** A worker with {@code cores} cores and {@code memory} for executors. */
  void startWorker(int cores, String memory) throws IOException {
    int n = workers.size() + 1;
    Path work = Files.createDirectories(home.getParent().resolve("work-" + n));
    int ui = Ports.free(1).get(0);
    workers.add(sparkClass("worker-" + n, List.of("org.apache.spark.deploy.worker.Worker", "--host", "127.0.0.1",
        "--cores", String.valueOf(cores), "--memory", memory, "--work-dir", work.toString(),
        "--webui-port", String.valueOf(ui), masterUrl()), "256m"));
  }

  private Process sparkClass(String name, List<String> args, String daemonMemory) throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(home.resolve("bin/spark-class").toString());
    cmd.addAll(args);
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(logs.resolve(name + ".log").toFile()));
    pb.environment().putAll(env());
    pb.environment().put("SPARK_DAEMON_MEMORY", daemonMemory);
    pb.environment().put("SPARK_WORKER_OPTS", "-Dspark.worker.cleanup.enabled=false");
    return pb.start();
  }

  /** The master's state (its web UI's /json/). */
  JsonNode state() {
    try {
      HttpResponse<String> r = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + masterUiPort + "/json/")).timeout(Duration.ofSeconds(5)).build(),
          HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new ObjectMapper().readTree(r.body());
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  int aliveWorkers() {
    JsonNode s = state();
    return s == null ? 0 : s.path("aliveworkers").asInt(0);
  }

  /** Waits until {@code n} workers are registered and alive. */
  void awaitWorkers(int n, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (aliveWorkers() < n) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(n + " Spark workers did not register within " + timeout.toSeconds() + " s; master log:\n"
            + tail("master", 30));
      }
      Thread.sleep(500);
    }
  }

  /** Stops worker {@code i} (0-based) and waits for its JVM (and the executors it started) to exit. */
  void stopWorker(int i) throws InterruptedException {
    Process w = workers.get(i);
    w.descendants().forEach(ProcessHandle::destroy);
    w.destroy();
    w.waitFor();
  }

  String tail(String name, int lines) {
    try {
      List<String> all = Files.readAllLines(logs.resolve(name + ".log"), StandardCharsets.ISO_8859_1);
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() throws InterruptedException {
    List<Process> all = new ArrayList<>(workers);
    if (master != null) {
      all.add(master);
    }
    for (Process p : all) {
      p.descendants().forEach(ProcessHandle::destroy);
      p.destroy();
    }
    for (Process p : all) {
      if (!p.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly().waitFor();
      }
    }
  }
}
