package dev.trendoff.batch;

import static com.datastax.spark.connector.japi.CassandraJavaUtil.javaFunctions;
import static com.datastax.spark.connector.japi.CassandraJavaUtil.mapToRow;

import java.time.Duration;
import java.util.Optional;

import org.apache.spark.HashPartitioner;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.storage.StorageLevel;
import org.apache.spark.util.LongAccumulator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.datastax.oss.driver.api.core.CqlSession;
import com.typesafe.config.Config;

import dev.trendoff.core.CassandraSessions;
import dev.trendoff.core.KafkaOffsets;
import dev.trendoff.core.Settings;
import dev.trendoff.core.Tables;
import dev.trendoff.core.UserError;
import dev.trendoff.spark.SparkConfs;

/**
 * {@code ./trendoff batch-layer recompute}: the batch view from scratch. Reads the cut (the committed
 * offsets of the batch group) first, scans the master table's four needed columns, counts per user
 * with the core tokenizer, writes the counts as a new version beside the current one, flips the
 * pointer with a lightweight transaction and cleans up (docs/lambda.md 'Publishing a version').
 */
public final class Recompute implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Recompute.class);
  public static final String APP_NAME = "trendoff-batch-recompute";

  private final Settings settings;
  private final Config section;
  private final JavaSparkContext sc;
  private final CqlSession session;
  private final int wordsPerChunk;

  public Recompute(Settings settings) {
    this.settings = settings;
    this.section = settings.config().getConfig("trendoff.batch.recompute");
    this.wordsPerChunk = section.getInt("words-per-chunk");
    if (wordsPerChunk < 1) {
      throw new UserError("trendoff.batch.recompute.words-per-chunk must be at least 1, got " + wordsPerChunk);
    }
    this.session = CassandraSessions.open(settings.cassandra());
    SparkConf conf = SparkConfs.forJob(settings, APP_NAME)
        .setIfMissing("spark.cassandra.input.split.sizeInMB", String.valueOf(section.getInt("split-size-mb")));
    this.sc = new JavaSparkContext(conf);
  }

  public JavaSparkContext sparkContext() {
    return sc;
  }

  /** One recompute. Throws a {@link UserError} when another run holds the lease. */
  public RecomputeSummary runOnce() throws InterruptedException {
    long started = System.nanoTime();
    ViewStore store = new ViewStore(session, section.getInt("cleanup-concurrency"));
    Optional<ViewStore.Published> current = store.current();
    Cut cut;
    try (KafkaOffsets offsets = new KafkaOffsets(settings.kafka())) {
      cut = Cut.of(offsets.committed(settings.kafka().batchGroup()));
    }
    cut = cut.atLeast(current.map(ViewStore.Published::cut).orElse(null));
    long version = ViewStore.nextVersion(current, System.currentTimeMillis());
    Optional<RecomputeLease> lease = RecomputeLease.tryAcquire(session, version,
        section.getDuration("lease-ttl"));
    if (lease.isEmpty()) {
      throw new UserError("another recompute (run " + RecomputeLease.holder(session).map(String::valueOf).orElse("?")
          + ") holds the lease; not started (a killed run's lease expires within "
          + section.getDuration("lease-ttl").toSeconds() + " s)");
    }
    try (RecomputeLease held = lease.get()) {
      store.begin(version, cut);
      LOG.info("recompute: version {} building, cut {}, previous {}", version, cut,
          current.map(p -> String.valueOf(p.version())).orElse("(none)"));

      String ks = settings.cassandra().keyspace();
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
        long v = version;
        int perChunk = wordsPerChunk; // a local, so that the closure does not capture this
        long t = System.nanoTime();
        javaFunctions(perUser.flatMap(u -> MasterScan.chunkRows(u._1(), v, u._2(), perChunk).iterator()))
            .writerBuilder(ks, Tables.BATCH_VIEW, mapToRow(ViewChunkRow.class))
            .withParallelismLevel(MasterTable.concurrentWrites(settings)).saveToCassandra();
        LOG.info("recompute: version {}: master table scanned and counted, view written in {} s", version, secs(t));
        t = System.nanoTime();
        long[] figures = perUser.map(u -> new long[] {1, u._2().tweets(), u._2().tokens()})
            .fold(new long[3], (a, b) -> new long[] {a[0] + b[0], a[1] + b[1], a[2] + b[2]});
        long words = perUser.flatMap(u -> u._2().words().keySet().iterator()).distinct().count();
        LOG.info("recompute: version {}: figures in {} s", version, secs(t));
        long users = figures[0];
        long tweets = figures[1];

        pauseBeforeFlip(version);
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

  /** A testing aid: {@code pause-before-flip} holds a written, unpublished version (to kill it there). */
  private void pauseBeforeFlip(long version) throws InterruptedException {
    Duration pause = section.getDuration("pause-before-flip");
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
