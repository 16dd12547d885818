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
import dev.trendoff.core.JsonOption;
import dev.trendoff.core.Schema;
import dev.trendoff.core.Settings;
import dev.trendoff.core.TrendoffConfig;
import dev.trendoff.core.UserError;
import dev.trendoff.serving.CompareRequest;
import dev.trendoff.serving.Comparison;
import dev.trendoff.serving.Method;
import dev.trendoff.serving.Prior;
import dev.trendoff.serving.Rank;
import dev.trendoff.serving.ServingReader;
import dev.trendoff.serving.UserWords;
import dev.trendoff.serving.ViewsRead;
import dev.trendoff.spark.SparkConfs;
import dev.trendoff.views.BatchViewWrites;
import dev.trendoff.views.CorpusWrites;
import dev.trendoff.views.Cut;
import dev.trendoff.views.SpeedRow;
import dev.trendoff.views.SpeedViewWrites;
import dev.trendoff.views.ViewPointer;
import dev.trendoff.views.ViewStore;
import dev.trendoff.views.TableCounts;
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
 * scans the batch and speed tables for the two users, on the same data in the same run; with
 * {@code --rank} another rank (distinctive: the rates and z of every word) timed beside the shared
 * ranking on the same pairs.
 *
 * <p>Set-up: synthetic users (deterministic per user) written straight into a separate keyspace with the
 * driver, per the schema contract (batch view + totals of one published version, speed rows on both
 * sides of its cut); reused by later runs with the same parameters. Every timed answer is checked against
 * a recount of the user's generated tweets.
 */
@Command(name = "serving", mixinStandardHelpOptions = true,
    description = "compare-users latency (p50/p99/max over random pairs) vs a Spark scan per query, same data; "
        + "--rank distinctive times that rank beside the shared one.")
public final class ServingBench implements Callable<Integer> {

  private static final long VERSION = 1L;
  /** Every speed row of phase 2 has an offset at or above this; phases 0 and 1 below. */
  private static final long CUT = 2_000_000_000L;
  private static final int PARTITIONS = 4;
  private static final String MARKER = "bench-serving-data-set";
  /** Raised when what the set-up writes changes (2: with the version's corpus; 3: the batch view as one row per user and word), so that older data sets are rewritten. */
  private static final int LAYOUT = 3;

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
  @Option(names = "--rank", defaultValue = "shared", paramLabel = "shared|total|alternate|distinctive",
      description = "also time this rank, beside the shared ranking (the baseline) on the same pairs in the same run") String rankName;
  @Option(names = "--prior", defaultValue = "pooled", paramLabel = "pooled|corpus",
      description = "the prior of the timed rank") String priorName;
  @Option(names = "--rebuild", description = "rewrite the data even when the keyspace already holds it") boolean rebuild;
  @Option(names = "--setup", defaultValue = "recompute", paramLabel = "recompute|direct",
      description = "how the batch view is built: the real batch recompute (Spark) over a master table of the tweets "
          + "(default), or written directly with the driver (faster)") String setup;

