package dev.trendoff.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.metadata.NodeState;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.typesafe.config.Config;

import dev.trendoff.avro.Tweet;
import dev.trendoff.core.CassandraSessions;
import dev.trendoff.core.KafkaOffsets;
import dev.trendoff.core.Settings;
import dev.trendoff.localstack.CassandraExtraNode;
import dev.trendoff.localstack.junit.LocalStackExtension;
import dev.trendoff.localstack.junit.TestStack;
import dev.trendoff.producer.SyntheticTweets;
import dev.trendoff.producer.TweetProducer;
import dev.trendoff.serving.Recount;
import dev.trendoff.serving.ServingReader;
import dev.trendoff.serving.UserWords;
import dev.trendoff.serving.ViewsRead;

/**
 * trendoff beyond one machine, on one machine: a Spark standalone master and two workers (local
 * JVMs of a stock Spark 3.5 / Scala 2.13 distribution assembled from Spark's jars), a two-node
 * Cassandra cluster (127.0.0.1 and 127.0.0.2, replication factor 2) and Kafka with more partitions
 * than workers. The speed layer, the batch ingest and the recompute go through {@code ./trendoff ...
 * --master spark://...}, i.e. spark-submit with the jobs assembly. Checked: the lambda equation
 * (compare-users equals a recount of the produced tweets) before and after more tweets and
 * recomputes; graceful stops on the cluster; compare-users still answering, the same, with one
 * Cassandra node killed and consistency ONE for reads. Printed: recompute throughput on one
 * worker against two.
 */
@ExtendWith(LocalStackExtension.class)
class MultiNodeClusterIT {

  private static final int PARTITIONS = 6;
  private static final int USERS = 12;
  private static final int FIRST = 20_000;
  private static final int SECOND = 3_000;
  private static final Duration CATCH_UP = Duration.ofMinutes(4);
  private static final Pattern SUMMARY = Pattern.compile("recompute: version \\d+ published: (\\d+) tweets read.* ([0-9.]+) s$",
      Pattern.MULTILINE);

