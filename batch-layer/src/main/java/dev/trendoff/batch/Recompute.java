package dev.trendoff.batch;

import static com.datastax.spark.connector.japi.CassandraJavaUtil.javaFunctions;

import java.time.Duration;
import java.util.Iterator;
import java.util.Map;

import org.apache.spark.HashPartitioner;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.VoidFunction;
import org.apache.spark.storage.StorageLevel;
import org.apache.spark.util.LongAccumulator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.datastax.oss.driver.api.core.ConsistencyLevel;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.spark.connector.cql.CassandraConnector;

import dev.trendoff.core.CassandraSessions;
import dev.trendoff.core.KafkaOffsets;
import dev.trendoff.core.Settings;
import dev.trendoff.core.Tables;
import dev.trendoff.core.UserError;
import dev.trendoff.spark.SparkConfs;
import dev.trendoff.views.BatchViewWrites;
import dev.trendoff.views.CorpusWrites;
import dev.trendoff.views.Cut;
import dev.trendoff.views.RecomputeLease;
import dev.trendoff.views.ViewPointer;
import dev.trendoff.views.ViewStore;
import scala.Tuple2;

/**
 * {@code ./trendoff batch-layer recompute}: the batch view from scratch. Reads the cut (the committed
 * offsets of the batch group) first, scans the master table's four needed columns, counts per user
 * with the core tokenizer, writes the counts as a new version beside the current one (with the
 * version's corpus: all users' counts per word), flips the
 * pointer with a lightweight transaction and cleans up (docs/lambda.md 'Publishing a version').
 */
