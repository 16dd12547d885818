package dev.trendoff.batch;

import static com.datastax.spark.connector.japi.CassandraJavaUtil.javaFunctions;

import java.time.Duration;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

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
import dev.trendoff.spark.MaxAccumulator;
import dev.trendoff.spark.ReasonCounts;
import dev.trendoff.spark.SparkConfs;
import dev.trendoff.views.BatchViewWords;
import dev.trendoff.views.BatchViewWrites;
import dev.trendoff.views.CorpusWrites;
import dev.trendoff.views.Cut;
import dev.trendoff.views.RecomputeLease;
import dev.trendoff.views.TopicChangedException;
import dev.trendoff.views.TweetCopies;
import dev.trendoff.views.ViewPointer;
import dev.trendoff.views.ViewRow;
import dev.trendoff.views.ViewStore;
import scala.Tuple2;

/**
 * {@code ./trendoff batch-layer recompute}: a new batch view version, published with one pointer
 * flip (docs/lambda.md 'Publishing a version'). Reads the cut (the committed offsets of the batch
 * group, and the load-csv runs that finished) first. An incremental run (the default) adds to the
 * published version what came in since its cut: the tweets of Kafka between the two cuts and of the
 * new loads, each tweet id once and not those the published version counts, regrouped for the users
 * they touch (the others keep their rows; {@link IncrementalRecompute}, docs/lambda.md 'Incremental
 * recomputes'). A full run scans the master table's needed columns, counts per user with the core
 * tokenizer (Spark), and writes every user. Both write the version beside the current one with its
 * corpus (all users' counts per word: the published corpus plus the new counts, or summed by Spark),
 * flip the pointer with a lightweight transaction and clean up.
 */
