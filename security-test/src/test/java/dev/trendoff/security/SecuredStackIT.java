package dev.trendoff.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import com.datastax.oss.driver.api.core.CqlSession;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.trendoff.avro.Tweet;
import dev.trendoff.core.CassandraSessions;
import dev.trendoff.core.KafkaOffsets;
import dev.trendoff.core.Secrets;
import dev.trendoff.core.Settings;
import dev.trendoff.core.UserError;
import dev.trendoff.localstack.junit.LocalStackExtension;
import dev.trendoff.localstack.junit.TestStack;
import dev.trendoff.producer.SyntheticTweets;
import dev.trendoff.serving.Recount;

/**
 * trendoff against a secured local stack (test-stack.secure: Kafka SASL SCRAM-SHA-512 over TLS,
 * Cassandra PasswordAuthenticator and client TLS, keys and passwords the stack generated), through
 * {@code ./trendoff} with the credentials and truststores in the environment only, as docs/security.md
 * tells a user to give them: the whole pipeline answers exactly, on the command line and over HTTP; each refused login or TLS handshake is
 * one line; and no password of the stack shows on any process's command line (sampled from
 * {@code /proc/*}{@code /cmdline} while the jobs run), in any output or log, or in any file left under
 * the runs' working, temporary and stack directories.
 */
@ExtendWith(LocalStackExtension.class)
class SecuredStackIT {

  private static final Path REPO = Path.of(System.getProperty("security-it.repo", "..")).toAbsolutePath().normalize();
  private static final Duration RUN = Duration.ofMinutes(5);
  private static final Duration CATCH_UP = Duration.ofMinutes(5);
  private static final int USERS = 6;
  private static final int FIRST = 1500;
  private static final int SECOND = 400;

