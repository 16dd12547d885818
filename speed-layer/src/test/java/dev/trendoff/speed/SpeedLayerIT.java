package dev.trendoff.speed;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.datastax.oss.driver.api.core.CqlSession;

import dev.trendoff.avro.Tweet;
import dev.trendoff.core.CassandraSessions;
import dev.trendoff.core.KafkaOffsets;
import dev.trendoff.core.Settings;
import dev.trendoff.core.Tokenizer;
import dev.trendoff.localstack.junit.LocalStackExtension;
import dev.trendoff.localstack.junit.TestStack;
import dev.trendoff.producer.SyntheticTweets;
import dev.trendoff.producer.TweetProducer;
import dev.trendoff.serving.Recount;
import dev.trendoff.serving.ServingReader;
import dev.trendoff.serving.UserWords;
import dev.trendoff.spark.JobProcess;
import dev.trendoff.spark.KafkaStreamJob;
import dev.trendoff.views.SpeedRow;
import dev.trendoff.views.ViewStore;

/**
 * The speed layer against a real Kafka broker and Cassandra node (Spark local[2]): fast visibility
 * through the serving merge, exactly-once counts across kill -9 and across a replay of offsets.
 * Each test has its own topic and keyspace.
 */
@ExtendWith(LocalStackExtension.class)
class SpeedLayerIT {

  // generous: the machine is shared, and a child JVM's first Spark batch can take half a minute under load
  static final Duration CATCH_UP = Duration.ofSeconds(180);
  static final Duration START = Duration.ofSeconds(180);

  static Settings fresh(TestStack stack) {
    return fresh(stack, Map.of());
  }

  static Settings fresh(TestStack stack, Map<String, Object> more) {
    Map<String, Object> o = new HashMap<>(more);
    o.put("kafka.topic", stack.freshName("tweets"));
    o.put("kafka.dlq-topic", stack.freshName("dlq"));
    o.put("cassandra.keyspace", stack.freshName("speed"));
    o.put("speed.report-every", "2s");
    return stack.settingsWith(o);
  }

  @Test
  void aTweetProducedWhileTheSpeedLayerRunsIsCountedByTheMergeWithinSeconds(TestStack stack) throws Exception {
    Settings s = fresh(stack);
    KafkaStreamJob job = SpeedLayer.job(s).start();
    try (CqlSession session = CassandraSessions.open(s.cassandra()); TweetProducer producer = new TweetProducer(s)) {
      ServingReader reader = new ServingReader(session, s.cassandra().keyspace());
      // the first tweet also pays for Spark's first job; the second shows the steady state
      for (int n = 1; n <= 2; n++) {
        String text = "Zebras #enjoy quantum pudding number " + n + " with zebras https://t.co/x @someone";
        Tweet t = tweet(9_000_000L + n, "Fresh_Reader", text);
        long sent = System.nanoTime();
        producer.send(t);
        producer.flush();
        int expected = n;
        UserWords[] seen = new UserWords[1];
        boolean counted = await(Duration.ofSeconds(30), () -> {
          seen[0] = reader.read(List.of("@fresh_reader")).users().get(0);
          return seen[0].tweets() >= expected;
        });
        long millis = (System.nanoTime() - sent) / 1_000_000;
        assertThat(counted).as("tweet %d counted by the merge within 30 s", n).isTrue();
        System.out.printf("tweet %d counted by the serving merge %d ms after it was produced%n", n, millis);
        assertThat(seen[0].tweets()).isEqualTo(n);
        assertThat(seen[0].count("zebras")).isEqualTo(2L * n);
        assertThat(seen[0].count("#enjoy")).isEqualTo(n);
        assertThat(seen[0].count("@someone")).isZero();
        assertThat(seen[0].count("with")).isZero();
        assertThat(seen[0].tokens()).isEqualTo((long) n * Tokenizer.standard().tokens(text).size());
      }
    } finally {
      job.stopGracefully();
    }
  }

