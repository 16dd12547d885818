package dev.trendoff.localstack;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.datastax.oss.driver.api.core.CqlSession;
import com.typesafe.config.Config;
import dev.trendoff.core.CassandraRoles;
import dev.trendoff.core.CassandraSessions;
import dev.trendoff.core.KafkaTopics;
import dev.trendoff.core.Schema;
import dev.trendoff.core.SecretFile;
import dev.trendoff.core.Settings;
import dev.trendoff.core.TrendoffConfig;
import dev.trendoff.core.UserError;
import org.apache.kafka.clients.admin.Admin;

/**
 * The local stack: one Kafka (KRaft) and one Cassandra, each a child JVM from Maven artifacts, on
 * 127.0.0.1, with data, pid files and logs under {@code trendoff.stack.dir}. Used by
 * {@code ./trendoff stack up|down|status} and by the JUnit extension. Every method is idempotent and
 * finds servers started by another JVM through their pid files.
 */
public final class LocalStack {

  /** Log lines shown when a service fails to start. */
  static final int TAIL_LINES = 15;

  private final Config config;
  private final StackSettings s;
  private final KafkaNode kafka;
  private final CassandraNode cassandra;

  /** A stack as {@code config} (a loaded trendoff configuration) describes it. */
  public LocalStack(Config config) {
    this.config = config;
    this.s = StackSettings.from(config);
    this.kafka = new KafkaNode(s, null);
    this.cassandra = new CassandraNode(s, null);
  }

  public StackSettings settings() {
    return s;
  }

  /**
   * {@code config} with the Kafka and Cassandra client settings pointing at this stack: its addresses
   * and, when it is secured, its credentials and truststore ({@link StackSecrets#clientOverrides}).
   */
  public Config clientConfig() {
    Config c = TrendoffConfig.withOverrides(config, s.clientOverrides());
    StackSecrets secrets = existingSecrets();
    if (secrets != null) {
      c = TrendoffConfig.withOverrides(c, secrets.clientOverrides(Settings.from(c).kafka().client()));
    }
    return c;
  }

  /** The secured stack's secrets when it has them (after its first secured {@link #up}), else null. */
  private StackSecrets existingSecrets() {
    return s.secured() && Files.isRegularFile(s.secureDir().resolve(StackSecrets.PASSWORDS))
        ? StackSecrets.load(s.secureDir()) : null;
  }

  /**
   * The secrets of a secured stack, made on its first start; null when it is not secured. A data
   * directory that already ran without security cannot become secured (its Kafka has no users).
   */
  private StackSecrets secretsForUp() {
    if (!s.secured()) {
      return null;
    }
    boolean first = !Files.isRegularFile(s.secureDir().resolve(StackSecrets.PASSWORDS));
    if (first && (kafka.formatted() || Files.isDirectory(s.cassandraDir().resolve("data")))) {
      throw new UserError("the stack under " + s.dir() + " has data from a start without security (its Kafka has no"
          + " users): start it without --secure (trendoff.stack.secure), or stop it and remove " + s.dir()
          + " to start a secured one from scratch");
    }
    StackSecrets secrets = StackSecrets.ensure(s);
    secrets.writeClientFile(s.dir());
    // an argument file of a format killed with -9 (its writer gone) goes now, formatting or not
    SecretFile.removeStale(s.secureDir());
    return secrets;
  }

  public Settings clientSettings() {
    return Settings.from(clientConfig());
  }

  /** What {@link #up} did. */
  public record UpReport(boolean kafkaStarted, boolean cassandraStarted, List<String> topicsCreated,
      int schemaStatements, Duration took) {}

  /**
   * Starts whichever service is not running, waits until both answer, creates the topics and
   * applies the schema. With {@code detach} the servers get their own session and outlive this JVM;
   * without, they live as long as this JVM. When a start fails, the services this call started are
   * stopped again.
   */
  public UpReport up(boolean detach, PrintStream out) {
    return up(detach ? Lifetime.DETACHED : Lifetime.thisJvm(), out);
  }

