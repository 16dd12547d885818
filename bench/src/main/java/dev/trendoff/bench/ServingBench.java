package dev.trendoff.bench;

import static com.datastax.spark.connector.japi.CassandraJavaUtil.javaFunctions;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.DefaultConsistencyLevel;
import com.datastax.oss.driver.api.core.cql.BatchStatement;
import com.datastax.oss.driver.api.core.cql.BatchType;
import com.datastax.oss.driver.api.core.cql.BatchableStatement;
import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import com.datastax.oss.driver.api.core.cql.Statement;
import dev.trendoff.batch.Recompute;
import dev.trendoff.batch.RecomputeSummary;
import dev.trendoff.core.BatchViewChunks;
import dev.trendoff.core.CassandraSessions;
import dev.trendoff.core.KafkaOffsets;
import dev.trendoff.core.Schema;
import dev.trendoff.core.Settings;
import dev.trendoff.core.Tables;
import dev.trendoff.core.TrendoffConfig;
import dev.trendoff.core.UserError;
import dev.trendoff.serving.Comparison;
import dev.trendoff.serving.Rank;
import dev.trendoff.serving.ServingReader;
import dev.trendoff.serving.UserWords;
import dev.trendoff.serving.ViewPointer;
import dev.trendoff.serving.ViewsRead;
import dev.trendoff.spark.SparkConfs;
import org.apache.spark.api.java.JavaSparkContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import scala.Tuple2;

/**
 * {@code ./trendoff bench serving}: compare-users latency of the serving layer (batch view partition +
 * speed rows after the cut, merged in-process) against trendOff's approach, a Spark job per query that
 * scans the batch and speed tables for the two users, on the same data in the same run.
 *
 * <p>Set-up: synthetic users (deterministic per user) written straight into a separate keyspace with the
 * driver, per the schema contract (batch view + totals of one published version, speed rows on both
 * sides of its cut); reused by later runs with the same parameters. Every timed answer is checked against
 * a recount of the user's generated tweets.
 */
@Command(name = "serving", mixinStandardHelpOptions = true,
    description = "compare-users latency (p50/p99/max over random pairs) vs a Spark scan per query, same data.")
public final class ServingBench implements Callable<Integer> {

  private static final long VERSION = 1L;
  /** Every speed row of phase 2 has an offset at or above this; phases 0 and 1 below. */
  private static final long CUT = 2_000_000_000L;
  private static final int PARTITIONS = 4;
  private static final String MARKER = "bench-serving-data-set";

  @Option(names = "--users", defaultValue = "100000") int users;
  @Option(names = "--tweets", defaultValue = "1000000") int tweets;
  @Option(names = "--vocabulary", defaultValue = "20000") int vocabularySize;
  @Option(names = "--pairs", defaultValue = "1000", description = "pairs timed") int pairs;
  @Option(names = "--warmup", defaultValue = "300", description = "pairs queried before timing") int warmup;
  @Option(names = "--scan-pairs", defaultValue = "3", description = "pairs answered by the Spark scan baseline") int scanPairs;
  @Option(names = "--keyspace", defaultValue = "trendoff_bench") String keyspace;
  @Option(names = "--seed", defaultValue = "42") long seed;
  @Option(names = "--rebuild", description = "rewrite the data even when the keyspace already holds it") boolean rebuild;
  @Option(names = "--setup", defaultValue = "recompute", paramLabel = "recompute|direct",
      description = "how the batch view is built: the real batch recompute (Spark) over a master table of the tweets "
          + "(default), or written directly with the driver (faster)") String setup;

