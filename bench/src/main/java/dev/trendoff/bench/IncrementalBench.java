package dev.trendoff.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.DefaultConsistencyLevel;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;

import dev.trendoff.avro.Tweet;
import dev.trendoff.batch.MasterRow;
import dev.trendoff.batch.MasterRowStatements;
import dev.trendoff.batch.MasterRows;
import dev.trendoff.batch.Recompute;
import dev.trendoff.batch.RecomputeSummary;
import dev.trendoff.core.BoundedAsync;
import dev.trendoff.core.CassandraSessions;
import dev.trendoff.core.KafkaOffsets;
import dev.trendoff.core.Schema;
import dev.trendoff.core.Settings;
import dev.trendoff.core.TrendoffConfig;
import dev.trendoff.core.UserError;
import dev.trendoff.producer.SyntheticTweets;
import dev.trendoff.producer.TweetProducer;
import dev.trendoff.views.BatchViewWords;
import dev.trendoff.views.ViewRow;
import dev.trendoff.views.ViewStore;

/**
 * {@code ./trendoff bench batch --incremental} (docs/lambda.md 'Incremental recomputes'): for each
 * history size, a keyspace and topic of its own: the history written directly into the master table
 * (synthetic tweets of {@code users} users, as rows of a load from before loads were recorded), one
 * full recompute publishes it; then {@code fresh} new tweets are produced to Kafka and written to the
 * master table as the batch ingest writes them (the batch group committed at their end); then, at that
 * same cut, the incremental recompute and beside it the full recompute, timed, and their rows compared
 * user by user. Reports the ratio full / incremental at the largest history, and how the incremental
 * time grows from the smallest history to the largest.
 */
public final class IncrementalBench {

  /** One history size's figures. */
  public record Figures(long history, double writeSeconds, double incrementalSeconds, double fullSeconds, long touchedUsers,
      boolean sameRows) {}

  private final Settings base;
  private final int users;
  private final long fresh;
  private final long seed;

  IncrementalBench(Settings base, int users, long fresh, long seed) {
    this.base = base;
    this.users = users;
    this.fresh = fresh;
    this.seed = seed;
  }

  List<Figures> run(List<Long> histories) throws Exception {
    List<Figures> out = new ArrayList<>();
    for (long h : histories) {
      out.add(one(h));
    }
    System.out.println();
    System.out.printf(Locale.ROOT, "  %-14s %14s %14s %14s %12s %10s%n", "history", "incremental s", "full s", "full / incr.",
        "users touched", "same rows");
    for (Figures f : out) {
      System.out.printf(Locale.ROOT, "  %-14s %14.1f %14.1f %14.1f %12d %10s%n", String.format(Locale.ROOT, "%,d", f.history()),
          f.incrementalSeconds(), f.fullSeconds(), f.fullSeconds() / f.incrementalSeconds(), f.touchedUsers(),
          f.sameRows() ? "yes" : "NO");
    }
    Figures largest = out.get(out.size() - 1);
    System.out.printf(Locale.ROOT, "  incremental / full at %,d: 1/%.1f (target: at most 1/20): %s%n", largest.history(),
        largest.fullSeconds() / largest.incrementalSeconds(),
        largest.incrementalSeconds() * 20 <= largest.fullSeconds() ? "met" : "MISSED");
    if (out.size() > 1) {
      Figures smallest = out.get(0);
      double growth = largest.incrementalSeconds() / smallest.incrementalSeconds();
      System.out.printf(Locale.ROOT, "  incremental at %,d / at %,d history: %.2fx (target: within 1.5x): %s%n",
          largest.history(), smallest.history(), growth, growth <= 1.5 ? "met" : "MISSED");
    }
    return out;
  }