  /** {@link #up(boolean, PrintStream)}, the servers it starts living as long as {@code lifetime} says. */
  public UpReport up(Lifetime lifetime, PrintStream out) {
    long t0 = System.nanoTime();
    prepareDir();
    StackSecrets secrets = secretsForUp();
    KafkaNode kafka = new KafkaNode(s, secrets);
    CassandraNode cassandra = new CassandraNode(s, secrets);
    Settings client = clientSettings();
    noteClientMismatch(out);

    ServerProcess kp = kafka.process();
    ServerProcess cp = cassandra.process();
    Optional<ProcessHandle> kRunning = kp.running();
    Optional<ProcessHandle> cRunning = cp.running();
    // everything that can be checked is checked before anything starts
    if (kRunning.isPresent() && !kafka.configMatches()) {
      throw changedWhileRunning("Kafka", kRunning.get());
    }
    if (cRunning.isPresent() && !cassandra.configMatches()) {
      throw changedWhileRunning("Cassandra", cRunning.get());
    }
    JavaRuntimes.Runtime cassandraJava = null;
    List<Path> cassandraJars = null;
    List<Path> kafkaJars = null;
    if (cRunning.isEmpty()) {
      cassandraJava = JavaRuntimes.forCassandra(s.cassandraJavaHome(), System.getenv(),
          Path.of(System.getProperty("java.home")), Path.of("/usr/lib/jvm"));
      cassandraJars = RuntimeClasspath.cassandra();
      requireFree(s.cassandraPort(), "Cassandra (CQL)", "cassandra-port");
      requireFree(s.cassandraStoragePort(), "Cassandra (storage)", "cassandra-storage-port");
    }
    if (kRunning.isEmpty()) {
      kafkaJars = RuntimeClasspath.kafka();
      requireFree(s.kafkaPort(), "Kafka", "kafka-port");
      requireFree(s.kafkaControllerPort(), "Kafka (controller)", "kafka-controller-port");
    }

    List<ServerProcess> startedHere = new ArrayList<>();
    try {
      long cStart = System.nanoTime();
      ProcessHandle ch = cRunning.orElse(null);
      if (ch == null) {
        cassandra.promoteClassArchive();
        cassandra.writeConfig();
        ch = cp.start(cassandra.command(cassandraJava, cassandraJars), s.dir(), lifetime);
        startedHere.add(cp);
      } else {
        out.printf("cassandra  already running  pid %d  %s%n", ch.pid(), s.cassandraContactPoint());
      }

      long kStart = System.nanoTime();
      ProcessHandle kh = kRunning.orElse(null);
      if (kh == null) {
        kafka.writeConfig();
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        if (!kafka.formatted()) {
          format(kafka, kp, java, kafkaJars, secrets);
        }
        kh = kp.start(kafka.command(java, kafkaJars), s.dir(), lifetime);
        startedHere.add(kp);
      } else {
        out.printf("kafka      already running  pid %d  %s%n", kh.pid(), s.kafkaBootstrapServers());
      }

      waitForKafka(kp, kh, client.kafka(), kStart);
      if (kRunning.isEmpty()) {
        out.printf("kafka      started  pid %d  %s  ready in %s%n", kh.pid(), s.kafkaBootstrapServers(), secondsSince(kStart));
      }
      List<CassandraRoles.Login> logins = secrets == null ? List.of(new CassandraRoles.Login(client.cassandra(), false))
          : CassandraRoles.superuserLogins(client.cassandra(), secrets.cassandraAdminPassword(), "");
      try (CassandraRoles.Session admin = waitForCassandra(cp, ch, logins, cStart)) {
        if (cRunning.isEmpty()) {
          out.printf("cassandra  started  pid %d  %s  ready in %s%n", ch.pid(), s.cassandraContactPoint(), secondsSince(cStart));
        }
        if (secrets != null) {
          CassandraRoles.ensure(admin, secrets.cassandraAdminPassword(), StackSecrets.APP_USER, secrets.cassandraAppPassword());
          out.printf("security   Kafka SASL_SSL (%s), Cassandra TLS + PasswordAuthenticator; application user %s;%n"
              + "           its credentials and truststore: %s (mode 600), read by every command%n",
              StackSecrets.SCRAM, StackSecrets.APP_USER, s.dir().resolve(TrendoffConfig.STACK_CLIENT_FILE));
        }
      }

      long tTopics = System.nanoTime();
      List<String> created = KafkaTopics.ensure(client.kafka());
      out.printf("topics     %s  (%d partitions each)  %s%n",
          created.isEmpty() ? "exist: " + String.join(", ", KafkaTopics.names(client.kafka()))
              : "created: " + String.join(", ", created),
          client.kafka().partitions(), secondsSince(tTopics));

      long tSchema = System.nanoTime();
      int statements = Schema.apply(client.cassandra());
      out.printf("schema     applied  %d statements, keyspace %s  %s%n", statements, client.cassandra().keyspace(),
          secondsSince(tSchema));

      Duration took = Duration.ofNanos(System.nanoTime() - t0);
      out.printf("stack up in %s  (data and logs under %s)%n", secondsSince(t0), s.dir());
      return new UpReport(kRunning.isEmpty(), cRunning.isEmpty(), created, statements, took);
    } catch (IOException e) {
      stopAll(startedHere);
      throw new UserError("cannot write the stack's files under " + s.dir() + ": " + e.getMessage()
          + "; choose another directory with trendoff.stack.dir (TRENDOFF_STACK_DIR)", e);
    } catch (RuntimeException e) {
      stopAll(startedHere);
      throw e;
    }
  }

