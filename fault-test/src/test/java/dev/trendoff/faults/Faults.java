package dev.trendoff.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import com.datastax.oss.driver.api.core.CqlSession;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigValueFactory;

import dev.trendoff.avro.Tweet;
import dev.trendoff.core.CassandraSessions;
import dev.trendoff.core.CommandLines;
import dev.trendoff.core.DeadLetterTopic;
import dev.trendoff.core.KafkaOffsets;
import dev.trendoff.core.KafkaTopics;
import dev.trendoff.core.Schema;
import dev.trendoff.core.Settings;
import dev.trendoff.core.TopicRecords;
import dev.trendoff.core.UserError;
import dev.trendoff.core.UserKeys;
import dev.trendoff.localstack.junit.TestStack;
import dev.trendoff.serving.Recount;
import dev.trendoff.serving.ServingReader;
import dev.trendoff.serving.UserWords;
import dev.trendoff.spark.JobProcess;
import dev.trendoff.spark.KafkaStreamJob;
import picocli.CommandLine;

/** What the fault tests share: their own topics, groups and keyspace, waiting, reading topics, checking answers. */
final class Faults {

  /** A child JVM's first Spark batch can take half a minute on a busy machine; a restarted Cassandra longer. */
  static final Duration CATCH_UP = Duration.ofSeconds(240);

  private Faults() {}

  /**
   * Topics, groups and keyspace of the test's own, short intervals (batches every 500 ms, partitions
   * and topic id checked every second, restarts after half a second and at least every 4 s while
   * failures go on), a short recompute lease, and
   * clients that see new partitions within a second.
   */
  static Config own(TestStack stack, String name, Map<String, Object> more) {
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("kafka.topic", stack.freshName(name));
    o.put("kafka.dlq-topic", stack.freshName(name + "_dlq"));
    o.put("kafka.speed-group", stack.freshName("speed"));
    o.put("kafka.batch-group", stack.freshName("batch"));
    o.put("cassandra.keyspace", stack.freshName(name));
    for (String layer : List.of("speed", "batch.ingest")) {
      o.put(layer + ".batch-interval", "500ms");
      o.put(layer + ".report-every", "2s");
      o.put(layer + ".partition-check-every", "1s");
      o.put(layer + ".restart-backoff", "500ms");
      o.put(layer + ".restart-backoff-max", "4s");
    }
    o.put("batch.recompute.lease-ttl", "10s");
    o.putAll(more);
    // an extra client property (trendoff.kafka.client), which overrides cannot name: producers see new partitions at once
    return stack.configWith(o).withValue("trendoff.kafka.client.\"metadata.max.age.ms\"",
        ConfigValueFactory.fromAnyRef(1000));
  }

  /** The settings of {@code config}, its topics created and its schema applied. */
  static Settings settings(Config config) {
    Settings s = Settings.from(config);
    KafkaTopics.ensure(s.kafka());
    Schema.apply(s.cassandra());
    return s;
  }

  static void await(String what, Duration timeout, BooleanSupplier check) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!check.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out after " + timeout.toSeconds() + " s waiting for: " + what);
      }
      Thread.sleep(250);
    }
  }

  /** Offsets, or null while Kafka does not answer (a test waiting through a restart asks again). */
  static Map<Integer, Long> endOffsets(Settings s) {
    try (KafkaOffsets o = new KafkaOffsets(s.kafka(), Duration.ofSeconds(5))) {
      return o.endOffsets();
    } catch (UserError e) {
      return null;
    }
  }

  static Map<Integer, Long> committed(Settings s, String group) {
    try (KafkaOffsets o = new KafkaOffsets(s.kafka(), Duration.ofSeconds(5))) {
      return o.committed(group);
    } catch (UserError e) {
      return null;
    }
  }

  /** Both groups have committed the whole topic (every partition it has now). */
  static boolean bothCaughtUp(Settings s) {
    Map<Integer, Long> end = endOffsets(s);
    return end != null && end.equals(committed(s, s.kafka().speedGroup())) && end.equals(committed(s, s.kafka().batchGroup()));
  }

  /** Runs a streaming layer in this JVM until it has processed the whole topic, then stops it gracefully. */
  static KafkaStreamJob runUntilCaughtUp(KafkaStreamJob job, Settings s) throws InterruptedException {
    job.start();
    try {
      Map<Integer, Long> end = endOffsets(s);
      await("the layer reads the whole topic " + end, CATCH_UP, () -> end.equals(job.processedOffsets()));
    } finally {
      job.stopGracefully();
    }
    return job;
  }

  /**
   * A job in a child JVM (so that it can run beside the others, and be killed), its log under
   * target/it-logs; several start side by side, then {@link #awaitStarted} waits for a streaming layer.
   */
  static JobProcess launch(String name, Class<?> main, List<String> args, Config config) {
    return JobProcess.start(name, main.getName(), args, config, "768m",
        Path.of("target", "it-logs", name + "-" + System.currentTimeMillis() + ".log"));
  }

  /** Waits until the streaming layer of {@code p} reads its topic. */
  static void awaitStarted(JobProcess p) throws InterruptedException {
    if (!p.awaitLog(" started: group ", CATCH_UP)) {
      throw new AssertionError(p + " did not start:\n" + p.logTail(40));
    }
  }

  /** SIGTERM to every process at once; their exit codes, in order, once each has ended (kill -9 after {@code wait}). */
  static List<Integer> terminateAll(List<JobProcess> processes, Duration wait) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(processes.size());
    try {
      List<Future<Integer>> exits = new ArrayList<>();
      for (JobProcess p : processes) {
        exits.add(pool.submit(() -> p.terminate(wait)));
      }
      List<Integer> out = new ArrayList<>();
      for (Future<Integer> e : exits) {
        out.add(e.get());
      }
      return out;
    } finally {
      pool.shutdownNow();
    }
  }

  /** Every record of {@code topic} from its start. */
  static List<ConsumerRecord<byte[], byte[]>> readAll(Settings s, String topic) {
    return TopicRecords.all(s.kafka(), topic, Duration.ofSeconds(60));
  }

  static String header(ConsumerRecord<byte[], byte[]> r, String name) {
    return DeadLetterTopic.header(r, name);
  }

  /**
   * compare-users' merge for every user of {@code tweets}, read through the serving layer, equals a
   * recount of {@code tweets} (each tweet id once), user by user, word by word.
   */
  static void assertAnswersEqualRecount(Settings s, Collection<Tweet> tweets) {
    Map<String, Recount> expected = Recount.of(tweets);
    List<String> users = new ArrayList<>(expected.keySet());
    try (CqlSession session = CassandraSessions.open(s.cassandra())) {
      List<UserWords> merged = new ServingReader(session, s.cassandra().keyspace()).read(users).users();
      long counted = 0;
      for (UserWords u : merged) {
        assertThat(Recount.of(u)).as("user %s", u.user()).isEqualTo(expected.get(u.user()));
        counted += u.tweets();
      }
      assertThat(counted).as("tweets counted, all users").isEqualTo(tweets.stream().map(Tweet::getId).distinct().count());
    }
  }

  static String key(Tweet t) {
    return UserKeys.of(t.getUserScreenName().toString());
  }

  /** A command's exit code and output, run as ./trendoff runs it (a UserError is one line on stderr). */
  record Run(int exit, String out, String err) {}

  static Run command(Object command, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = new CommandLine(command);
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    return new Run(CommandLines.execute(cl, args, "the test's output"), out.toString(), err.toString());
  }

  /** A supplier of {@code config} (what the commands take in tests). */
  static Supplier<Config> supplier(Config config) {
    return () -> config;
  }
}