  @Override
  public Integer call() throws Exception {
    if (!setup.equals("recompute") && !setup.equals("direct")) {
      throw UserError.usage("--setup is recompute or direct, not " + setup);
    }
    Settings settings = Settings.from(TrendoffConfig.withOverrides(Settings.load().config(),
        Map.of("cassandra.keyspace", keyspace, "kafka.batch-group", "trendoff-bench-serving")));
    Settings.Cassandra c = settings.cassandra();
    SyntheticUsers data = new SyntheticUsers(seed, users, tweets, vocabularySize);
    Schema.apply(c);
    try (CqlSession session = CassandraSessions.open(c)) {
      long[] totals = totals(data);
      System.out.printf("data: %,d users, %,d tweets, %,d tokens (seed %d, vocabulary %,d, Zipf)%n",
          users, totals[0], totals[1], seed, vocabularySize);
      if (rebuild || !alreadyWritten(session, totals)) {
        write(session, settings, data, totals);
      } else {
        System.out.println("set-up: keyspace " + keyspace + " already holds this data set (--rebuild rewrites it)");
      }

      waitForCompactions(session);
      ServingReader reader = new ServingReader(session, keyspace, c.readConsistency());
      Random r = new Random(seed + 7);
      for (int i = 0; i < warmup; i++) {
        int[] p = pair(r);
        Comparison.of(reader.read(List.of(SyntheticUsers.key(p[0]), SyntheticUsers.key(p[1]))), Rank.SHARED, 20);
      }
      long[] nanos = new long[pairs];
      List<int[]> asked = new ArrayList<>();
      List<ViewsRead> answers = new ArrayList<>();
      for (int i = 0; i < pairs; i++) {
        int[] p = pair(r);
        long t0 = System.nanoTime();
        ViewsRead read = reader.read(List.of(SyntheticUsers.key(p[0]), SyntheticUsers.key(p[1])));
        Comparison.of(read, Rank.SHARED, 20);
        nanos[i] = System.nanoTime() - t0;
        asked.add(p);
        answers.add(read);
      }
      int wrong = 0;
      for (int i = 0; i < pairs; i++) {
        for (int k = 0; k < 2; k++) {
          if (!expected(data, asked.get(i)[k]).equals(summary(answers.get(i).users().get(k)))) {
            wrong++;
          }
        }
      }
      Arrays.sort(nanos);
      double p50 = ms(nanos[pairs / 2]);
      double p99 = ms(nanos[(int) Math.ceil(pairs * 0.99) - 1]);
      double max = ms(nanos[pairs - 1]);
      System.out.printf("serving (driver, in-process, after %d warm-up queries): %d pairs, p50 %.2f ms, p99 %.2f ms, max %.2f ms; "
          + "answers checked against a recount: %d wrong (machine load average %.1f on %d cores)%n", warmup, pairs, p50, p99, max,
          wrong, java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
          Runtime.getRuntime().availableProcessors());

      if (scanPairs <= 0) {
        System.out.println("trendOff scan: skipped (--scan-pairs 0)");
        return wrong == 0 ? 0 : 1;
      }
      double[] scan = scanBaseline(settings, data, r, reader.currentView());
      double scanMin = Arrays.stream(scan).min().orElse(Double.NaN);
      double scanMean = Arrays.stream(scan).average().orElse(Double.NaN);
      System.out.printf("trendOff scan (Spark %s, a job per query scanning %s + %s): %d pairs, mean %.0f ms, min %.0f ms%n",
          settings.spark().master(), Tables.BATCH_VIEW, Tables.SPEED_VIEW, scan.length, scanMean, scanMin);
      System.out.printf("speed-up: %.0fx (scan mean / serving p50), %.0fx (scan min / serving p99); target p99 <= 20 ms: %s, >= 100x: %s%n",
          scanMean / p50, scanMin / p99, p99 <= 20 ? "met" : "MISSED", scanMin / p99 >= 100 ? "met" : "MISSED");
      if (wrong > 0) {
        throw new UserError(wrong + " serving answers differ from the recount");
      }
    }
    return 0;
  }

  private int[] pair(Random r) {
    int a = r.nextInt(users);
    int b;
    do {
      b = r.nextInt(users);
    } while (b == a);
    return new int[] {a, b};
  }

  private static double ms(long nanos) {
    return nanos / 1e6;
  }

  /** What a user should get: every generated tweet counted once (tweets, tokens, word counts). */
  private static Map<String, Object> expected(SyntheticUsers data, int i) {
    Map<String, Long> words = new HashMap<>();
    long tokens = 0;
    List<SyntheticUsers.Tweet> ts = data.tweets(i);
    for (SyntheticUsers.Tweet t : ts) {
      tokens += t.words().size();
      t.words().forEach(w -> words.merge(w, 1L, Long::sum));
    }
    return Map.of("tweets", (long) ts.size(), "tokens", tokens, "words", words);
  }

  private static Map<String, Object> summary(UserWords u) {
    return Map.of("tweets", u.tweets(), "tokens", u.tokens(), "words", u.words());
  }