  /** Stops both services (SIGTERM, then SIGKILL after the stop timeout), in parallel. */
  public void down(PrintStream out) {
    CompletableFuture<String> k = CompletableFuture.supplyAsync(() -> stopOne(kafka.process(), s.kafkaPort()));
    CompletableFuture<String> c = CompletableFuture.supplyAsync(() -> {
      String line = stopOne(cassandra.process(), s.cassandraPort());
      cassandra.promoteClassArchive();
      return line;
    });
    out.println(k.join());
    out.println(c.join());
  }

  private String stopOne(ServerProcess p, int port) {
    Optional<ProcessHandle> h = p.running();
    if (h.isEmpty()) {
      p.deletePidFile();
      String other = Ports.answers(port, 300)
          ? "  (note: something not started from " + s.dir() + " answers on " + StackSettings.HOST + ":" + port + ")" : "";
      return String.format("%-10s not running%s", p.name(), other);
    }
    long t = System.nanoTime();
    long pid = h.get().pid();
    boolean graceful = p.stop(s.stopTimeout());
    return String.format("%-10s %s  pid %d  in %s", p.name(),
        graceful ? "stopped" : "killed (did not stop within " + s.stopTimeout().toSeconds() + " s)", pid, secondsSince(t));
  }

  /** One service as {@link #status} sees it. */
  public record ServiceStatus(String name, Optional<Long> pid, String address, boolean answers, long dataBytes,
      Path dataDir) {
    public boolean up() {
      return pid.isPresent() && answers;
    }

    @Override
    public String toString() {
      return String.format("%-10s %-5s %-12s %-16s data %8s  %s", name, up() ? "up" : "down",
          pid.map(p -> "pid " + p).orElse("-"), address, human(dataBytes), dataDir);
    }
  }

  /** Each service: pid (from its pid file, when alive), address, whether it answers, data size. */
  public List<ServiceStatus> status() {
    return List.of(
        status("kafka", kafka.process(), s.kafkaPort(), s.kafkaBootstrapServers(), s.kafkaDir()),
        status("cassandra", cassandra.process(), s.cassandraPort(), s.cassandraContactPoint(), s.cassandraDir()));
  }

  private ServiceStatus status(String name, ServerProcess p, int port, String address, Path data) {
    Optional<Long> pid = p.running().map(ProcessHandle::pid);
    return new ServiceStatus(name, pid, address, Ports.answers(port, 500), sizeOf(data), data);
  }

  /** The pids of the servers this stack's pid files name and that are alive (for tests). */
  public List<Long> pids() {
    List<Long> out = new ArrayList<>();
    kafkaPid().ifPresent(out::add);
    cassandraPid().ifPresent(out::add);
    return out;
  }

  /** The Kafka server's pid, when it runs (for tests that kill it). */
  public Optional<Long> kafkaPid() {
    return kafka.process().running().map(ProcessHandle::pid);
  }