  @Test
  void thePipelineThroughTheLauncherAnswersExactlyAndLeavesNoSecretAnywhere(TestStack stack, @TempDir Path work)
      throws Exception {
    Settings mine = stack.settingsWith(Map.of("kafka.topic", stack.freshName("tweets"), "kafka.dlq-topic", stack.freshName("dlq"),
        "kafka.speed-group", stack.freshName("speed"), "kafka.batch-group", stack.freshName("batch"),
        "cassandra.keyspace", stack.freshName("ks")));
    List<String> secrets = stackPasswords(stack);
    Launcher trendoff = new Launcher(REPO, work, environment(mine));

    List<Tweet> produced = new ArrayList<>();
    try (CommandLineWatch watch = new CommandLineWatch(secrets)) {
      ok(trendoff.run(List.of("produce", "--source", "synthetic", "--seed", "11", "--users", "" + USERS, "--tweets", "" + FIRST), RUN));
      new SyntheticTweets(11, USERS, FIRST).forEach(produced::add);
      Launcher.Run speed = trendoff.start(List.of("speed-layer"));
      Launcher.Run ingest = trendoff.start(List.of("batch-layer", "ingest"));
      try {
        awaitCaughtUp(mine, mine.kafka().batchGroup(), ingest);
        Launcher.Result recompute = ok(trendoff.run(List.of("batch-layer", "recompute"), RUN));
        assertThat(recompute.stdout()).contains("published: " + FIRST + " tweets read");
        // more tweets after the recompute's cut: answered from the speed view, beside the batch view
        ok(trendoff.run(List.of("produce", "--source", "synthetic", "--seed", "12", "--users", "" + USERS, "--tweets", "" + SECOND), RUN));
        new SyntheticTweets(12, USERS, SECOND).forEach(produced::add);
        awaitCaughtUp(mine, mine.kafka().speedGroup(), speed);

        Map<String, Recount> recount = Recount.of(produced);
        List<String> early = new ArrayList<>(Recount.of(produced.subList(0, FIRST)).keySet());
        List<String> late = new ArrayList<>(Recount.of(produced.subList(FIRST, produced.size())).keySet());
        late.removeAll(early);
        Collections.sort(early);
        Collections.sort(late);
        // a user of the batch view against one of the speed view, and two of the batch view
        String mixed = null;
        for (String[] pair : List.of(new String[] {early.get(0), late.get(0)}, new String[] {early.get(0), early.get(1)})) {
          String json = ok(trendoff.run(List.of("compare-users", pair[0], pair[1], "--top", "all", "--json"), RUN)).stdout();
          assertExact(new ObjectMapper().readTree(json), pair, recount);
          mixed = mixed == null ? json : mixed;
        }
        // the HTTP front end on the same views answers the same bytes
        Launcher.Run serve = trendoff.start(List.of("serve", "--port", "0"));
        try {
          URI base = awaitServing(serve);
          HttpClient http = HttpClient.newHttpClient();
          HttpResponse<String> compare = http.send(HttpRequest.newBuilder(base.resolve("api/compare?users="
              + early.get(0) + "," + late.get(0) + "&top=all")).build(), HttpResponse.BodyHandlers.ofString());
          assertThat(compare.statusCode()).isEqualTo(200);
          assertThat(compare.body()).isEqualTo(mixed);
          assertThat(http.send(HttpRequest.newBuilder(base.resolve("api/status")).build(),
              HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        } finally {
          assertThat(serve.terminate(Duration.ofMinutes(1))).as("serve exit on SIGTERM: %s", serve.stderr()).isZero();
        }
        Launcher.Result status = ok(trendoff.run(List.of("status"), RUN));
        assertThat(status.stdout()).contains("consumer group " + mine.kafka().speedGroup() + ": lag 0");
        Launcher.Result help = ok(trendoff.run(List.of("compare-users", "--help"), RUN));
        assertThat(help.stdout()).contains("--keyspace");
        assertThat(help.stdout() + help.stderr()).doesNotContain(secrets);
      } finally {
        assertThat(speed.terminate(Duration.ofMinutes(1))).as("speed layer exit on SIGTERM: %s", speed.stderr()).isZero();
        assertThat(ingest.terminate(Duration.ofMinutes(1))).as("ingest exit on SIGTERM: %s", ingest.stderr()).isZero();
      }
      assertThat(watch.sawCommandLineContaining("dev.trendoff.cli.Main speed-layer")).isTrue();
      assertThat(watch.sawCommandLineContaining("dev.trendoff.cli.Main batch-layer ingest")).isTrue();
      assertThat(watch.sawCommandLineContaining("dev.trendoff.cli.Main serve")).isTrue();
      assertThat(watch.leaks()).as("command lines holding a password").isEmpty();
    }

    // nothing the runs left (outputs, var/log/trendoff.log, the temporary directory) holds a password ...
    assertThat(filesContaining(work, secrets, Set.of())).isEmpty();
    // ... nor anything of the stack but its three secret stores, which only their owner can read
    Path dir = stack.dir();
    Set<Path> stores = Set.of(dir.resolve("secure"), dir.resolve("kafka/server.properties"),
        dir.resolve("cassandra/conf/cassandra.yaml"));
    assertThat(filesContaining(dir, secrets, stores)).isEmpty();
    for (Path store : stores) {
      assertThat(Secrets.ownerOnly(store)).as("%s is its owner's only", store).isTrue();
    }
    try (Stream<Path> files = Files.list(dir.resolve("secure"))) {
      // and nothing more there: the argument file that gave Kafka's storage tool the SCRAM users is gone
      List<Path> all = files.toList();
      assertThat(all).extracting(f -> f.getFileName().toString()).containsExactlyInAnyOrder(
          "server.p12", "truststore.p12", "ca.pem", "passwords.properties", "client.conf");
      assertThat(all).allMatch(Secrets::ownerOnly);
    }
  }

  @Test
  void eachRefusedLoginOrTlsHandshakeIsOneClearLine(TestStack stack, @TempDir Path work) throws Exception {
    Settings s = stack.settings();
    Launcher good = new Launcher(REPO, work, environment(s));
    String kafka = "Kafka at " + s.kafka().bootstrapServers();
    String cassandra = "Cassandra at " + stack.stackSettings().cassandraContactPoint();
    Path cacerts = Path.of(System.getProperty("java.home"), "lib", "security", "cacerts");
    List<String> compare = List.of("compare-users", "alice", "bob");
    List<String> produce = List.of("produce", "--source", "synthetic", "--tweets", "1");

    oneLine(good.with(Map.of("TRENDOFF_CASSANDRA_PASSWORD", "wrong-password")), compare,
        cassandra + " refused the credentials of user 'trendoff' (trendoff.cassandra.username/password)");
    oneLine(good.with(Map.of("TRENDOFF_CASSANDRA_SSL_TRUSTSTORE_PATH", cacerts.toString(),
        "TRENDOFF_CASSANDRA_SSL_TRUSTSTORE_PASSWORD", "changeit")), compare,
        cassandra + " presented a certificate that is not trusted by trendoff.cassandra.ssl.truststore-path " + cacerts);
    oneLine(good.with(Map.of("TRENDOFF_CASSANDRA_SSL_ENABLED", "false")), compare,
        cassandra + " speaks TLS only, but trendoff.cassandra.ssl.enabled is false");
    // a Spark job: its connector session is opened before the stream starts
    oneLine(good.with(Map.of("TRENDOFF_CASSANDRA_PASSWORD", "wrong-password")), List.of("batch-layer", "ingest"),
        cassandra + " refused the credentials of user 'trendoff'");

    Map<String, Object> client = new LinkedHashMap<>(s.kafka().client());
    client.put("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"trendoff\""
        + " password=\"wrong-password\";");
    oneLine(good.with(Map.of("TRENDOFF_KAFKA_CLIENT", json(client))), produce,
        kafka + " refused the credentials of user 'trendoff' (SCRAM-SHA-512; sasl.jaas.config in trendoff.kafka.client)");
    client = new LinkedHashMap<>(s.kafka().client());
    client.put("ssl.truststore.location", cacerts.toString());
    client.put("ssl.truststore.password", "changeit");
    client.put("ssl.truststore.type", "JKS");
    oneLine(good.with(Map.of("TRENDOFF_KAFKA_CLIENT", json(client))), produce,
        kafka + " presented a certificate that is not trusted by trendoff.kafka.client ssl.truststore.location " + cacerts);
    oneLine(good.with(Map.of("TRENDOFF_KAFKA_CLIENT", "{}", "TRENDOFF_PRODUCER_CONNECT_TIMEOUT", "10s")), produce,
        kafka + " speaks TLS, but trendoff.kafka.client has security.protocol PLAINTEXT");
  }

  @Test
  void cassandraRolesCreatesTheApplicationsRoleAndGivesItAChangedPasswordAgain(TestStack stack, @TempDir Path work)
      throws Exception {
    // as the one-host deployment's one-shot runs it (docker/compose.yaml): the superuser's password in the
    // environment; the role and its password are trendoff's own settings
    Settings s = stack.settings();
    String role = "roles_it_app";
    Launcher superuser = new Launcher(REPO, work, environment(s)).with(Map.of("TRENDOFF_CASSANDRA_USERNAME", role,
        "CASSANDRA_SUPERUSER_PASSWORD", stackPassword(stack, "cassandra-admin")));
    for (String password : List.of("FirstPassword1", "SecondPassword2")) {
      Launcher.Result r = ok(superuser.with(Map.of("TRENDOFF_CASSANDRA_PASSWORD", password)).run(List.of("cassandra-roles"), RUN));
      assertThat(r.stdout()).contains("superuser cassandra has its own password; role " + role + ": password set");
      assertThat(r.stdout() + r.stderr()).doesNotContain(password);
      assertLogsIn(as(s.cassandra(), role, password));
    }
    // the first password no longer logs in (once the node's credentials cache has expired: 2 s by default)
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (true) {
      try (CqlSession session = CassandraSessions.open(as(s.cassandra(), role, "FirstPassword1"), false)) {
        assertThat(System.nanoTime()).as("the changed password still logs in after 30 s").isLessThan(deadline);
      } catch (UserError refused) {
        assertThat(refused.getMessage()).contains("refused the credentials of user '" + role + "'");
        break;
      }
      Thread.sleep(1000);
    }
    // the superuser's own password changed (logged in with the previous one), then changed back
    String stackSuperuser = stackPassword(stack, "cassandra-admin");
    for (String[] change : List.of(new String[] {"ChangedSuperuser1", stackSuperuser},
        new String[] {stackSuperuser, "ChangedSuperuser1"})) {
      Launcher.Result r = ok(superuser.with(Map.of("CASSANDRA_SUPERUSER_PASSWORD", change[0],
          "CASSANDRA_SUPERUSER_PASSWORD_PREVIOUS", change[1], "TRENDOFF_CASSANDRA_PASSWORD", "SecondPassword2"))
          .run(List.of("cassandra-roles"), RUN));
      assertThat(r.stdout()).contains("superuser cassandra given its new password");
      assertLogsIn(as(s.cassandra(), "cassandra", change[0]));
    }
    // a wrong superuser password: one line, after --wait
    oneLine(superuser.with(Map.of("CASSANDRA_SUPERUSER_PASSWORD", "wrong-password", "TRENDOFF_CASSANDRA_PASSWORD", "x")),
        List.of("cassandra-roles", "--wait", "1s"), "Cassandra at " + stack.stackSettings().cassandraContactPoint()
            + " refused the superuser 'cassandra' with the password of CASSANDRA_SUPERUSER_PASSWORD and the default one");
  }

  // ---- helpers

  /** {@code c} logs in within 30 s (a node caches a role's credentials for 2 s by default). */
  private static void assertLogsIn(Settings.Cassandra c) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (true) {
      try (CqlSession session = CassandraSessions.open(c, false)) {
        assertThat(session.execute("SELECT release_version FROM system.local").one()).isNotNull();
        return;
      } catch (UserError refused) {
        assertThat(System.nanoTime()).as("%s logs in within 30 s: %s", c.username(), refused.getMessage()).isLessThan(deadline);
      }
      Thread.sleep(1000);
    }
  }

  private static Settings.Cassandra as(Settings.Cassandra c, String user, String password) {
    return new Settings.Cassandra(c.contactPoints(), c.localDatacenter(), c.keyspace(), c.replication(), user, password,
        c.readConsistency(), c.writeConsistency(), c.requestTimeout(), c.connectTimeout(), c.ssl());
  }

  private static String stackPassword(TestStack stack, String key) throws IOException {
    return passwords(stack).getProperty(key);
  }

  private static Properties passwords(TestStack stack) throws IOException {
    Properties p = new Properties();
    try (InputStream in = Files.newInputStream(stack.dir().resolve("secure").resolve("passwords.properties"))) {
      p.load(in);
    }
    return p;
  }

  /** What a user exports to reach the secured stack: addresses, names and credentials, no file. */
  private static Map<String, String> environment(Settings s) throws IOException {
    Map<String, String> env = new TreeMap<>();
    env.put("TRENDOFF_KAFKA_BOOTSTRAP_SERVERS", s.kafka().bootstrapServers());
    env.put("TRENDOFF_KAFKA_TOPIC", s.kafka().topic());
    env.put("TRENDOFF_KAFKA_DLQ_TOPIC", s.kafka().dlqTopic());
    env.put("TRENDOFF_KAFKA_SPEED_GROUP", s.kafka().speedGroup());
    env.put("TRENDOFF_KAFKA_BATCH_GROUP", s.kafka().batchGroup());
    env.put("TRENDOFF_KAFKA_CLIENT", json(s.kafka().client()));
    env.put("TRENDOFF_CASSANDRA_CONTACT_POINTS", s.cassandra().contactPoints().get(0).getHostString() + ":"
        + s.cassandra().contactPoints().get(0).getPort());
    env.put("TRENDOFF_CASSANDRA_KEYSPACE", s.cassandra().keyspace());
    env.put("TRENDOFF_CASSANDRA_USERNAME", s.cassandra().username());
    env.put("TRENDOFF_CASSANDRA_PASSWORD", s.cassandra().password());
    env.put("TRENDOFF_CASSANDRA_SSL_ENABLED", "true");
    env.put("TRENDOFF_CASSANDRA_SSL_TRUSTSTORE_PATH", s.cassandra().ssl().truststorePath());
    env.put("TRENDOFF_CASSANDRA_SSL_TRUSTSTORE_PASSWORD", s.cassandra().ssl().truststorePassword());
    // a JVM's first TLS and SCRAM login takes seconds on a busy machine
    env.put("TRENDOFF_PRODUCER_CONNECT_TIMEOUT", "60s");
    env.put("TRENDOFF_SERVING_STATUS_KAFKA_TIMEOUT", "60s");
    return env;
  }

  private static String json(Map<String, ?> map) throws IOException {
    return new ObjectMapper().writeValueAsString(map);
  }

  /** Every password the secured stack generated (its stores', the Kafka users', the Cassandra roles'). */
  private static List<String> stackPasswords(TestStack stack) throws IOException {
    Properties p = passwords(stack);
    List<String> out = p.stringPropertyNames().stream().map(p::getProperty).sorted().toList();
    assertThat(out).hasSize(6).allMatch(v -> v.length() >= 32);
    return out;
  }

  private static Launcher.Result ok(Launcher.Result r) {
    assertThat(r.exit()).as("exit code; stderr:\n%s", r.stderr()).isZero();
    return r;
  }

  private static void oneLine(Launcher trendoff, List<String> args, String expected) throws Exception {
    Launcher.Result r = trendoff.run(args, RUN);
    assertThat(r.exit()).as("%s: %s", args, r.stderr()).isEqualTo(1);
    assertThat(r.stderr().strip().lines().toList()).as("%s", args).hasSize(1);
    assertThat(r.stderr().strip()).startsWith("trendoff: " + expected).doesNotContain("\tat ");
  }

  /** The address {@code ./trendoff serve} prints once it listens. */
  private static URI awaitServing(Launcher.Run serve) throws Exception {
    long deadline = System.nanoTime() + RUN.toNanos();
    Pattern listening = Pattern.compile("trendoff serve: (http://\\S+/) ");
    while (true) {
      Matcher m = listening.matcher(serve.stdout());
      if (m.find()) {
        return URI.create(m.group(1));
      }
      assertThat(serve.process().isAlive()).as("serve ended early: %s", serve.stderr()).isTrue();
      assertThat(System.nanoTime()).as("serve listening within %s", RUN).isLessThan(deadline);
      Thread.sleep(500);
    }
  }

  /** Waits until {@code group} has committed every record of the topic, while {@code job} runs. */
  private static void awaitCaughtUp(Settings s, String group, Launcher.Run job) throws Exception {
    long deadline = System.nanoTime() + CATCH_UP.toNanos();
    try (KafkaOffsets offsets = new KafkaOffsets(s.kafka())) {
      Map<Integer, Long> end = offsets.endOffsets();
      while (true) {
        Map<Integer, Long> committed = offsets.committed(group);
        if (end.entrySet().stream().allMatch(e -> committed.getOrDefault(e.getKey(), 0L) >= e.getValue())) {
          return;
        }
        assertThat(job.process().isAlive()).as("%s ended early: %s", job.name(), job.stderr()).isTrue();
        assertThat(System.nanoTime()).as("%s caught up within %s: committed %s of %s", group, CATCH_UP, committed, end)
            .isLessThan(deadline);
        Thread.sleep(1000);
      }
    }
  }

  /** The answer of compare-users --top all --json equals a recount of the produced tweets, word by word. */
  private static void assertExact(JsonNode answer, String[] pair, Map<String, Recount> recount) {
    for (int i = 0; i < 2; i++) {
      JsonNode u = answer.get("users").get(i);
      Recount r = recount.get(pair[i]);
      assertThat(u.get("name").asText()).isEqualTo(pair[i]);
      assertThat(u.get("tweets").asLong()).as("tweets of %s", pair[i]).isEqualTo(r.tweets());
      assertThat(u.get("words").asLong()).as("tokens of %s", pair[i]).isEqualTo(r.tokens());
    }
    Map<String, List<Long>> expected = new TreeMap<>();
    recount.get(pair[0]).words().forEach((w, n) -> {
      Long m = recount.get(pair[1]).words().get(w);
      if (m != null) {
        expected.put(w, List.of(n, m));
      }
    });
    Map<String, List<Long>> actual = new TreeMap<>();
    answer.get("words").forEach(w -> actual.put(w.get("word").asText(),
        List.of(w.get("counts").get(0).asLong(), w.get("counts").get(1).asLong())));
    assertThat(actual).as("mutual words of %s and %s", pair[0], pair[1]).isNotEmpty().isEqualTo(expected);
  }

  /** Files under {@code root} (but not under {@code except}) whose bytes hold one of {@code secrets}. */
  private static List<String> filesContaining(Path root, List<String> secrets, Set<Path> except) throws IOException {
    List<String> found = new ArrayList<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        if (except.stream().anyMatch(f::startsWith)) {
          continue;
        }
        String bytes;
        try {
          bytes = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
          continue; // removed meanwhile (a server's temporary file)
        }
        if (secrets.stream().anyMatch(bytes::contains)) {
          found.add(root.relativize(f).toString());
        }
      }
    }
    return found;
  }

  /**
   * Reads the command line of every process of the host ({@code /proc/PID/cmdline}) every 200 ms
   * while it is open, and keeps those that hold a secret (shown without it).
   */
  private static final class CommandLineWatch implements AutoCloseable {
    private final List<String> secrets;
    private final Set<String> seen = ConcurrentHashMap.newKeySet();
    private final List<String> leaks = Collections.synchronizedList(new ArrayList<>());
    private final Thread thread;
    private volatile boolean stop;

    CommandLineWatch(List<String> secrets) {
      this.secrets = secrets;
      this.thread = new Thread(this::watch, "cmdline-watch");
      thread.setDaemon(true);
      thread.start();
    }

    private void watch() {
      while (!stop) {
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
          for (Path p : procs.filter(x -> x.getFileName().toString().chars().allMatch(Character::isDigit)).toList()) {
            String line;
            try {
              line = new String(Files.readAllBytes(p.resolve("cmdline")), StandardCharsets.UTF_8).replace('\0', ' ');
            } catch (IOException e) {
              continue; // gone
            }
            if (line.contains("dev.trendoff")) {
              seen.add(line);
            }
            for (String s : secrets) {
              if (line.contains(s)) {
                leaks.add(p.getFileName() + ": " + line.replace(s, "<secret>"));
              }
            }
          }
          Thread.sleep(200);
        } catch (IOException e) {
          // /proc not listable this round
        } catch (InterruptedException e) {
          return;
        }
      }
    }

    boolean sawCommandLineContaining(String text) {
      return seen.stream().anyMatch(l -> l.contains(text));
    }

    List<String> leaks() {
      return List.copyOf(leaks);
    }

    @Override
    public void close() throws InterruptedException {
      stop = true;
      thread.join(5000);
    }
  }
}