  /** tweets, tokens over all users (cheap: generation only). */
  private static long[] totals(SyntheticUsers data) {
    long t = 0;
    long k = 0;
    for (int i = 0; i < data.users(); i++) {
      for (SyntheticUsers.Tweet tw : data.tweets(i)) {
        t++;
        k += tw.words().size();
      }
    }
    return new long[] {t, k};
  }

  /** After a set-up Cassandra flushes and compacts for a while: time the queries after that, not during it. */
  private void waitForCompactions(CqlSession s) throws InterruptedException {
    long t0 = System.nanoTime();
    SimpleStatement q = SimpleStatement.newInstance("SELECT keyspace_name FROM system_views.sstable_tasks");
    while (System.nanoTime() - t0 < 180e9) {
      boolean busy = false;
      for (Row r : s.execute(q)) {
        busy |= keyspace.equals(r.getString(0));
      }
      if (!busy) {
        break;
      }
      Thread.sleep(1000);
    }
    double waited = (System.nanoTime() - t0) / 1e9;
    if (waited > 1) {
      System.out.printf("waited %.0f s for Cassandra's compactions of %s to finish%n", waited, keyspace);
    }
  }

  /** A marker row beside the pointer names the data set last written completely (parameters and set-up). */
  private long dataSetId(long[] totals) {
    return java.util.Objects.hash(seed, users, tweets, vocabularySize, totals[0], totals[1], setup);
  }

  private boolean alreadyWritten(CqlSession s, long[] totals) {
    Row v = s.execute(s.prepare("SELECT version FROM " + keyspace + "." + Tables.VIEW_POINTER + " WHERE name = ?")
        .bind(MARKER)).one();
    Row p = s.execute(s.prepare("SELECT version FROM " + keyspace + "." + Tables.VIEW_POINTER + " WHERE name = ?")
        .bind(Tables.CURRENT_POINTER)).one();
    return v != null && p != null && v.getLong(0) == dataSetId(totals);
  }