  /** The Cassandra server's pid, when it runs (for tests that kill it). */
  public Optional<Long> cassandraPid() {
    return cassandra.process().running().map(ProcessHandle::pid);
  }

  // ---- starting

  private void prepareDir() {
    Path dir = s.dir();
    try {
      Files.createDirectories(dir);
      Files.createDirectories(s.logDir());
      Path probe = Files.createTempFile(dir, ".write-probe", ".tmp");
      Files.delete(probe);
    } catch (IOException | SecurityException e) {
      throw new UserError("the stack's data directory " + dir + " is not writable (" + e.getClass().getSimpleName()
          + (e.getMessage() == null ? "" : ": " + e.getMessage()) + "); choose another with trendoff.stack.dir"
          + " (TRENDOFF_STACK_DIR) or fix its permissions", e);
    }
  }

  private void noteClientMismatch(PrintStream out) {
    Settings loaded = Settings.from(config);
    if (!loaded.kafka().bootstrapServers().equals(s.kafkaBootstrapServers())) {
      out.printf("note: trendoff.kafka.bootstrap-servers is %s but this stack's Kafka is %s; for the other commands set"
          + " it to match (TRENDOFF_KAFKA_BOOTSTRAP_SERVERS=%s)%n", loaded.kafka().bootstrapServers(), s.kafkaBootstrapServers(),
          s.kafkaBootstrapServers());
    }
    List<String> points = loaded.cassandra().contactPoints().stream().map(a -> a.getHostString() + ":" + a.getPort()).toList();
    if (!points.equals(List.of(s.cassandraContactPoint()))) {
      out.printf("note: trendoff.cassandra.contact-points is %s but this stack's Cassandra is %s; for the other commands"
          + " set it to match (TRENDOFF_CASSANDRA_CONTACT_POINTS=%s)%n", String.join(",", points), s.cassandraContactPoint(),
          s.cassandraContactPoint());
    }
  }

  private static UserError changedWhileRunning(String what, ProcessHandle h) {
    return new UserError(what + " (pid " + h.pid() + ") is running with other settings than the current ones"
        + " (ports or directories changed): run `./trendoff stack down` with the old settings first, then `up`");
  }

  private static void requireFree(int port, String what, String key) {
    if (!Ports.isFree(port)) {
      throw new UserError("port " + port + " on " + StackSettings.HOST + " for " + what
          + " is already taken by another process; stop that process or choose another port with trendoff.stack." + key
          + " (" + TrendoffConfig.envName("stack." + key) + ")");
    }
  }

  private void format(KafkaNode kafka, ServerProcess kp, Path java, List<Path> jars, StackSecrets secrets) throws IOException {
    String clusterId = org.apache.kafka.common.Uuid.randomUuid().toString();
    List<String> cmd = kafka.formatCommand(java, jars, clusterId);
    // secured, the arguments name the SCRAM users' passwords: java reads them from a 0600 file in the
    // stack's secure directory, deleted when the format ends (or at the next start after a kill -9)
    try (SecretFile args = secrets == null ? null
        : SecretFile.create(s.secureDir(), SecretFile.javaArgFile(cmd.subList(1, cmd.size())))) {
      List<String> run = args == null ? cmd : List.of(cmd.get(0), "@" + args.path());
      ProcessHandle h = kp.start(run, s.dir(), Lifetime.thisJvm());
      kp.deletePidFile();
      try {
        h.onExit().get(120, TimeUnit.SECONDS);
      } catch (Exception e) {
        h.destroyForcibly();
        throw failed("formatting Kafka's storage did not finish within 120 s", kp);
      }
    }
    if (!kafka.formatted()) {
      throw failed("formatting Kafka's storage under " + kafka.dataDir() + " failed", kp);
    }
  }

  private void waitForKafka(ServerProcess p, ProcessHandle h, Settings.Kafka k, long startNanos) {
    long deadline = startNanos + s.startTimeout().toNanos();
    while (true) {
      requireAlive(p, h, "Kafka");
      if (Ports.answers(s.kafkaPort(), 500)) {
        Map<String, Object> props = new java.util.HashMap<>(k.clientProperties());
        props.put("request.timeout.ms", 3000);
        props.put("default.api.timeout.ms", 3000);
        try (Admin admin = Admin.create(props)) {
          if (!admin.describeCluster().nodes().get(4, TimeUnit.SECONDS).isEmpty()) {
            return;
          }
        } catch (Exception e) {
          // not ready yet
        }
      }
      if (System.nanoTime() > deadline) {
        throw timedOut("Kafka", s.kafkaBootstrapServers(), p);
      }
      sleep(250);
    }
  }