  @Test
  void lambdaEquationHoldsOnASparkClusterAndATwoNodeCassandra(TestStack stack) throws Exception {
    requireLoopback("127.0.0.2");
    Path dir = cleanDir(Path.of("target", "cluster-it").toAbsolutePath());
    int storagePort = stack.stackSettings().cassandraStoragePort();
    int cqlPort = stack.stackSettings().cassandraPort();

    // ---- Cassandra: a second node on 127.0.0.2 beside the stack's node on 127.0.0.1
    Config node2 = stack.configWith(Map.of(
        "stack.dir", dir.resolve("cassandra-2").toString(),
        "stack.cassandra-host", "127.0.0.2",
        "stack.cassandra-seeds", "127.0.0.1:" + storagePort,
        "stack.cassandra-initial-token", "4611686018427387904",
        "stack.cassandra-class-archive", false));
    try (CassandraExtraNode second = CassandraExtraNode.start(node2)) {
      Map<String, Object> o = new LinkedHashMap<>();
      o.put("cassandra.contact-points", List.of("127.0.0.1:" + cqlPort, "127.0.0.2:" + cqlPort));
      o.put("cassandra.keyspace", stack.freshName("cluster"));
      o.put("cassandra.replication", "{'class': 'SimpleStrategy', 'replication_factor': 2}");
      o.put("cassandra.read-consistency", "ONE");
      o.put("cassandra.write-consistency", "QUORUM");
      o.put("kafka.topic", stack.freshName("tweets"));
      o.put("kafka.dlq-topic", stack.freshName("dlq"));
      o.put("kafka.partitions", PARTITIONS);
      o.put("batch.recompute.split-size-mb", 1);
      o.put("speed.report-every", "5s");
      o.put("batch.ingest.report-every", "5s");
      Config config = stack.configWith(o);
      Settings settings = Settings.from(config);
      awaitNodesUp(settings, 2);
      settings = stack.settingsWith(o); // topics and schema (replication factor 2)
      assertThat(replicationFactor(settings)).isEqualTo("2");

      // ---- Spark: master and two workers
      try (SparkStandalone spark = SparkStandalone.assemble(dir, Path.of(System.getProperty("cluster-it.spark-classpath")))) {
        spark.startMaster();
        spark.startWorker(2, "1g");
        spark.startWorker(2, "1g");
        spark.awaitWorkers(2, Duration.ofSeconds(90));
        Trendoff trendoff = new Trendoff(Path.of(System.getProperty("cluster-it.repo")), config, spark.env(),
            spark.sparkSubmit(), dir.resolve("runs"));
        List<String> submit = List.of("--master", spark.masterUrl(), "--executor-memory", "512m",
            "--driver-memory", "512m", "--conf", "spark.executor.cores=1");

        SyntheticTweets synthetic = new SyntheticTweets(20261121L, USERS, FIRST + SECOND);
        List<Tweet> all = new ArrayList<>();
        synthetic.forEach(all::add);
        produce(settings, all.subList(0, FIRST));

        Process speed = trendoff.start("speed-layer", concat(List.of("speed-layer"), submit, List.of("--total-executor-cores", "1")));
        Process ingest = trendoff.start("batch-ingest", concat(List.of("batch-layer", "ingest"), submit,
            List.of("--total-executor-cores", "1")));
        try {
          awaitCaughtUp(settings, trendoff, Map.of(settings.kafka().speedGroup(), speed, settings.kafka().batchGroup(), ingest));
          JsonNode state = spark.state();
          assertThat(state.path("activeapps").size()).as("apps running on the master").isEqualTo(2);
          List<String> names = new ArrayList<>();
          state.path("activeapps").forEach(a -> names.add(a.path("name").asText()));
          assertThat(names).containsExactlyInAnyOrder("speed-layer", "trendoff-batch-ingest"); // the jobs name themselves

          Trendoff.Result first = trendoff.run("recompute-1", concat(List.of("batch-layer", "recompute"), submit,
              List.of("--total-executor-cores", "2")), Duration.ofMinutes(4));
          assertThat(first.exitCode()).as(first.output()).isZero();
          assertThat(summary(first.output())[0]).as("tweets the first recompute read").isEqualTo(FIRST);

          produce(settings, all.subList(FIRST, FIRST + SECOND));
          awaitCaughtUp(settings, trendoff, Map.of(settings.kafka().speedGroup(), speed, settings.kafka().batchGroup(), ingest));

          Map<String, Recount> expected = Recount.of(all);
          int speedRows = assertLambdaEquation(settings, expected);
          assertThat(speedRows).as("tweets after the cut, answered from the speed view").isEqualTo(SECOND);

          // graceful stops on the cluster: finish the batch, commit, exit 0
          assertThat(Trendoff.terminate(speed, Duration.ofSeconds(90))).as(trendoff.tail("speed-layer", 30)).isZero();
          assertThat(Trendoff.terminate(ingest, Duration.ofSeconds(90))).as(trendoff.tail("batch-ingest", 30)).isZero();
        } finally {
          Trendoff.terminate(speed, Duration.ofSeconds(30));
          Trendoff.terminate(ingest, Duration.ofSeconds(30));
        }

        // ---- figures: the recompute with one executor core on each of two workers, then on one worker
        double[] two = timedRecompute(trendoff, submit, "recompute-2-workers", 2);
        spark.stopWorker(1);
        awaitAlive(spark, 1);
        double[] one = timedRecompute(trendoff, submit, "recompute-1-worker", 1);
        String figures = String.format(Locale.ROOT,
            "cluster recompute of %d tweets (%d users, %d Kafka partitions, 2 Cassandra nodes RF 2):%n"
                + "  two workers (1 executor core each): %.1f s in the job, %.0f tweets/s; %.1f s for the whole spark-submit%n"
                + "  one worker  (1 executor core):      %.1f s in the job, %.0f tweets/s; %.1f s for the whole spark-submit%n",
            FIRST + SECOND, USERS, PARTITIONS, two[1], two[0] / two[1], two[2], one[1], one[0] / one[1], one[2]);
        System.out.print(figures);
        Files.writeString(dir.resolve("figures.txt"), figures, StandardCharsets.UTF_8);

        Map<String, Recount> expected = Recount.of(all);
        assertThat(assertLambdaEquation(settings, expected)).as("speed rows after a recompute absorbed them").isZero();

        // ---- one Cassandra node down: compare-users answers, the same, at consistency ONE
        second.kill();
        List<String> users = new ArrayList<>(new TreeMap<>(expected).keySet());
        Trendoff.Result answer = trendoff.run("compare-users-one-node-down",
            List.of("compare-users", users.get(0), users.get(1), "--json", "--top", "all"), Duration.ofMinutes(2));
        assertThat(answer.exitCode()).as(answer.output()).isZero();
        JsonNode json = lastJson(answer.output());
        for (int i = 0; i < 2; i++) {
          JsonNode u = json.path("users").get(i);
          Recount r = expected.get(users.get(i));
          assertThat(u.path("tweets").asLong()).as("tweets of " + users.get(i) + " with a node down").isEqualTo(r.tweets());
          assertThat(u.path("words").asLong()).as("tokens of " + users.get(i) + " with a node down").isEqualTo(r.tokens());
        }
        for (JsonNode w : json.path("words")) {
          String word = w.path("word").asText();
          assertThat(w.path("counts").get(0).asLong()).isEqualTo(expected.get(users.get(0)).words().get(word));
          assertThat(w.path("counts").get(1).asLong()).isEqualTo(expected.get(users.get(1)).words().get(word));
        }
        assertThat(json.path("words").size()).as("mutual words").isPositive();
        assertLambdaEquation(settings, expected);
      }
    }
  }