  private void write(CqlSession s, Settings settings, SyntheticUsers data, long[] totals) throws Exception {
    Settings.Cassandra c = settings.cassandra();
    for (String t : new String[] {Tables.VIEW_POINTER, Tables.VIEW_VERSIONS, Tables.BATCH_VIEW,
        Tables.SPEED_VIEW, Tables.TWEETS}) {
      s.execute(SimpleStatement.newInstance("TRUNCATE " + keyspace + "." + t).setTimeout(java.time.Duration.ofSeconds(60)));
    }
    String ks = keyspace + ".";
    boolean direct = setup.equals("direct");
    PreparedStatement view = s.prepare(BatchViewChunks.insert(keyspace));
    int wordsPerChunk = settings.config().getInt("trendoff.batch.recompute.words-per-chunk");
    PreparedStatement speed = s.prepare("INSERT INTO " + ks + Tables.SPEED_VIEW
        + " (user_key, tweet_id, kafka_partition, kafka_offset, words, tokens) VALUES (?, ?, ?, ?, ?, ?)");
    PreparedStatement master = s.prepare("INSERT INTO " + ks + Tables.TWEETS
        + " (tweet_id, user_key, user_screen_name, text, created_at, lang, kafka_partition, kafka_offset, ingested_at)"
        + " VALUES (?, ?, ?, ?, ?, 'en', ?, ?, ?)");
    DefaultConsistencyLevel cl = DefaultConsistencyLevel.valueOf(c.writeConsistency());
    Semaphore inFlight = new Semaphore(64);
    AtomicReference<Throwable> failure = new AtomicReference<>();
    long[][] offsets = new long[PARTITIONS][3];
    long batchRows = 0;
    long speedRows = 0;
    long absorbed = 0;
    long t0 = System.nanoTime();
    Instant now = Instant.now();
    System.out.println(direct
        ? "set-up: writing the batch view (version " + VERSION + ") and the speed rows with the driver"
        : "set-up: writing the master table and the speed rows with the driver; the batch view comes from the real recompute");
    List<Statement<?>> speedLater = new ArrayList<>();
    for (int i = 0; i < data.users(); i++) {
      String key = SyntheticUsers.key(i);
      int p = Math.floorMod(key.hashCode(), PARTITIONS);
      Map<String, Integer> batchWords = new HashMap<>();
      int batchTweets = 0;
      long batchTokens = 0;
      List<BatchableStatement<?>> speedStmts = new ArrayList<>();
      for (SyntheticUsers.Tweet t : data.tweets(i)) {
        long offset = t.phase() * 1_000_000_000L + offsets[p][t.phase()]++;
        if (!direct) {
          send(s, master.bind(t.id(), key, key, String.join(" ", t.words()), now, p, offset, now).setConsistencyLevel(cl),
              inFlight, failure);
        }
        if (t.phase() < 2) {
          batchTweets++;
          batchTokens += t.words().size();
          t.words().forEach(w -> batchWords.merge(w, 1, Integer::sum));
        }
        if (t.phase() == 1) {
          absorbed++;
        }
        if (t.phase() > 0) {
          speedStmts.add(speed.bind(key, t.id(), p, offset, t.counts(), t.words().size()));
        }
      }
      if (direct && batchTweets > 0) {
        for (BoundStatement b : BatchViewChunks.bind(view, key, VERSION, batchTweets, batchTokens, batchWords, wordsPerChunk)) {
          send(s, b.setConsistencyLevel(cl), inFlight, failure);
          batchRows++;
        }
      }
      if (!speedStmts.isEmpty()) {
        speedRows += speedStmts.size();
        if (direct) {
          send(s, BatchStatement.newInstance(BatchType.UNLOGGED, speedStmts).setConsistencyLevel(cl), inFlight, failure);
        } else {
          // after the recompute: its clean-up would delete the rows below the cut at once
          speedLater.add(BatchStatement.newInstance(BatchType.UNLOGGED, speedStmts).setConsistencyLevel(cl));
        }
      }
      if ((i + 1) % 20_000 == 0) {
        System.out.printf("  %,d users written, %.0f s%n", i + 1, (System.nanoTime() - t0) / 1e9);
      }
    }
    drain(inFlight, failure);
    Map<Integer, Long> cut = new HashMap<>();
    for (int p = 0; p < PARTITIONS; p++) {
      cut.put(p, CUT);
    }
    if (direct) {
      s.execute(s.prepare("INSERT INTO " + ks + Tables.VIEW_VERSIONS
          + " (version, state, cut, started_at, finished_at, tweets, users, words) VALUES (?, 'published', ?, ?, ?, ?, ?, ?)")
          .bind(VERSION, cut, now, now, totals[0], (long) users, totals[1]));
      s.execute(s.prepare("INSERT INTO " + ks + Tables.VIEW_POINTER + " (name, version, cut, published_at) VALUES (?, ?, ?, ?)")
          .bind(Tables.CURRENT_POINTER, VERSION, cut, now));
    } else {
      System.out.printf("set-up: master table written (%,d tweets) in %.0f s; batch group %s committed at the cut, recompute ...%n",
          totals[0], (System.nanoTime() - t0) / 1e9, settings.kafka().batchGroup());
      try (KafkaOffsets k = new KafkaOffsets(settings.kafka())) {
        k.commit(settings.kafka().batchGroup(), cut);
      }
      try (Recompute recompute = new Recompute(settings)) {
        RecomputeSummary summary = recompute.runOnce();
        System.out.println("set-up: " + summary.line());
        if (!summary.published()) {
          throw new UserError("bench set-up: the recompute did not publish");
        }
      }
      for (Statement<?> b : speedLater) {
        send(s, b, inFlight, failure);
      }
      drain(inFlight, failure);
    }
    s.execute(s.prepare("INSERT INTO " + ks + Tables.VIEW_POINTER + " (name, version) VALUES (?, ?)")
        .bind(MARKER, dataSetId(totals)));
    System.out.printf("set-up: %s, %,d speed rows (%,d of them below the cut) in %.0f s%n",
        direct ? String.format("%,d batch view rows", batchRows) : "batch view by the recompute",
        speedRows, absorbed, (System.nanoTime() - t0) / 1e9);
  }

  private static void drain(Semaphore inFlight, AtomicReference<Throwable> failure) throws InterruptedException {
    inFlight.acquire(64);
    inFlight.release(64);
    if (failure.get() != null) {
      throw new UserError("bench set-up failed writing to Cassandra: " + failure.get().getMessage(), failure.get());
    }
  }