  /** {@code bench batch --incremental --json}: the fields of docs/json.md 'bench batch'. */
  public static Map<String, Object> report(int users, long fresh, List<Figures> figures) {
    List<Map<String, Object>> runs = new ArrayList<>();
    for (Figures f : figures) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("history", f.history());
      m.put("incrementalSeconds", Math.round(f.incrementalSeconds() * 10) / 10.0);
      m.put("fullSeconds", Math.round(f.fullSeconds() * 10) / 10.0);
      m.put("usersTouched", f.touchedUsers());
      m.put("sameRows", f.sameRows());
      runs.add(m);
    }
    Figures largest = figures.get(figures.size() - 1);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("bench", "batch-incremental");
    m.put("users", users);
    m.put("newTweets", fresh);
    m.put("histories", runs);
    m.put("fullOverIncremental", Math.round(largest.fullSeconds() / largest.incrementalSeconds() * 10) / 10.0);
    m.put("growth", Math.round(largest.incrementalSeconds() / figures.get(0).incrementalSeconds() * 100) / 100.0);
    return m;
  }

  private Figures one(long history) throws Exception {
    String runId = Long.toString(System.currentTimeMillis(), 36);
    Map<String, Object> o = new HashMap<>();
    o.put("kafka.topic", "bench.incremental." + runId);
    o.put("kafka.dlq-topic", "bench.incremental.dlq." + runId);
    o.put("kafka.batch-group", "bench-incremental-" + runId);
    o.put("cassandra.keyspace", base.cassandra().keyspace() + "_bench_incremental");
    Settings s = Settings.from(TrendoffConfig.withOverrides(base.config(), o));
    try {
      dropKeyspace(s);
      createTopic(s);
      Schema.apply(s.cassandra());
      System.out.printf(Locale.ROOT, "bench batch --incremental: history %,d tweets of %,d users, then %,d new; keyspace %s%n",
          history, users, fresh, s.cassandra().keyspace());
      SyntheticTweets tweets = new SyntheticTweets(seed, users, history + fresh);
      long t = System.nanoTime();
      writeHistory(s, tweets, history);
      double write = secs(t);
      System.out.printf(Locale.ROOT, "  history written into the master table in %.0f s%n", write);
      try (Recompute r = new Recompute(s)) {
        r.sparkContext();
        RecomputeSummary v0 = r.runOnce(Recompute.Kind.FULL, false);
        System.out.println("  " + v0.line());
      }
      t = System.nanoTime();
      writeFresh(s, tweets, history);
      System.out.printf(Locale.ROOT, "  %,d new tweets produced and in the master table, batch group committed, in %.0f s%n",
          fresh, secs(t));

      RecomputeSummary incremental;
      RecomputeSummary full;
      Map<Integer, String> afterIncremental;
      boolean same;
      try (Recompute r = new Recompute(s); CqlSession session = CassandraSessions.open(s.cassandra())) {
        ViewStore store = new ViewStore(session, s.cassandra().keyspace(), 64);
        incremental = r.runOnce(Recompute.Kind.INCREMENTAL, false);
        System.out.println("  " + incremental.line());
        afterIncremental = rows(store, incremental.version());
        Map<String, Long> corpus = store.corpus(incremental.version());
        r.sparkContext(); // Spark's start-up is not the full run's work
        full = r.runOnce(Recompute.Kind.FULL, false);
        System.out.println("  " + full.line());
        same = full.cut().equals(incremental.cut()) && rows(store, full.version()).equals(afterIncremental)
            && store.corpus(full.version()).equals(corpus);
      }
      if (!incremental.incremental() || !incremental.published() || !full.published()) {
        throw new IllegalStateException("the runs did not publish as asked: " + incremental.line() + " / " + full.line());
      }
      return new Figures(history, write, incremental.seconds(), full.seconds(), incremental.users(), same);
    } finally {
      cleanUp(s);
    }
  }

  /** The history as master rows of an old load (counted by every version), written with the driver. */
  private void writeHistory(Settings s, SyntheticTweets tweets, long n) throws InterruptedException {
    Instant now = Instant.now();
    try (CqlSession session = CassandraSessions.open(s.cassandra())) {
      PreparedStatement insert = session.prepare(MasterRowStatements.insert(s.cassandra().keyspace()));
      // 64 in flight, not 256: with the commit log synced before each acknowledgement, 256 queued past
      // Cassandra's write timeout on 2 cores and failed a 10M history after 3M rows (README 'Benchmarks')
      BoundedAsync async = new BoundedAsync(session, 64);
      for (long i = 0; i < n; i++) {
        MasterRow row = MasterRows.fromFile(tweets.tweet(i), now.toEpochMilli());
        async.submit(MasterRowStatements.bind(insert, row).setConsistencyLevel(DefaultConsistencyLevel.ONE));
        if ((i + 1) % 1_000_000 == 0) {
          System.out.printf(Locale.ROOT, "    %,d written%n", i + 1);
        }
      }
      async.await();
    }
  }

  /** The new tweets to Kafka, then into the master table as the batch ingest writes them, and the group committed. */
  private void writeFresh(Settings s, SyntheticTweets tweets, long from) throws Exception {
    List<Tweet> batch = new ArrayList<>();
    for (long i = from; i < from + fresh; i++) {
      batch.add(tweets.tweet(i));
    }
    try (TweetProducer producer = new TweetProducer(s)) {
      batch.forEach(producer::send);
      producer.flush();
      if (producer.failed() > 0) {
        throw new IllegalStateException(producer.failed() + " tweets not sent");
      }
    }
    BatchBench.plainInsertLoop(s, 256);
    try (KafkaOffsets offsets = new KafkaOffsets(s.kafka())) {
      offsets.commit(s.kafka().batchGroup(), offsets.endOffsets(), offsets.topicId());
    }
  }

  /**
   * Every user's rows as serving reads them in {@code version}, without the versions that wrote them: a
   * SHA-256 of each bucket's rows in user and word order (the rows of a 10M-tweet view do not fit in memory twice).
   */
  private static Map<Integer, String> rows(ViewStore store, long version) {
    Map<Integer, String> out = new HashMap<>();
    for (int bucket = 0; bucket < BatchViewWords.BUCKETS; bucket++) {
      java.security.MessageDigest sha;
      try {
        sha = java.security.MessageDigest.getInstance("SHA-256");
      } catch (java.security.NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
      for (ViewRow r : store.servedRows(version, bucket)) {
        sha.update((r.user() + "\t" + r.word() + "\t" + r.count() + "\t" + r.tweets() + "\t" + r.tokens() + "\n")
            .getBytes(java.nio.charset.StandardCharsets.UTF_8));
      }
      out.put(bucket, java.util.HexFormat.of().formatHex(sha.digest()));
    }
    return out;
  }

  private static double secs(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }

  private static void createTopic(Settings s) {
    try (Admin admin = Admin.create(s.kafka().clientProperties())) {
      admin.createTopics(List.of(new NewTopic(s.kafka().topic(), s.kafka().partitions(), s.kafka().replicationFactor())))
          .all().get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new UserError("cannot create the benchmark topic on Kafka at " + s.kafka().bootstrapServers()
          + " (is the stack up? `./trendoff stack up`): " + e.getMessage(), e);
    }
  }

  private static void cleanUp(Settings s) {
    try (Admin admin = Admin.create(s.kafka().clientProperties())) {
      admin.deleteTopics(List.of(s.kafka().topic())).all().get(30, TimeUnit.SECONDS);
      admin.deleteConsumerGroups(List.of(s.kafka().batchGroup())).all().get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      System.err.println("bench batch --incremental: could not remove topic " + s.kafka().topic() + ": " + e.getMessage());
    }
    try {
      dropKeyspace(s);
    } catch (RuntimeException e) {
      System.err.println("bench batch --incremental: could not drop keyspace " + s.cassandra().keyspace() + ": " + e.getMessage());
    }
  }

  private static void dropKeyspace(Settings s) {
    try (CqlSession session = CassandraSessions.open(s.cassandra(), false)) {
      session.execute(SimpleStatement.newInstance("DROP KEYSPACE IF EXISTS " + s.cassandra().keyspace())
          .setTimeout(Duration.ofMinutes(2)));
    }
  }
}