  private static double[] timedRecompute(Trendoff trendoff, List<String> submit, String name, int cores)
      throws IOException, InterruptedException {
    long t0 = System.nanoTime();
    Trendoff.Result r = trendoff.run(name, concat(List.of("batch-layer", "recompute"), submit,
        List.of("--total-executor-cores", String.valueOf(cores))), Duration.ofMinutes(4));
    double wall = (System.nanoTime() - t0) / 1e9;
    assertThat(r.exitCode()).as(r.output()).isZero();
    double[] s = summary(r.output());
    assertThat((long) s[0]).isEqualTo(FIRST + SECOND);
    return new double[] {s[0], s[1], wall};
  }

  /** {tweets read, seconds} of a recompute's summary line. */
  private static double[] summary(String output) {
    Matcher m = SUMMARY.matcher(output);
    assertThat(m.find()).as("a published recompute's summary in:\n" + output).isTrue();
    return new double[] {Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2))};
  }

  /** Every user's merged answer equals the recount; returns the speed rows counted. */
  private static int assertLambdaEquation(Settings settings, Map<String, Recount> expected) {
    int speedRows = 0;
    try (CqlSession session = CassandraSessions.open(settings.cassandra())) {
      ServingReader reader = new ServingReader(session, settings.cassandra().keyspace());
      for (String user : new TreeMap<>(expected).keySet()) {
        ViewsRead read = reader.read(List.of(user));
        UserWords got = read.users().get(0);
        Recount want = expected.get(user);
        assertThat(got.tweets()).as("tweets of " + user).isEqualTo(want.tweets());
        assertThat(got.tokens()).as("tokens of " + user).isEqualTo(want.tokens());
        assertThat(got.words()).as("words of " + user).isEqualTo(want.words());
        speedRows += got.speedRows();
      }
    }
    return speedRows;
  }

  private static void produce(Settings settings, List<Tweet> tweets) {
    try (TweetProducer p = new TweetProducer(settings)) {
      tweets.forEach(p::send);
      p.flush();
      assertThat(p.failed()).isZero();
    }
  }

  /** Waits until each group has committed the topic's end offsets; fails when a job died. */
  private static void awaitCaughtUp(Settings settings, Trendoff trendoff, Map<String, Process> jobs) throws InterruptedException {
    long deadline = System.nanoTime() + CATCH_UP.toNanos();
    try (KafkaOffsets offsets = new KafkaOffsets(settings.kafka())) {
      Map<Integer, Long> end = offsets.endOffsets();
      while (true) {
        boolean done = true;
        for (Map.Entry<String, Process> job : jobs.entrySet()) {
          String name = job.getKey().equals(settings.kafka().speedGroup()) ? "speed-layer" : "batch-ingest";
          assertThat(job.getValue().isAlive()).as(name + " died:\n" + trendoff.tail(name, 40)).isTrue();
          Map<Integer, Long> committed = offsets.committed(job.getKey());
          for (Map.Entry<Integer, Long> e : end.entrySet()) {
            done &= committed.getOrDefault(e.getKey(), 0L) >= e.getValue();
          }
        }
        if (done) {
          return;
        }
        if (System.nanoTime() > deadline) {
          throw new AssertionError("the jobs did not catch up within " + CATCH_UP.toSeconds() + " s; end " + end
              + "\nspeed-layer:\n" + trendoff.tail("speed-layer", 25) + "\nbatch-ingest:\n" + trendoff.tail("batch-ingest", 25));
        }
        Thread.sleep(1000);
      }
    }
  }

  private static void awaitNodesUp(Settings settings, int n) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    try (CqlSession s = CassandraSessions.open(settings.cassandra(), false)) {
      while (s.getMetadata().getNodes().values().stream().filter(node -> node.getState() == NodeState.UP).count() < n) {
        if (System.nanoTime() > deadline) {
          throw new AssertionError("the Cassandra cluster did not show " + n + " nodes up: " + s.getMetadata().getNodes());
        }
        Thread.sleep(500);
      }
      assertThat(s.execute("SELECT peer FROM system.peers").all()).hasSize(n - 1);
    }
  }

  private static void awaitAlive(SparkStandalone spark, int n) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (spark.aliveWorkers() != n) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the master still counts " + spark.aliveWorkers() + " workers, not " + n);
      }
      Thread.sleep(500);
    }
  }

  private static String replicationFactor(Settings settings) {
    try (CqlSession s = CassandraSessions.open(settings.cassandra(), false)) {
      return s.getMetadata().getKeyspace(settings.cassandra().keyspace()).orElseThrow()
          .getReplication().get("replication_factor");
    }
  }

  private static JsonNode lastJson(String output) throws IOException {
    String[] lines = output.strip().split("\n");
    for (int i = lines.length - 1; i >= 0; i--) {
      if (lines[i].startsWith("{")) {
        return new ObjectMapper().readTree(lines[i]);
      }
    }
    throw new AssertionError("no JSON object in:\n" + output);
  }

  private static void requireLoopback(String address) throws IOException {
    try (ServerSocket s = new ServerSocket()) {
      s.bind(new InetSocketAddress(InetAddress.getByName(address), 0));
    } catch (IOException e) {
      throw new AssertionError("this test needs the loopback address " + address + " (Linux routes 127.0.0.0/8 to lo): "
          + e.getMessage(), e);
    }
  }

  private static Path cleanDir(Path dir) throws IOException {
    if (Files.exists(dir)) {
      try (Stream<Path> paths = Files.walk(dir)) {
        paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
    return Files.createDirectories(dir);
  }

  @SafeVarargs
  private static List<String> concat(List<String>... parts) {
    List<String> out = new ArrayList<>();
    for (List<String> p : parts) {
      out.addAll(p);
    }
    return out;
  }
}