  /** The data set of a run: the settings pointing at its keyspace and the generated users. */
  record DataSet(Settings settings, SyntheticUsers data, int users, long[] totals) {}

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
    long[] totals = totals(data);
    try (CqlSession session = CassandraSessions.open(c)) {
      System.out.printf("data: %,d users, %,d tweets, %,d tokens (seed %d, vocabulary %,d, Zipf)%n",
          users, totals[0], totals[1], seed, vocabularySize);
      ViewStore store = new ViewStore(session, keyspace, 1);
      if (rebuild || !alreadyWritten(store, totals)) {
        refuseForeignData(session, store);
        write(session, settings, data, totals);
      } else {
        System.out.println("set-up: keyspace " + keyspace + " already holds this data set (--rebuild rewrites it)");
      }
      waitForCompactions(session);
    }
    return new DataSet(settings, data, users, totals);
  }

  @Mixin JsonOption json = new JsonOption();

  @Override
  public Integer call() throws Exception {
    return json.run(this::measure);
  }

  private Integer measure() throws Exception {
    Method asked = CompareRequest.parse(List.of("a", "b"), rankName, null, priorName, null).method();
    DataSet set = dataSet();
    Settings settings = set.settings();
    SyntheticUsers data = set.data();
    try (CqlSession session = CassandraSessions.open(settings.cassandra())) {
      ServingReader reader = new ServingReader(session, keyspace);
      Method shared = Method.of(Rank.SHARED);
      boolean beside = !asked.equals(shared);
      Random r = new Random(seed + 7);
      for (int i = 0; i < warmup; i++) {
        int[] p = pair(r);
        query(reader, p, shared);
        if (beside) {
          query(reader, p, asked);
        }
      }
      long[] nanos = new long[pairs];
      long[] askedNanos = new long[pairs];
      List<int[]> pairsAsked = new ArrayList<>();
      List<ViewsRead> answers = new ArrayList<>();
      for (int i = 0; i < pairs; i++) {
        int[] p = pair(r);
        // the two ranks of the same pair one after the other, taking turns at going first
        if (beside && i % 2 == 1) {
          askedNanos[i] = timed(() -> query(reader, p, asked));
        }
        long t0 = System.nanoTime();
        answers.add(query(reader, p, shared).read());
        nanos[i] = System.nanoTime() - t0;
        if (beside && i % 2 == 0) {
          askedNanos[i] = timed(() -> query(reader, p, asked));
        }
        pairsAsked.add(p);
      }
      int wrong = 0;
      for (int i = 0; i < pairs; i++) {
        for (int k = 0; k < 2; k++) {
          if (!expected(data, pairsAsked.get(i)[k]).equals(summary(answers.get(i).users().get(k)))) {
            wrong++;
          }
        }
      }
      double[] sharedMs = percentiles(nanos);
      double p50 = sharedMs[0];
      double p99 = sharedMs[1];
      System.out.printf("serving (driver, in-process, after %d warm-up queries): %d pairs, p50 %.2f ms, p99 %.2f ms, max %.2f ms; "
          + "answers checked against a recount: %d wrong (machine load average %.1f on %d cores)%n", warmup, pairs, p50, p99, sharedMs[2],
          wrong, java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
          Runtime.getRuntime().availableProcessors());
      if (beside) {
        double[] a = percentiles(askedNanos);
        System.out.printf("  %-36s p50 %6.2f ms   p99 %6.2f ms   max %6.2f ms%n", "--rank shared (baseline)", p50, p99, sharedMs[2]);
        System.out.printf("  %-36s p50 %6.2f ms   p99 %6.2f ms   max %6.2f ms%n",
            "--rank " + asked.rank().cliName() + " --prior " + asked.prior().cliName(), a[0], a[1], a[2]);
        System.out.printf("  same pairs, same run: p99 %.2fx the shared ranking's; target p99 <= 20 ms: %s, <= 1.5x shared: %s%n",
            a[1] / p99, a[1] <= 20 ? "met" : "MISSED", a[1] <= 1.5 * p99 ? "met" : "MISSED");
      }

      double[] latency = {p50, p99, sharedMs[2]};
      if (scanPairs <= 0) {
        System.out.println("trendOff scan: skipped (--scan-pairs 0)");
        json.print(report(users, set.totals(), pairs, latency, wrong, null));
        return wrong == 0 ? 0 : 1;
      }
      double[] scan = scanBaseline(settings, data, r, reader.currentView());
      double scanMin = Arrays.stream(scan).min().orElse(Double.NaN);
      double scanMean = Arrays.stream(scan).average().orElse(Double.NaN);
      System.out.printf("trendOff scan (Spark %s, a job per query scanning %s + %s): %d pairs, mean %.0f ms, min %.0f ms%n",
          settings.spark().master(), ViewTables.BATCH_VIEW, ViewTables.SPEED_VIEW, scan.length, scanMean, scanMin);
      System.out.printf("speed-up: %.0fx (scan mean / serving p50), %.0fx (scan min / serving p99); target p99 <= 20 ms: %s, >= 100x: %s%n",
          scanMean / p50, scanMin / p99, p99 <= 20 ? "met" : "MISSED", scanMin / p99 >= 100 ? "met" : "MISSED");
      json.print(report(users, set.totals(), pairs, latency, wrong, scan));
      if (wrong > 0) {
        throw new UserError(wrong + " serving answers differ from the recount");
      }
    }
    return 0;
  }

  /**
   * {@code bench serving --json}: the fields of docs/json.md 'bench serving': the data, the serving latency
   * (ms), answers that differ from the recount, and the Spark-scan baseline with the speed-ups (null when
   * {@code --scan-pairs 0}). {@code totals} is {tweets, tokens}; {@code latency} {p50, p99, max}.
   */
  public static Map<String, Object> report(int users, long[] totals, int pairs, double[] latency, int wrong,
      double[] scanMillis) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("bench", "serving");
    m.put("users", users);
    m.put("tweets", totals[0]);
    m.put("tokens", totals[1]);
    Map<String, Object> serving = new LinkedHashMap<>();
    serving.put("pairs", pairs);
    serving.put("p50", round2(latency[0]));
    serving.put("p99", round2(latency[1]));
    serving.put("max", round2(latency[2]));
    m.put("servingMillis", serving);
    m.put("wrongAnswers", wrong);
    m.put("p99Target", 20);
    m.put("p99Met", latency[1] <= 20);
    if (scanMillis == null) {
      m.put("baselineMillis", null);
      m.put("speedUp", null);
      return m;
    }
    double min = Arrays.stream(scanMillis).min().orElse(Double.NaN);
    double mean = Arrays.stream(scanMillis).average().orElse(Double.NaN);
    Map<String, Object> scan = new LinkedHashMap<>();
    scan.put("pairs", scanMillis.length);
    scan.put("mean", Math.round(mean));
    scan.put("min", Math.round(min));
    m.put("baselineMillis", scan);
    Map<String, Object> speedUp = new LinkedHashMap<>();
    speedUp.put("meanOverP50", Math.round(mean / latency[0]));
    speedUp.put("minOverP99", Math.round(min / latency[1]));
    speedUp.put("target", 100);
    speedUp.put("met", min / latency[1] >= 100);
    m.put("speedUp", speedUp);
    return m;
  }

  private static double round2(double x) {
    return Math.round(x * 100) / 100.0;

  }

  /** One compare-users answer for a pair (read with the corpus when the method needs it), top 20. */
  private static Comparison query(ServingReader reader, int[] p, Method method) {
    ViewsRead read = reader.read(List.of(SyntheticUsers.key(p[0]), SyntheticUsers.key(p[1])), method.prior() == Prior.CORPUS);
    return Comparison.of(read, method, 20);
  }

  private static long timed(Runnable r) {
    long t0 = System.nanoTime();
    r.run();
    return System.nanoTime() - t0;
  }

  /** p50, p99 and max in milliseconds. */
  private static double[] percentiles(long[] nanos) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return new double[] {ms(sorted[n / 2]), ms(sorted[(int) Math.ceil(n * 0.99) - 1]), ms(sorted[n - 1])};
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
    return java.util.Objects.hash(seed, users, tweets, vocabularySize, totals[0], totals[1], setup, LAYOUT);
  }

  private boolean alreadyWritten(ViewStore store, long[] totals) {
    return store.current().exists() && store.marker(MARKER).orElse(-1L) == dataSetId(totals);
  }

  /**
   * The set-up empties the keyspace's tables: it refuses a keyspace that holds rows it did not write
   * (no marker row of this benchmark), such as the one the layers write to.
   */
  private void refuseForeignData(CqlSession s, ViewStore store) {
    if (store.marker(MARKER).isPresent()) {
      return;
    }
    List<String> tables = TableCounts.nonEmpty(s, keyspace);
    if (!tables.isEmpty()) {
      throw new UserError("keyspace " + keyspace + " holds data bench serving did not write (rows in "
          + String.join(", ", tables) + "); its set-up empties the tables it uses, so it only runs on an empty keyspace"
          + " or one it wrote: choose another with --keyspace (default trendoff_bench)");
    }
  }

  private void write(CqlSession s, Settings settings, SyntheticUsers data, long[] totals) throws Exception {
    Settings.Cassandra c = settings.cassandra();
    ViewStore store = new ViewStore(s, keyspace, 64);
    store.truncateAll();
    store.setMarker(MARKER, -1L); // from now on the keyspace is this benchmark's, even if the set-up is killed
    MasterTable.truncate(s, keyspace);
    boolean direct = setup.equals("direct");
    int wordsPerChunk = BatchSettings.from(settings).recompute().wordsPerChunk();
    BatchViewWrites view = new BatchViewWrites(s, keyspace, c.writeConsistency(), BatchViewWrites.batchesInFlight(64));
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
    Map<String, Long> corpus = new HashMap<>();
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
        batchWords.forEach((w, n) -> corpus.merge(w, (long) n, Long::sum));
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
      new CorpusWrites(s, keyspace, c.writeConsistency(), wordsPerChunk, 64).write(VERSION, corpus.entrySet().iterator());
      store.begin(VERSION, cut);
      if (!store.flip(ViewPointer.NONE, VERSION, cut).published()) {
        throw new UserError("bench set-up: keyspace " + keyspace + " got a pointer while the set-up wrote it");
      }
      store.finish(VERSION, ViewStore.PUBLISHED, totals[0], users, totals[1], Map.of());
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
    long base = view.base();
    // each key's row of the latest version at or below the published one (docs/lambda.md 'The batch view')
    Map<String, Long> out = new HashMap<>(javaFunctions(jsc).cassandraTable(keyspace, ViewTables.BATCH_VIEW)
        .select("base", "kind", "user_key", "word", "version", "count", "tweets")
        .filter(row -> (a.equals(row.getString("user_key")) || b.equals(row.getString("user_key")))
            && row.getLong("base") == base && row.getLong("version") <= version)
        .mapToPair(row -> {
          String u = row.getString("user_key");
          boolean totals = row.getInt("kind") == 0;
          return new Tuple2<>(u + "\t" + (totals ? "#tweets" : row.getString("word")),
              new long[] {row.getLong("version"), totals ? row.getLong("tweets") : row.getLong("count")});
        })
        .reduceByKey((x, y) -> x[0] >= y[0] ? x : y)
        .mapValues(v -> v[1])
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