public final class Recompute implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Recompute.class);
  public static final String APP_NAME = "trendoff-batch-recompute";

  private final Settings settings;
  private final BatchSettings batch;
  private final JavaSparkContext sc;
  private final CqlSession session;

  public Recompute(Settings settings) {
    this.settings = settings;
    this.batch = BatchSettings.from(settings);
    this.session = CassandraSessions.open(settings.cassandra());
    SparkConf conf = SparkConfs.forJob(settings, APP_NAME)
        .setIfMissing("spark.cassandra.input.split.sizeInMB", String.valueOf(batch.recompute().splitSizeMb()));
    this.sc = new JavaSparkContext(conf);
  }

  public JavaSparkContext sparkContext() {
    return sc;
  }

  /** One recompute. Throws a {@link UserError} when another run holds the lease. */
  public RecomputeSummary runOnce() throws InterruptedException {
    long started = System.nanoTime();
    String ks = settings.cassandra().keyspace();
    BatchSettings.Recompute own = batch.recompute();
    ViewStore store = new ViewStore(session, ks, own.cleanupConcurrency());
    ViewPointer current = store.current();
    Cut cut;
    try (KafkaOffsets offsets = new KafkaOffsets(settings.kafka())) {
      cut = Cut.of(offsets.committed(settings.kafka().batchGroup()));
    }
    cut = cut.atLeast(current.cut());
    long version = current.nextVersion(System.currentTimeMillis());
    var lease = RecomputeLease.tryAcquire(session, ks, version, own.leaseTtl());
    if (lease.isEmpty()) {
      throw new UserError("another recompute (run " + RecomputeLease.holder(session, ks).map(String::valueOf).orElse("?")
          + ") holds the lease; not started (a killed run's lease expires within "
          + own.leaseTtl().toSeconds() + " s)");
    }
    try (RecomputeLease held = lease.get()) {
      store.begin(version, cut);
      LOG.info("recompute: version {} building, cut {}, previous {}", version, cut,
          current.exists() ? String.valueOf(current.version()) : "(none)");

      LongAccumulator skipped = sc.sc().longAccumulator("above the cut");
      Cut c = cut;
      JavaPairRDD<String, UserCounts> counted = javaFunctions(sc)
          .cassandraTable(ks, Tables.TWEETS)
          .select("user_key", "text", "kafka_partition", "kafka_offset")
          .mapPartitionsToPair(rows -> MasterScan.countPartition(rows, c, skipped));
      // each task already counted its users once, so no map-side combine (with 100k users, Spark's
      // combine and its size sampling of 400k small maps cost 5 s of 20 and saved nothing)
      JavaPairRDD<String, UserCounts> perUser = counted
          .combineByKey(u -> u, UserCounts::merge, UserCounts::merge, new HashPartitioner(counted.getNumPartitions()), false, null)
          .persist(StorageLevel.MEMORY_AND_DISK());
      try {
        long t = System.nanoTime();
        perUser.foreachPartition(new WriteVersion(CassandraConnector.apply(sc.getConf()), ks,
            settings.cassandra().writeConsistency(), own.wordsPerChunk(), batch.writeConcurrency(), version));
        LOG.info("recompute: version {}: master table scanned and counted, view written in {} s", version, secs(t));
        t = System.nanoTime();
        long[] figures = perUser.map(u -> new long[] {1, u._2().tweets(), u._2().tokens()})
            .fold(new long[3], (a, b) -> new long[] {a[0] + b[0], a[1] + b[1], a[2] + b[2]});
        LOG.info("recompute: version {}: figures in {} s", version, secs(t));
        t = System.nanoTime();
        long words = writeCorpus(perUser, version, own.wordsPerChunk());
        LOG.info("recompute: version {}: corpus of {} words written in {} s", version, words, secs(t));
        long users = figures[0];
        long tweets = figures[1];

        pauseBeforeFlip(version, own.pauseBeforeFlip());
        boolean published = store.flip(current, version, cut);
        long speedDeleted = 0;
        if (published) {
          LOG.info("recompute: version {} published; removing older versions and absorbed speed rows", version);
          store.deleteVersionsBelow(version);
          speedDeleted = store.deleteAbsorbedSpeedRows(cut);
          store.finish(version, ViewStore.PUBLISHED, tweets, users, words);
        } else {
          LOG.warn("recompute: version {} lost the flip to another recompute; deleting its rows", version);
          store.finish(version, ViewStore.SUPERSEDED, tweets, users, words);
          store.deleteVersion(version);
        }
        return new RecomputeSummary(version, cut, published, tweets, skipped.value(), users, words, figures[2],
            speedDeleted, (System.nanoTime() - started) / 1e9);
      } finally {
        perUser.unpersist(false);
      }
    }
  }

  /**
   * The version's corpus (every word's count over all users, for {@code compare-users --prior corpus}),
   * summed by Spark and streamed to the driver a partition at a time, written in chunks beside the
   * version's rows. Returns the number of distinct words.
   */
  private long writeCorpus(JavaPairRDD<String, UserCounts> perUser, long version, int wordsPerChunk)
      throws InterruptedException {
    JavaPairRDD<String, Long> corpus = perUser
        .flatMapToPair(u -> u._2().words().entrySet().stream()
            .map(e -> new Tuple2<>(e.getKey(), (long) e.getValue())).iterator())
        .reduceByKey(Long::sum);
    Iterator<Tuple2<String, Long>> words = corpus.toLocalIterator();
    return new CorpusWrites(session, settings.cassandra().keyspace(), settings.cassandra().writeConsistency(), wordsPerChunk,
        batch.writeConcurrency()).write(version, new Iterator<Map.Entry<String, Long>>() {
          @Override
          public boolean hasNext() {
            return words.hasNext();
          }

          @Override
          public Map.Entry<String, Long> next() {
            Tuple2<String, Long> w = words.next();
            return Map.entry(w._1(), w._2());
          }
        });
  }

  /**
   * One Spark partition of per-user counts written as the users' rows of {@code version}, through the
   * executor's pooled connector session. A static record: a lambda here would capture the job.
   */
  private record WriteVersion(CassandraConnector connector, String keyspace, ConsistencyLevel consistency,
      int wordsPerChunk, int concurrency, long version) implements VoidFunction<Iterator<Tuple2<String, UserCounts>>> {

    @Override
    public void call(Iterator<Tuple2<String, UserCounts>> users) throws InterruptedException {
      if (!users.hasNext()) {
        return;
      }
      try (CqlSession s = connector.openSession()) {
        BatchViewWrites writes = new BatchViewWrites(s, keyspace, consistency, wordsPerChunk, concurrency);
        while (users.hasNext()) {
          Tuple2<String, UserCounts> u = users.next();
          writes.write(u._1(), version, u._2().tweets(), u._2().tokens(), u._2().words());
        }
        writes.await();
      }
    }
  }

  /** A testing aid: {@code pause-before-flip} holds a written, unpublished version (to kill it there). */
  private static void pauseBeforeFlip(long version, Duration pause) throws InterruptedException {
    if (!pause.isZero()) {
      LOG.info("recompute: version {} written, pausing {} ms before the flip", version, pause.toMillis());
      Thread.sleep(pause.toMillis());
    }
  }

  private static String secs(long startNanos) {
    return String.format(java.util.Locale.ROOT, "%.1f", (System.nanoTime() - startNanos) / 1e9);
  }

  @Override
  public void close() {
    try {
      sc.stop();
    } finally {
      session.close();
    }
  }
}