public final class Recompute implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Recompute.class);
  public static final String APP_NAME = "trendoff-batch-recompute";

  /** Which kind of run is asked for. */
  public enum Kind { INCREMENTAL, FULL }

  private final Settings settings;
  private final BatchSettings batch;
  private final CqlSession session;
  private JavaSparkContext sc;

  public Recompute(Settings settings) {
    this.settings = settings;
    this.batch = BatchSettings.from(settings);
    this.session = CassandraSessions.open(settings.cassandra());
  }

  /** The Spark context of the full runs, started on first use. */
  public synchronized JavaSparkContext sparkContext() {
    if (sc == null) {
      SparkConf conf = SparkConfs.forJob(settings, APP_NAME)
          .setIfMissing("spark.cassandra.input.split.sizeInMB", String.valueOf(batch.recompute().splitSizeMb()));
      sc = new JavaSparkContext(conf);
    }
    return sc;
  }

  /** One incremental recompute. Throws a {@link UserError} when another run holds the lease. */
  public RecomputeSummary runOnce() throws InterruptedException {
    return runOnce(Kind.INCREMENTAL, false);
  }

  /** One recompute of the topic as it is now ({@code adoptTopic}: one full run, see {@link #runOnce(Kind, boolean)}). */
  public RecomputeSummary runOnce(boolean adoptTopic) throws InterruptedException {
    return runOnce(adoptTopic ? Kind.FULL : Kind.INCREMENTAL, adoptTopic);
  }

  /** What an incremental or full run built: its kind, why a full one ran instead, the figures of its summary line. */
  private record Built(Kind kind, String fallback, long tweets, long notCovered, long alreadyCounted,
      Map<String, Long> unusable, long users, long words, long tokens, java.util.OptionalLong maxTweetId) {}

  /**
   * One recompute of {@code kind} (an incremental one becomes full, and says why, when there is no
   * version yet, the topic was adopted, Kafka no longer holds what came in, or too much came in).
   * Throws a {@link UserError} when another run holds the lease, or when the Kafka topic is not the one
   * the published cut was taken on (deleted and created again, or Kafka's data lost) unless
   * {@code adoptTopic}: then the new version's cut is of the topic as it is now, and the published
   * cut's topic is retired (all its master rows counted, its speed rows absorbed; docs/lambda.md 'A
   * recreated topic').
   */
  public RecomputeSummary runOnce(Kind kind, boolean adoptTopic) throws InterruptedException {
    long started = System.nanoTime();
    String ks = settings.cassandra().keyspace();
    BatchSettings.Recompute own = batch.recompute();
    ViewStore store = new ViewStore(session, ks, own.cleanupConcurrency(),
        own.flipTimeout().isZero() ? null : own.flipTimeout(), own.flipSettle());
    // serial: a flip a killed run left in progress is settled before anything is repaired
    ViewPointer current = store.currentSerial();
    MasterLoads loads = new MasterLoads(session, ks);
    Cut cut;
    boolean adopted = false;
    try (KafkaOffsets offsets = new KafkaOffsets(settings.kafka())) {
      KafkaOffsets.TopicState topic = offsets.describe();
      Map<Integer, Long> committed = offsets.committedFor(settings.kafka().batchGroup(), topic);
      String published = current.topicId();
      if (published != null && !published.equals(topic.topicId())) {
        if (!adoptTopic) {
          throw new UserError(TopicChangedException.message(published, topic.topicId()));
        }
        Set<String> retired = new TreeSet<>(current.cut().retired());
        retired.add(published);
        cut = Cut.of(topic.topicId(), retired, current.cut().loads(), committed);
        adopted = true;
        LOG.warn("recompute: adopting topic id {} (the published cut's, {}, is retired: all its master rows are counted)",
            topic.topicId(), published);
      } else {
        cut = Cut.of(topic.topicId(), current.cut().retired(), committed).atLeast(current.cut());
      }
    }
    cut = cut.withLoads(loads.loaded());
    long version = current.nextVersion(System.currentTimeMillis());
    var lease = RecomputeLease.tryAcquire(session, ks, version, own.leaseTtl());
    if (lease.isEmpty()) {
      throw new UserError("another recompute (run " + RecomputeLease.holder(session, ks).map(String::valueOf).orElse("?")
          + ") holds the lease; not started (a killed run's lease expires within "
          + own.leaseTtl().toSeconds() + " s)");
    }
    try (RecomputeLease held = lease.get()) {
      store.settlePublished(current);
      List<Long> repaired = store.repairKilledRuns(current);
      if (!repaired.isEmpty()) {
        LOG.warn("recompute: removed the rows of runs that were killed or withdrawn: versions {}", repaired);
      }
      Built built = null;
      IncrementalRecompute.Delta delta = null;
      Map<String, Long> corpus = null;
      String fallback = adopted ? "the topic was adopted" : null;
      IncrementalRecompute incremental = new IncrementalRecompute(settings, session, batch.writeConcurrency(),
          own.incrementalMaxTweets());
      if (kind == Kind.INCREMENTAL && !adopted) {
        try {
          delta = incremental.delta(current, cut);
          corpus = store.writtenCorpus(current.version()).orElseThrow(() -> new IncrementalRecompute.NeedsFull(
              "the published version has no corpus (it was written before corpora were)"));
          if (store.base(current.version()).isEmpty()) {
            throw new IncrementalRecompute.NeedsFull("the published version was written before the batch view had bases"
                + " (its rows are in batch_view_chunks)");
          }
        } catch (IncrementalRecompute.NeedsFull e) {
          fallback = e.getMessage();
          LOG.info("recompute: a full run instead of an incremental one: {}", fallback);
        }
      }
      Kind ran = delta != null ? Kind.INCREMENTAL : Kind.FULL;
      long base = ran == Kind.INCREMENTAL ? current.base() : version;
      store.begin(version, cut, ran == Kind.INCREMENTAL ? ViewStore.INCREMENTAL : ViewStore.FULL, base);
      LOG.info("recompute: version {} ({}) building, cut {} of topic id {}, loads {}, previous {}", version,
          ran.name().toLowerCase(Locale.ROOT), cut, cut.topicId(), cut.loads(),
          current.exists() ? String.valueOf(current.version()) : "(none)");
      if (ran == Kind.INCREMENTAL) {
        built = incremental(incremental, store, delta, corpus, current, version);
      } else {
        built = full(cut, version, kind == Kind.INCREMENTAL ? fallback : null);
      }
      if (built.maxTweetId().isPresent()) {
        store.recordMaxTweetId(version, built.maxTweetId().getAsLong());
      }

      pauseBeforeFlip(version, own.pauseBeforeFlip());
      ViewStore.Flip flip;
      if (!held.stillHeld()) {
        LOG.warn("recompute: version {}: the lease was lost while it ran (another run may be repairing); not flipping", version);
        flip = new ViewStore.Flip(ViewStore.FlipOutcome.LOST, false, null);
      } else {
        flip = store.flip(current, version, cut, base);
      }
      long speedDeleted = 0;
      switch (flip.outcome()) {
        case PUBLISHED -> {
          LOG.info("recompute: version {} published{}; removing older versions and absorbed speed rows", version,
              flip.timedOut() ? " (the flip got no answer; a serial read found it published)" : "");
          if (built.kind() == Kind.INCREMENTAL) {
            store.afterIncrementalFlip(version);
          } else {
            store.deleteVersionsBelow(version);
          }
          speedDeleted = store.deleteAbsorbedSpeedRows(cut);
          Set<Long> counted = new TreeSet<>(cut.loads());
          counted.removeAll(current.cut().loads());
          loads.forget(counted);
          // status shows what the published version skips: an incremental one, its own and the published one's
          Map<String, Long> skips = new TreeMap<>(built.unusable());
          if (built.kind() == Kind.INCREMENTAL) {
            store.skipped(current.version()).forEach((reason, n) -> skips.merge(reason, n, Long::sum));
          }
          store.finish(version, ViewStore.PUBLISHED, built.tweets(), built.users(), built.words(), skips, built.users());
        }
        case LOST -> {
          if (flip.timedOut()) {
            // the proposal may still be in Cassandra's hands on a replica the serial read did not ask:
            // leave the rows, the next run (whose version is higher) removes them
            LOG.warn("recompute: version {} withdrawn: its flip got no answer and the pointer is at {}", version,
                flip.pointer().exists() ? flip.pointer().version() : "(none)");
            store.finish(version, ViewStore.WITHDRAWN, built.tweets(), built.users(), built.words(), built.unusable(),
                built.users());
          } else {
            LOG.warn("recompute: version {} lost the flip to another recompute; deleting its rows", version);
            store.finish(version, ViewStore.SUPERSEDED, built.tweets(), built.users(), built.words(), built.unusable(),
                built.users());
            store.deleteRun(version, built.kind() == Kind.INCREMENTAL);
          }
        }
        case UNKNOWN -> LOG.error("recompute: version {}: the flip got no answer, nor did a serial read of the pointer;"
            + " whether it was published is unknown (the next run settles it)", version);
      }
      return new RecomputeSummary(version, built.kind() == Kind.INCREMENTAL, built.fallback(), cut, flip, adopted,
          built.tweets(), built.notCovered(), built.alreadyCounted(), built.unusable(), built.users(), built.words(),
          built.tokens(), speedDeleted, (System.nanoTime() - started) / 1e9);
    }
  }

  /**
   * The incremental run: what came in since {@code current} ({@code delta}), each tweet id once and
   * not those {@code current} counts, added to the touched users' counts in {@code current}; their
   * names recorded before their rows are written (what repairs the run if it is killed).
   */
  private Built incremental(IncrementalRecompute incremental, ViewStore store, IncrementalRecompute.Delta delta,
      Map<String, Long> publishedCorpus, ViewPointer current, long version) throws InterruptedException {
    long t = System.nanoTime();
    // no tweet id above the highest one the published cut covers can be counted by it: only the copies
    // of the others are read (docs/lambda.md 'Copies of a tweet'; unknown for a version written before
    // it was recorded: then all are read)
    java.util.OptionalLong publishedMax = store.maxTweetId(current.version());
    long readBelow = publishedMax.orElse(Long.MAX_VALUE);
    Set<Long> ids = new HashSet<>();
    long deltaMax = Long.MIN_VALUE;
    for (Regroup.DeltaTweet d : delta.tweets()) {
      deltaMax = Math.max(deltaMax, d.tweetId());
      if (d.tweetId() <= readBelow) {
        ids.add(d.tweetId());
      }
    }
    Map<Long, TweetCopies> copies = incremental.copies(ids);
    Cut before = current.cut();
    Regroup.Added added = Regroup.added(delta.tweets(),
        id -> id <= readBelow && copies.getOrDefault(id, TweetCopies.none(id)).countedBy(before));
    LOG.info("recompute: version {}: copies of {} of the {} tweets read (those at or below the published version's highest id {}) in {} s",
        version, ids.size(), delta.tweets().size(), publishedMax.isPresent() ? String.valueOf(readBelow) : "(not recorded)", secs(t));
    long step = System.nanoTime();
    List<ViewRow.Key> keys = Regroup.keys(added.byUser());
    List<ViewRow> stored = incremental.stored(keys, current.base());
    Map<ViewRow.Key, ViewRow> published = BatchViewWords.latest(stored, current.version());
    List<ViewRow> changed = Regroup.changed(added.byUser(), published, version);
    // the rows below those the new ones replace: no reader needs them once this version is published
    List<ViewRow> obsolete = BatchViewWords.olderThanLatest(stored, current.version());
    LOG.info("recompute: version {}: {} published rows of {} users read ({} keys) in {} s", version, published.size(),
        added.byUser().size(), keys.size(), secs(step));
    step = System.nanoTime();
    store.recordUsers(version, added.byUser().keySet());
    LOG.info("recompute: version {}: users listed in {} s", version, secs(step));
    step = System.nanoTime();
    long rows = incremental.write(changed, obsolete, current.base());
    LOG.info("recompute: version {}: {} rows written, {} obsolete ones deleted, in {} s", version, rows, obsolete.size(),
        secs(step));
    Map<String, Long> unusable = new TreeMap<>(delta.unusable());
    added.unusable().forEach((r, n) -> unusable.merge(r, n, Long::sum));
    long tokens = 0;
    for (UserCounts c : added.byUser().values()) {
      tokens += c.tokens();
    }
    LOG.info("recompute: version {}: {} tweets came in, {} new counted for {} users, in {} s", version,
        delta.tweets().size(), added.tweets(), added.byUser().size(), secs(t));
    t = System.nanoTime();
    Map<String, Long> corpus = new TreeMap<>(publishedCorpus);
    for (UserCounts c : added.byUser().values()) {
      c.words().forEach((w, n) -> corpus.merge(w, (long) n, Long::sum));
    }
    long words = corpusWrites().write(version, corpus.entrySet().iterator());
    LOG.info("recompute: version {}: corpus of {} words written in {} s", version, words, secs(t));
    long maxBefore = publishedMax.isPresent() ? publishedMax.getAsLong() : Long.MIN_VALUE;
    return new Built(Kind.INCREMENTAL, null, added.tweets(), 0, added.alreadyCounted(), unusable,
        added.byUser().size(), words, tokens, publishedMax.isPresent() ? java.util.OptionalLong.of(Math.max(maxBefore, deltaMax))
            : java.util.OptionalLong.empty());
  }

  /** The full run: the master table scanned and counted (Spark), every user's rows written. */
  private Built full(Cut cut, long version, String fallback) throws InterruptedException {
    String ks = settings.cassandra().keyspace();
    BatchSettings.Recompute own = batch.recompute();
    JavaSparkContext spark = sparkContext();
    LongAccumulator aboveCut = spark.sc().longAccumulator("above the cut");
    ReasonCounts skipped = new ReasonCounts();
    spark.sc().register(skipped, "skipped master rows");
    MaxAccumulator maxCovered = new MaxAccumulator();
    spark.sc().register(maxCovered, "highest tweet id covered");
    Cut c = cut;
    JavaPairRDD<String, UserCounts> counted = javaFunctions(spark)
        .cassandraTable(ks, Tables.TWEETS)
        .select(MasterScan.COLUMNS)
        .mapPartitionsToPair(rows -> MasterScan.countPartition(rows, c, aboveCut, skipped, maxCovered));
    // each task already counted its users once, so no map-side combine (with 100k users, Spark's
    // combine and its size sampling of 400k small maps cost 5 s of 20 and saved nothing)
    JavaPairRDD<String, UserCounts> perUser = counted
        .combineByKey(u -> u, UserCounts::merge, UserCounts::merge, new HashPartitioner(counted.getNumPartitions()), false, null)
        .persist(StorageLevel.MEMORY_AND_DISK());
    try {
      long t = System.nanoTime();
      perUser.foreachPartition(new WriteVersion(CassandraConnector.apply(spark.getConf()), ks,
          settings.cassandra().writeConsistency(), BatchViewWrites.batchesInFlight(batch.writeConcurrency()), version));
      LOG.info("recompute: version {}: master table scanned and counted, view written in {} s", version, secs(t));
      t = System.nanoTime();
      long[] figures = perUser.map(u -> new long[] {1, u._2().tweets(), u._2().tokens()})
          .fold(new long[3], (a, b) -> new long[] {a[0] + b[0], a[1] + b[1], a[2] + b[2]});
      LOG.info("recompute: version {}: figures in {} s", version, secs(t));
      t = System.nanoTime();
      long words = writeCorpus(perUser, version);
      LOG.info("recompute: version {}: corpus of {} words written in {} s", version, words, secs(t));
      Map<String, Long> unusable = skipped.value();
      if (!unusable.isEmpty()) {
        LOG.warn("recompute: version {}: master rows skipped, unusable: {}", version, unusable);
      }
      // every user is written: the clean-up of a full run goes over every user's partition, not a list
      return new Built(Kind.FULL, fallback, figures[1], aboveCut.value(), 0, unusable, figures[0], words,
          figures[2], java.util.OptionalLong.of(maxCovered.value()));
    } finally {
      perUser.unpersist(false);
    }
  }

  /**
   * The version's corpus (every word's count over all users, for {@code compare-users --prior corpus}),
   * summed by Spark and streamed to the driver a partition at a time, written in chunks beside the
   * version's rows. Returns the number of distinct words.
   */
  private long writeCorpus(JavaPairRDD<String, UserCounts> perUser, long version) throws InterruptedException {
    JavaPairRDD<String, Long> corpus = perUser
        .flatMapToPair(u -> u._2().words().entrySet().stream()
            .map(e -> new Tuple2<>(e.getKey(), (long) e.getValue())).iterator())
        .reduceByKey(Long::sum);
    Iterator<Tuple2<String, Long>> words = corpus.toLocalIterator();
    return corpusWrites().write(version, new Iterator<Map.Entry<String, Long>>() {
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

  private CorpusWrites corpusWrites() {
    return new CorpusWrites(session, settings.cassandra().keyspace(), settings.cassandra().writeConsistency(),
        batch.recompute().wordsPerChunk(), batch.writeConcurrency());
  }

  /**
   * One Spark partition of per-user counts written as the users' rows of {@code version}, through the
   * executor's pooled connector session. A static record: a lambda here would capture the job.
   */
  private record WriteVersion(CassandraConnector connector, String keyspace, ConsistencyLevel consistency,
      int concurrency, long version) implements VoidFunction<Iterator<Tuple2<String, UserCounts>>> {

    @Override
    public void call(Iterator<Tuple2<String, UserCounts>> users) throws InterruptedException {
      if (!users.hasNext()) {
        return;
      }
      try (CqlSession s = connector.openSession()) {
        BatchViewWrites writes = new BatchViewWrites(s, keyspace, consistency, concurrency);
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
  public synchronized void close() {
    try {
      if (sc != null) {
        sc.stop();
      }
    } finally {
      session.close();
    }
  }
}