  @Test
  void killNineInTheMiddleOfAStreamThenARestartCountsEveryTweetOnce(TestStack stack) throws Exception {
    Settings s = fresh(stack);
    SyntheticTweets source = new SyntheticTweets(41, 60, 6_000);
    // 15 s of tweets: the kill comes early in the stream, the restart happens while it goes on
    Path logs = Path.of("target", "it-logs");
    List<Tweet> produced;
    JobProcess first = JobProcess.start("speed-first", SpeedLayer.class.getName(), List.of(), s.config(), "1g",
        logs.resolve("speed-kill9-first-" + System.nanoTime() + ".log"));
    try {
      assertThat(first.awaitLog("speed-layer started", START)).as(first.logTail(40)).isTrue();
    } catch (AssertionError e) {
      first.close();
      throw e;
    }
    try (Feed feed = new Feed(s, source, 0, source.size(), 400)) {
      boolean midway = await(CATCH_UP, () -> sum(committed(s)) >= 1_000);
      assertThat(midway).as("the first speed layer committed 1,000 offsets\n" + first.logTail(40)).isTrue();
      first.kill9();
      int sentAtKill = feed.sentSoFar();
      long atKill = sum(committed(s));
      assertThat(atKill).as("killed in the middle of the stream").isLessThan(source.size());
      System.out.printf("kill -9 with %d tweets sent, %d committed%n", sentAtKill, atKill);

      try (JobProcess second = JobProcess.start("speed-second", SpeedLayer.class.getName(), List.of(), s.config(), "1g",
          logs.resolve("speed-kill9-second-" + System.nanoTime() + ".log"))) {
        produced = feed.finish();
        Map<Integer, Long> end = endOffsets(s);
        assertThat(sum(end)).isEqualTo(source.size());
        assertThat(await(CATCH_UP, () -> committed(s).equals(end)))
            .as("the restarted speed layer caught up\n" + second.logTail(40)).isTrue();
        assertThat(second.terminate(Duration.ofSeconds(60))).as("exit code after SIGTERM\n" + second.logTail(40)).isZero();
        assertThat(second.logText()).contains("stopped; committed");
      }
    } finally {
      first.close();
    }
    assertMergedEqualsRecount(s, source.userNames(), produced);
  }

  @Test
  void processingTheSameOffsetRangeTwiceLeavesTheViewUnchanged(TestStack stack) throws Exception {
    Settings s = fresh(stack);
    SyntheticTweets source = new SyntheticTweets(99, 40, 3_000);
    List<Tweet> produced;
    try (Feed feed = new Feed(s, source, 0, source.size(), 50_000)) {
      produced = feed.finish();
    }
    Map<Integer, Long> end = endOffsets(s);

    runUntilProcessed(s, end, source.size());
    Map<String, List<Object>> once = speedView(s);
    assertThat(once).hasSize((int) source.size());
    assertMergedEqualsRecount(s, source.userNames(), produced);

    Map<Integer, Long> middle = new TreeMap<>();
    end.forEach((p, o) -> middle.put(p, o / 2));
    try (KafkaOffsets offsets = new KafkaOffsets(s.kafka())) {
      offsets.commit(s.kafka().speedGroup(), middle);
    }
    long replayed = sum(end) - sum(middle);
    runUntilProcessed(s, end, replayed);
    Map<String, List<Object>> twice = speedView(s);

    int rewritten = 0;
    for (Map.Entry<String, List<Object>> e : once.entrySet()) {
      List<Object> a = e.getValue();
      List<Object> b = twice.get(e.getKey());
      assertThat(b.subList(0, 4)).as("row %s", e.getKey()).isEqualTo(a.subList(0, 4));
      if ((long) a.get(1) >= middle.get((int) a.get(0))) {
        assertThat((long) b.get(4)).as("write time of replayed row %s", e.getKey()).isGreaterThan((long) a.get(4));
        rewritten++;
      } else {
        assertThat(b.get(4)).isEqualTo(a.get(4));
      }
    }
    assertThat(twice.keySet()).isEqualTo(once.keySet());
    assertThat((long) rewritten).isEqualTo(replayed);
    assertMergedEqualsRecount(s, source.userNames(), produced);
  }