  private static void send(CqlSession s, Statement<?> st, Semaphore inFlight, AtomicReference<Throwable> failure)
      throws InterruptedException {
    if (failure.get() != null) {
      throw new UserError("bench set-up failed writing to Cassandra: " + failure.get().getMessage(), failure.get());
    }
    inFlight.acquire();
    CompletionStage<?> f = s.executeAsync(st);
    f.whenComplete((ok, err) -> {
      if (err != null) {
        failure.compareAndSet(null, err);
      }
      inFlight.release();
    });
  }

  /** trendOff's way: a Spark job per query, scanning whole tables and filtering for the two users. Returns ms per pair. */
  private double[] scanBaseline(Settings settings, SyntheticUsers data, Random r, ViewPointer view) {
    long t0 = System.nanoTime();
    try (JavaSparkContext jsc = new JavaSparkContext(SparkConfs.forJob(settings, "trendoff-bench-serving-scan"))) {
      jsc.setLogLevel("WARN");
      System.out.printf("trendOff scan: Spark context up in %.1f s (not counted below)%n", (System.nanoTime() - t0) / 1e9);
      double[] out = new double[scanPairs];
      for (int i = 0; i < scanPairs; i++) {
        int[] p = pair(r);
        String a = SyntheticUsers.key(p[0]);
        String b = SyntheticUsers.key(p[1]);
        long s0 = System.nanoTime();
        Map<String, Long> counts = scanCounts(jsc, a, b, view);
        out[i] = (System.nanoTime() - s0) / 1e6;
        boolean same = counts.equals(flat(a, expected(data, p[0]), b, expected(data, p[1])));
        System.out.printf("  pair %s %s: %.0f ms, %s%n", a, b, out[i], same ? "same answer as the recount" : "DIFFERENT answer");
      }
      return out;
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Long> flat(String a, Map<String, Object> ea, String b, Map<String, Object> eb) {
    Map<String, Long> m = new HashMap<>();
    ((Map<String, Long>) ea.get("words")).forEach((w, n) -> m.put(a + "\t" + w, n));
    ((Map<String, Long>) eb.get("words")).forEach((w, n) -> m.put(b + "\t" + w, n));
    m.put(a + "\t#tweets", (Long) ea.get("tweets"));
    m.put(b + "\t#tweets", (Long) eb.get("tweets"));
    return m;
  }

  /** user\tword -> count, plus user\t#tweets, from full scans of the batch view, the totals and the speed view. */
  private Map<String, Long> scanCounts(JavaSparkContext jsc, String a, String b, ViewPointer view) {
    long version = view.version();
    HashMap<Integer, Long> cut = new HashMap<>(view.cut());
    Map<String, Long> out = new HashMap<>(javaFunctions(jsc).cassandraTable(keyspace, Tables.BATCH_VIEW)
        .select("user_key", "version", "chunk", "tweets", "words")
        .filter(row -> (a.equals(row.getString("user_key")) || b.equals(row.getString("user_key")))
            && row.getLong("version") == version)
        .flatMapToPair(row -> {
          List<Tuple2<String, Long>> l = new ArrayList<>();
          String u = row.getString("user_key");
          row.getMap("words").forEach((w, n) -> l.add(new Tuple2<>(u + "\t" + w, ((Number) n).longValue())));
          if (row.getInt("chunk") == 0) {
            l.add(new Tuple2<>(u + "\t#tweets", row.getLong("tweets")));
          }
          return l.iterator();
        })
        .reduceByKey(Long::sum)
        .collectAsMap());
    javaFunctions(jsc).cassandraTable(keyspace, Tables.SPEED_VIEW)
        .select("user_key", "kafka_partition", "kafka_offset", "words")
        .filter(row -> (a.equals(row.getString("user_key")) || b.equals(row.getString("user_key")))
            && row.getLong("kafka_offset") >= cut.getOrDefault(row.getInt("kafka_partition"), 0L))
        .flatMapToPair(row -> {
          List<Tuple2<String, Long>> l = new ArrayList<>();
          String u = row.getString("user_key");
          row.getMap("words").forEach((w, n) -> l.add(new Tuple2<>(u + "\t" + w, ((Number) n).longValue())));
          l.add(new Tuple2<>(u + "\t#tweets", 1L));
          return l.iterator();
        })
        .reduceByKey(Long::sum)
        .collectAsMap().forEach((k, v) -> out.merge(k, v, Long::sum));
    return out;
  }
}