  /** Waits until Cassandra answers CQL to one of {@code logins}; returns that session (the caller closes it). */
  private CassandraRoles.Session waitForCassandra(ServerProcess p, ProcessHandle h, List<CassandraRoles.Login> logins,
      long startNanos) {
    long deadline = startNanos + s.startTimeout().toNanos();
    while (true) {
      requireAlive(p, h, "Cassandra");
      if (Ports.answers(s.cassandraPort(), 500)) {
        for (CassandraRoles.Login login : logins) {
          CqlSession session = null;
          try {
            session = CassandraSessions.open(login.settings(), false);
            if (session.execute("SELECT release_version FROM system.local").one() != null) {
              return new CassandraRoles.Session(session, login.replacesPassword());
            }
          } catch (RuntimeException e) {
            // not ready yet, or not this login
          }
          if (session != null) {
            session.close();
          }
        }
      }
      if (System.nanoTime() > deadline) {
        throw timedOut("Cassandra", s.cassandraContactPoint(), p);
      }
      sleep(500);
    }
  }

  private void requireAlive(ServerProcess p, ProcessHandle h, String what) {
    if (!h.isAlive()) {
      p.deletePidFile();
      throw failed(what + " exited while starting", p);
    }
  }

  private UserError timedOut(String what, String address, ServerProcess p) {
    return failed(what + " did not answer on " + address + " within " + s.startTimeout().toSeconds()
        + " s; raise trendoff.stack.start-timeout (TRENDOFF_STACK_START_TIMEOUT) if the machine is busy", p);
  }

  private static UserError failed(String cause, ServerProcess p) {
    StringBuilder msg = new StringBuilder(cause).append(" (log: ").append(p.logFile()).append("); its last lines:");
    for (String line : p.tail(TAIL_LINES)) {
      msg.append("\n  | ").append(line.length() > 300 ? line.substring(0, 300) + " ..." : line);
    }
    return new UserError(msg.toString());
  }

  private void stopAll(List<ServerProcess> started) {
    for (ServerProcess p : started) {
      p.stop(Duration.ofSeconds(20));
    }
    cassandra.promoteClassArchive();
  }

  // ---- small helpers

  static String secondsSince(long nanos) {
    return String.format("%.1f s", (System.nanoTime() - nanos) / 1e9);
  }

  /**
   * Disk space used under {@code dir} ({@code du -sk}: Kafka preallocates sparse index files, so
   * the sum of file sizes would overstate it); the sum of file sizes where du is not available.
   */
  static long sizeOf(Path dir) {
    if (!Files.isDirectory(dir)) {
      return 0;
    }
    try {
      Process du = new ProcessBuilder("du", "-sk", dir.toString()).redirectErrorStream(false)
          .redirectError(ProcessBuilder.Redirect.DISCARD).start();
      String out = new String(du.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).strip();
      if (du.waitFor(10, TimeUnit.SECONDS) && du.exitValue() == 0 && !out.isEmpty()) {
        return Long.parseLong(out.split("\\s+")[0]) * 1024;
      }
    } catch (IOException | NumberFormatException e) {
      // fall back to the sum of sizes
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).mapToLong(f -> {
        try {
          return Files.size(f);
        } catch (IOException e) {
          return 0;
        }
      }).sum();
    } catch (IOException | java.io.UncheckedIOException e) {
      return 0;
    }
  }

  static String human(long bytes) {
    if (bytes < 1024) {
      return bytes + " B";
    }
    double v = bytes;
    String[] units = {"KiB", "MiB", "GiB", "TiB"};
    int i = -1;
    while (v >= 1024 && i < units.length - 1) {
      v /= 1024;
      i++;
    }
    return String.format("%.1f %s", v, units[i]);
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UserError("interrupted while waiting for the stack to start");
    }
  }
}