  @Test
  void mergedCountsStayExactBeforeDuringAndAfterARecomputeWhileTheSpeedLayerWrites(TestStack stack) throws Exception {
    Settings s = fresh(stack, Map.of("batch.recompute.pause-before-flip", "2s", "batch.recompute.lease-ttl", "5s"));
    SyntheticTweets source = new SyntheticTweets(7, 40, 8_000);
    List<Tweet> first;
    try (Feed feed = new Feed(s, source, 0, 2_000, 50_000)) {
      first = feed.finish();
    }
    Map<Integer, Long> cut = endOffsets(s);
    // the batch side has ingested (and committed) the first 2,000: the recompute's cut
    KafkaStreamJob ingest = dev.trendoff.batch.BatchIngest.job(s).start();
    try {
      assertThat(await(CATCH_UP, () -> ingest.processedOffsets().equals(cut))).isTrue();
    } finally {
      ingest.stopGracefully();
    }

    Path logs = Path.of("target", "it-logs");
    try (JobProcess speed = JobProcess.start("speed-recompute", SpeedLayer.class.getName(), List.of(), s.config(), "1g",
        logs.resolve("speed-recompute-" + System.nanoTime() + ".log"))) {
      assertThat(speed.awaitLog("speed-layer started", START)).as(speed.logTail(40)).isTrue();
      assertThat(await(CATCH_UP, () -> committed(s).equals(cut))).as(speed.logTail(40)).isTrue();
      assertMergedEqualsRecount(s, source.userNames(), first); // before: speed rows only, no batch view yet

      Feed feed = new Feed(s, source, 2_000, 6_000, 400); // 15 s, longer than the recompute
      Prefixes prefixes = new Prefixes(source.stream().toList());
      Map<String, Integer> committedBefore = new HashMap<>();
      source.userNames().forEach(u -> committedBefore.put(dev.trendoff.core.UserKeys.of(u), 0));
      first.forEach(t -> committedBefore.merge(dev.trendoff.core.UserKeys.of(t.getUserScreenName().toString()), 1, Integer::sum));
      MergeWatcher watcher = new MergeWatcher(s, source.userNames(), prefixes, committedBefore);
      dev.trendoff.batch.RecomputeSummary summary = recomputeOnce(s);
      List<Tweet> all = new java.util.ArrayList<>(first);
      all.addAll(feed.finish());
      Map<Integer, Long> end = endOffsets(s);
      assertThat(await(CATCH_UP, () -> committed(s).equals(end))).as(speed.logTail(40)).isTrue();
      watcher.stop();
      assertThat(speed.terminate(Duration.ofSeconds(60))).isZero();

      assertThat(summary.published()).isTrue();
      assertThat(summary.tweets()).isEqualTo(first.size());
      assertThat(watcher.failures()).as("merged counts read while the recompute ran").isEmpty();
      assertThat(watcher.versionsSeen()).as("reads before and after the flip").contains(0L, summary.version());
      System.out.printf("recompute %d published with cut %s; %d merged reads checked while it ran%n",
          summary.version(), cut, watcher.reads());

      assertMergedEqualsRecount(s, source.userNames(), all); // after
      Map<String, List<Object>> rows = speedView(s);
      assertThat(rows.values()).as("speed rows the cut absorbed are deleted")
          .allSatisfy(r -> assertThat((long) r.get(1)).isGreaterThanOrEqualTo(cut.get((int) r.get(0))));
      assertThat(rows).hasSize(all.size() - first.size());
    }
  }

  /**
   * One recompute. On this shared two-core machine Cassandra sometimes times out the lease's LWT: then
   * once more after the (short) lease TTL, which is what an operator would do.
   */
  static dev.trendoff.batch.RecomputeSummary recomputeOnce(Settings s) throws InterruptedException {
    try (dev.trendoff.batch.Recompute recompute = new dev.trendoff.batch.Recompute(s)) {
      for (int attempt = 1; ; attempt++) {
        try {
          return recompute.runOnce();
        } catch (com.datastax.oss.driver.api.core.servererrors.WriteTimeoutException
            | dev.trendoff.core.UserError e) {
          if (attempt == 3) {
            throw e;
          }
          System.out.println("recompute attempt " + attempt + " failed (" + e.getMessage() + "); again in 6 s");
          Thread.sleep(6_000);
        }
      }
    }
  }

  /** Reads the merge for every user in a loop and checks each answer is an exact prefix of what was produced. */
  static final class MergeWatcher {
    private final List<String> failures = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
    private final java.util.Set<Long> versions = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final java.util.concurrent.atomic.AtomicInteger reads = new java.util.concurrent.atomic.AtomicInteger();
    private final Thread thread;
    private volatile boolean stop;

