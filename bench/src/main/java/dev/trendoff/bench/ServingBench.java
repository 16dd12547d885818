package dev.trendoff.bench;

import static com.datastax.spark.connector.japi.CassandraJavaUtil.javaFunctions;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.DefaultConsistencyLevel;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import dev.trendoff.batch.BatchSettings;
import dev.trendoff.batch.MasterRow;
import dev.trendoff.batch.MasterRowStatements;
import dev.trendoff.batch.MasterTable;
import dev.trendoff.batch.Recompute;
import dev.trendoff.batch.RecomputeSummary;
import dev.trendoff.core.BoundedAsync;
import dev.trendoff.core.CassandraSessions;
import dev.trendoff.core.ConnectionOptions;
import dev.trendoff.core.KafkaOffsets;
import dev.trendoff.core.Schema;
import dev.trendoff.core.Settings;
import dev.trendoff.core.TrendoffConfig;
import dev.trendoff.core.UserError;
import dev.trendoff.serving.Comparison;
import dev.trendoff.serving.Rank;
import dev.trendoff.serving.ServingReader;
import dev.trendoff.serving.UserWords;
import dev.trendoff.serving.ViewsRead;
import dev.trendoff.spark.SparkConfs;
import dev.trendoff.views.BatchViewWrites;
import dev.trendoff.views.Cut;
import dev.trendoff.views.SpeedRow;
import dev.trendoff.views.SpeedViewWrites;
import dev.trendoff.views.ViewPointer;
import dev.trendoff.views.ViewStore;
import dev.trendoff.views.ViewTables;
import org.apache.spark.api.java.JavaSparkContext;
import dev.trendoff.producer.SyntheticOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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

  @Mixin SyntheticOptions synthetic = new SyntheticOptions(42, 100_000, 1_000_000);
  @Mixin ConnectionOptions connection = ConnectionOptions.withKeyspace("trendoff_bench");

  private int users;
  private int tweets;
  private long seed;
  private String keyspace;

  @Option(names = "--vocabulary", defaultValue = "20000") int vocabularySize;
  @Option(names = "--pairs", defaultValue = "1000", description = "pairs timed") int pairs;
  @Option(names = "--warmup", defaultValue = "300", description = "pairs queried before timing") int warmup;
  @Option(names = "--scan-pairs", defaultValue = "3", description = "pairs answered by the Spark scan baseline") int scanPairs;
  @Option(names = "--rebuild", description = "rewrite the data even when the keyspace already holds it") boolean rebuild;
  @Option(names = "--setup", defaultValue = "recompute", paramLabel = "recompute|direct",
      description = "how the batch view is built: the real batch recompute (Spark) over a master table of the tweets "
          + "(default), or written directly with the driver (faster)") String setup;

  /** The data set of a run: the settings pointing at its keyspace and the generated users. */
  record DataSet(Settings settings, SyntheticUsers data, int users) {}

  /**
   * Writes the data set into its keyspace unless a previous run with the same parameters did (a marker
   * row says so), and waits for Cassandra's compactions; {@code bench http} shares it.
   */
  DataSet dataSet() throws Exception {
    users = synthetic.users(2);
    tweets = Math.toIntExact(synthetic.tweets(1));
    seed = synthetic.seed();
    if (!setup.equals("recompute") && !setup.equals("direct")) {
      throw UserError.usage("--setup is recompute or direct, not " + setup);
    }
    Settings settings = Settings.from(TrendoffConfig.withOverrides(connection.applyTo(TrendoffConfig.load()),
        Map.of("kafka.batch-group", "trendoff-bench-serving")));
    keyspace = settings.cassandra().keyspace();
    Settings.Cassandra c = settings.cassandra();
    SyntheticUsers data = new SyntheticUsers(seed, users, tweets, vocabularySize);
    Schema.apply(c);
    try (CqlSession session = CassandraSessions.open(c)) {
      long[] totals = totals(data);
      System.out.printf("data: %,d users, %,d tweets, %,d tokens (seed %d, vocabulary %,d, Zipf)%n",
          users, totals[0], totals[1], seed, vocabularySize);
      if (rebuild || !alreadyWritten(new ViewStore(session, keyspace, 1), totals)) {
        write(session, settings, data, totals);
      } else {
        System.out.println("set-up: keyspace " + keyspace + " already holds this data set (--rebuild rewrites it)");
      }
      waitForCompactions(session);
    }
    return new DataSet(settings, data, users);
  }

  @Override
  public Integer call() throws Exception {
    DataSet set = dataSet();
    Settings settings = set.settings();
    SyntheticUsers data = set.data();
    try (CqlSession session = CassandraSessions.open(settings.cassandra())) {
      ServingReader reader = new ServingReader(session, keyspace);
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
          settings.spark().master(), ViewTables.BATCH_VIEW, ViewTables.SPEED_VIEW, scan.length, scanMean, scanMin);
      System.out.printf("speed-up: %.0fx (scan mean / serving p50), %.0fx (scan min / serving p99); target p99 <= 20 ms: %s, >= 100x: %s%n",
          scanMean / p50, scanMin / p99, p99 <= 20 ? "met" : "MISSED", scanMin / p99 >= 100 ? "met" : "MISSED");
      if (wrong > 0) {
        throw new UserError(wrong + " serving answers differ from the recount");
      }
    }
    return 0;
  }

  private int[] pair(Random r) {
    return pair(r, users);
  }

  /** Two different users of {@code users}, at random. */
  static int[] pair(Random r, int users) {
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

  private boolean alreadyWritten(ViewStore store, long[] totals) {
    return store.current().exists() && store.marker(MARKER).orElse(-1L) == dataSetId(totals);
  }

  private void write(CqlSession s, Settings settings, SyntheticUsers data, long[] totals) throws Exception {
    Settings.Cassandra c = settings.cassandra();
    ViewStore store = new ViewStore(s, keyspace, 64);
    store.truncateAll();
    MasterTable.truncate(s, keyspace);
    boolean direct = setup.equals("direct");
    int wordsPerChunk = BatchSettings.from(settings).recompute().wordsPerChunk();
    BatchViewWrites view = new BatchViewWrites(s, keyspace, c.writeConsistency(), wordsPerChunk, 64);
    SpeedViewWrites speed = new SpeedViewWrites(s, keyspace, c.writeConsistency(), 100, 64);
    PreparedStatement master = s.prepare(MasterRowStatements.insert(keyspace));
    DefaultConsistencyLevel cl = c.writeConsistency();
    BoundedAsync masterWrites = new BoundedAsync(s, 64);
    long[][] offsets = new long[PARTITIONS][3];
    long speedRows = 0;
    long absorbed = 0;
    long t0 = System.nanoTime();
    Instant now = Instant.now();
    System.out.println(direct
        ? "set-up: writing the batch view (version " + VERSION + ") and the speed rows with the driver"
        : "set-up: writing the master table and the speed rows with the driver; the batch view comes from the real recompute");
    Map<String, List<SpeedRow>> speedLater = new LinkedHashMap<>();
    for (int i = 0; i < data.users(); i++) {
      String key = SyntheticUsers.key(i);
      int p = Math.floorMod(key.hashCode(), PARTITIONS);
      Map<String, Integer> batchWords = new HashMap<>();
      int batchTweets = 0;
      long batchTokens = 0;
      List<SpeedRow> userSpeedRows = new ArrayList<>();
      for (SyntheticUsers.Tweet t : data.tweets(i)) {
        long offset = t.phase() * 1_000_000_000L + offsets[p][t.phase()]++;
        if (!direct) {
          masterWrites.submit(MasterRowStatements.bind(master, masterRow(t, key, p, offset, now)).setConsistencyLevel(cl));
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
          userSpeedRows.add(new SpeedRow(key, t.id(), p, offset, t.counts(), t.words().size()));
        }
      }
      if (direct && batchTweets > 0) {
        view.write(key, VERSION, batchTweets, batchTokens, batchWords);
      }
      if (!userSpeedRows.isEmpty()) {
        speedRows += userSpeedRows.size();
        // with the recompute: after it, since its clean-up would delete the rows below the cut at once
        speedLater.put(key, userSpeedRows);
        if (direct && speedLater.size() >= 1000) {
          speed.write(speedLater);
          speedLater.clear();
        }
      }
      if ((i + 1) % 20_000 == 0) {
        System.out.printf("  %,d users written, %.0f s%n", i + 1, (System.nanoTime() - t0) / 1e9);
      }
    }
    masterWrites.await();
    long batchRows = view.await();
    Map<Integer, Long> cutMap = new HashMap<>();
    for (int p = 0; p < PARTITIONS; p++) {
      cutMap.put(p, CUT);
    }
    Cut cut = Cut.of(cutMap);
    if (direct) {
      store.begin(VERSION, cut);
      if (!store.flip(ViewPointer.NONE, VERSION, cut)) {
        throw new UserError("bench set-up: keyspace " + keyspace + " got a pointer while the set-up wrote it");
      }
      store.finish(VERSION, ViewStore.PUBLISHED, totals[0], users, totals[1]);
    } else {
      System.out.printf("set-up: master table written (%,d tweets) in %.0f s; batch group %s committed at the cut, recompute ...%n",
          totals[0], (System.nanoTime() - t0) / 1e9, settings.kafka().batchGroup());
      try (KafkaOffsets k = new KafkaOffsets(settings.kafka())) {
        k.commit(settings.kafka().batchGroup(), cutMap);
      }
      try (Recompute recompute = new Recompute(settings)) {
        RecomputeSummary summary = recompute.runOnce();
        System.out.println("set-up: " + summary.line());
        if (!summary.published()) {
          throw new UserError("bench set-up: the recompute did not publish");
        }
      }
    }
    speed.write(speedLater);
    store.setMarker(MARKER, dataSetId(totals));
    System.out.printf("set-up: %s, %,d speed rows (%,d of them below the cut) in %.0f s%n",
        direct ? String.format("%,d batch view rows", batchRows) : "batch view by the recompute",
        speedRows, absorbed, (System.nanoTime() - t0) / 1e9);
  }

  /** A synthetic tweet's master row, as the batch ingest would have written it. */
  private static MasterRow masterRow(SyntheticUsers.Tweet t, String key, int partition, long offset, Instant now) {
    MasterRow r = new MasterRow();
    r.setTweetId(t.id());
    r.setUserKey(key);
    r.setUserScreenName(key);
    r.setText(String.join(" ", t.words()));
    r.setCreatedAt(java.util.Date.from(now));
    r.setLang("en");
    r.setKafkaPartition(partition);
    r.setKafkaOffset(offset);
    r.setIngestedAt(java.util.Date.from(now));
    return r;
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
    HashMap<Integer, Long> cut = new HashMap<>(view.cut().asMap());
    Map<String, Long> out = new HashMap<>(javaFunctions(jsc).cassandraTable(keyspace, ViewTables.BATCH_VIEW)
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
    javaFunctions(jsc).cassandraTable(keyspace, ViewTables.SPEED_VIEW)
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