    MergeWatcher(Settings s, List<String> users, Prefixes prefixes, Map<String, Integer> atLeast) {
      thread = new Thread(() -> {
        try (CqlSession session = CassandraSessions.open(s.cassandra())) {
          ServingReader reader = new ServingReader(session, s.cassandra().keyspace());
          while (!stop) {
            var read = reader.read(users);
            versions.add(read.view().exists() ? read.view().version() : 0L);
            for (UserWords u : read.users()) {
              String wrong = prefixes.check(u, atLeast.getOrDefault(u.user(), 0));
              if (wrong != null) {
                failures.add("version " + read.view().version() + ": " + wrong);
              }
            }
            reads.incrementAndGet();
          }
        } catch (RuntimeException e) {
          failures.add("reading failed: " + e);
        }
      }, "merge-watcher");
      thread.start();
    }

    void stop() throws InterruptedException {
      stop = true;
      thread.join();
    }

    List<String> failures() {
      return List.copyOf(failures);
    }

    java.util.Set<Long> versionsSeen() {
      return versions;
    }

    int reads() {
      return reads.get();
    }
  }

  // ---------------------------------------------------------------------------------------------

  /** Runs the speed layer in this JVM until it has processed up to {@code end}, then stops it gracefully. */
  static void runUntilProcessed(Settings s, Map<Integer, Long> end, long expectedRecords) throws InterruptedException {
    KafkaStreamJob job = SpeedLayer.job(s).start();
    try {
      assertThat(await(CATCH_UP, () -> job.processedOffsets().equals(end))).as("caught up with %s", end).isTrue();
    } finally {
      assertThat(job.stopGracefully()).isEqualTo(end);
    }
    assertThat(job.recordsProcessed()).isEqualTo(expectedRecords);
    assertThat(committed(s)).isEqualTo(end);
  }

  static void assertMergedEqualsRecount(Settings s, List<String> users, List<Tweet> produced) {
    Map<String, Recount> expected = Recount.of(produced);
    try (CqlSession session = CassandraSessions.open(s.cassandra())) {
      ServingReader reader = new ServingReader(session, s.cassandra().keyspace());
      List<UserWords> merged = reader.read(users).users();
      long tweets = 0;
      for (UserWords u : merged) {
        Recount want = expected.getOrDefault(u.user(), new Recount(0, 0, Map.of()));
        assertThat(Recount.of(u)).as("user %s", u.user()).isEqualTo(want);
        tweets += u.tweets();
      }
      assertThat(tweets).isEqualTo(produced.size());
    }
  }

  /** "user/tweet id" -> [partition, offset, words, tokens, writetime]. */
  static Map<String, List<Object>> speedView(Settings s) {
    Map<String, List<Object>> rows = new HashMap<>();
    try (CqlSession session = CassandraSessions.open(s.cassandra())) {
      for (ViewStore.StoredSpeedRow stored : new ViewStore(session, s.cassandra().keyspace(), 1).speedRowsWritten()) {
        SpeedRow r = stored.row();
        rows.put(r.userKey() + "/" + r.tweetId(), List.of(r.kafkaPartition(), r.kafkaOffset(), r.words(), r.tokens(),
            stored.writtenMicros()));
      }
    }
    return rows;
  }

  static Tweet tweet(long id, String user, String text) {
    return Tweet.newBuilder().setId(id).setUserScreenName(user).setText(text).setCreatedAt(Instant.now()).build();
  }

  static Map<Integer, Long> committed(Settings s) {
    return KafkaStreamJob.committed(s, s.kafka().speedGroup());
  }

  static Map<Integer, Long> endOffsets(Settings s) {
    try (KafkaOffsets o = new KafkaOffsets(s.kafka())) {
      return o.endOffsets();
    }
  }

  static long sum(Map<Integer, Long> offsets) {
    return offsets.values().stream().mapToLong(Long::longValue).sum();
  }

  static boolean await(Duration timeout, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (condition.getAsBoolean()) {
        return true;
      }
      Thread.sleep(100);
    }
    return condition.getAsBoolean();
  }
}
