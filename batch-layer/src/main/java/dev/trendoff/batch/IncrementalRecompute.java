package dev.trendoff.batch;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.function.Function;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import com.datastax.oss.driver.api.core.CqlSession;

import dev.trendoff.avro.Tweet;
import dev.trendoff.avro.TweetCodec;
import dev.trendoff.avro.TweetDecodeException;
import dev.trendoff.core.Settings;
import dev.trendoff.core.UserKeys;
import dev.trendoff.views.BatchViewWords;
import dev.trendoff.views.BatchViewWrites;
import dev.trendoff.views.Cut;
import dev.trendoff.views.TweetCopies;
import dev.trendoff.views.ViewPointer;
import dev.trendoff.views.ViewReads;
import dev.trendoff.views.ViewRow;

/**
 * The reads and writes of an incremental recompute (docs/lambda.md 'Incremental recomputes'), on the
 * driver, without Spark and without a scan of the master table: the tweets since the published
 * version ({@link #delta}: Kafka between the published cut and the new one, and the loads the new cut
 * covers and the published one does not), where the copies of those tweets came in, the published rows
 * of the touched users' totals and of the words the delta adds to them, and those rows in the new version. What it counts is
 * {@link Regroup}'s.
 */
final class IncrementalRecompute {

  /** Tweet ids per read of their copies. */
  private static final int COPIES_PER_READ = 50;

  /** When an incremental run cannot be done; the recompute runs a full one and says why. */
  static final class NeedsFull extends Exception {
    NeedsFull(String why) {
      super(why, null, false, false);
    }
  }

  /** The tweets since the published version, and those of them no layer could write, by reason. */
  record Delta(List<Regroup.DeltaTweet> tweets, Map<String, Long> unusable) {}

  private final Settings settings;
  private final CqlSession session;
  private final ViewReads reads;
  private final MasterLoads loads;
  private final int concurrency;
  private final long maxTweets;

  IncrementalRecompute(Settings settings, CqlSession session, int concurrency, long maxTweets) {
    this.settings = settings;
    this.session = session;
    this.reads = new ViewReads(session, settings.cassandra().keyspace());
    this.loads = new MasterLoads(session, settings.cassandra().keyspace());
    this.concurrency = concurrency;
    this.maxTweets = maxTweets;
  }

  /** The tweets that came in between {@code current}'s cut and {@code next}, or why a full run is needed. */
  Delta delta(ViewPointer current, Cut next) throws NeedsFull {
    if (!current.exists()) {
      throw new NeedsFull("no version is published yet");
    }
    Cut from = current.cut();
    if (from.topicId() != null && !from.topicId().equals(next.topicId())) {
      throw new NeedsFull("the published cut is of another topic id");
    }
    Set<Long> newLoads = new TreeSet<>(next.loads());
    newLoads.removeAll(from.loads());
    Map<String, Long> unusable = new TreeMap<>();
    List<Regroup.DeltaTweet> out = new ArrayList<>();
    readKafka(from, next, out, unusable);
    for (long load : newLoads) {
      for (MasterLoads.LoadedTweet t : loads.tweets(load)) {
        out.add(new Regroup.DeltaTweet(t.tweetId(), t.userKey(), t.text(), String.format(Locale.ROOT, "l/%019d/%019d", load,
            t.tweetId())));
      }
      if (out.size() > maxTweets) {
        throw new NeedsFull("more than " + maxTweets + " tweets came in since the published version"
            + " (trendoff.batch.recompute.incremental-max-tweets)");
      }
    }
    return new Delta(out, unusable);
  }

  private void readKafka(Cut from, Cut next, List<Regroup.DeltaTweet> out, Map<String, Long> unusable) throws NeedsFull {
    String topic = settings.kafka().topic();
    Map<TopicPartition, long[]> ranges = new HashMap<>();
    long total = 0;
    for (Map.Entry<Integer, Long> e : next.asMap().entrySet()) {
      long start = from.of(e.getKey());
      if (e.getValue() > start) {
        ranges.put(new TopicPartition(topic, e.getKey()), new long[] {start, e.getValue()});
        total += e.getValue() - start;
      }
    }
    if (total > maxTweets) {
      throw new NeedsFull(total + " records came in since the published version, more than " + maxTweets
          + " (trendoff.batch.recompute.incremental-max-tweets)");
    }
    if (ranges.isEmpty()) {
      return;
    }
    Map<String, Object> p = new HashMap<>(settings.kafka().clientProperties());
    p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "none");
    p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
    p.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, "trendoff-recompute");
    try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(p)) {
      c.assign(ranges.keySet());
      Map<TopicPartition, Long> earliest = c.beginningOffsets(ranges.keySet(), Duration.ofSeconds(30));
      for (Map.Entry<TopicPartition, long[]> r : ranges.entrySet()) {
        if (earliest.get(r.getKey()) > r.getValue()[0]) {
          throw new NeedsFull("Kafka no longer holds partition " + r.getKey().partition() + " from offset "
              + r.getValue()[0] + " (its retention dropped it)");
        }
        c.seek(r.getKey(), r.getValue()[0]);
      }
      Set<TopicPartition> open = new java.util.HashSet<>(ranges.keySet());
      long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
      while (!open.isEmpty()) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("could not read the tweets since the published cut from Kafka within 10 minutes");
        }
        for (ConsumerRecord<byte[], byte[]> rec : c.poll(Duration.ofMillis(500))) {
          TopicPartition tp = new TopicPartition(rec.topic(), rec.partition());
          if (rec.offset() >= ranges.get(tp)[1]) {
            continue;
          }
          String order = String.format(Locale.ROOT, "k/%s/%010d/%019d", next.topicId(), rec.partition(), rec.offset());
          try {
            Tweet t = TweetCodec.shared().decode(rec.value());
            out.add(new Regroup.DeltaTweet(t.getId(), t.getUserScreenName() == null ? "" : UserKeys.of(t.getUserScreenName().toString()),
                t.getText() == null ? null : t.getText().toString(), order));
          } catch (TweetDecodeException e) {
            unusable.merge(e.reason().code(), 1L, Long::sum);
          }
        }
        Set<TopicPartition> done = new java.util.HashSet<>();
        for (TopicPartition tp : open) {
          if (c.position(tp) >= ranges.get(tp)[1]) {
            done.add(tp);
          }
        }
        // a partition read to its end of range fetches no more (the topic goes on beyond the new cut)
        c.pause(done);
        open.removeAll(done);
      }
    }
  }

  /** Where the copies of each of {@code ids} came in, read from the master table in parallel. */
  Map<Long, TweetCopies> copies(Collection<Long> ids) throws InterruptedException {
    Map<Long, TweetCopies> out = new ConcurrentHashMap<>();
    // IN reads of COPIES_PER_READ ids: a fraction of the requests (and of Cassandra's work per request)
    List<List<Long>> groups = new ArrayList<>();
    List<Long> all = new ArrayList<>(ids);
    for (int i = 0; i < all.size(); i += COPIES_PER_READ) {
      groups.add(all.subList(i, Math.min(all.size(), i + COPIES_PER_READ)));
    }
    inParallel(groups, g -> reads.copies(g).thenAccept(cs -> cs.forEach(c -> out.put(c.tweetId(), c))));
    return out;
  }

  /**
   * Every row stored of {@code keys} in the partitions of {@code base}: read bucket by bucket, at most
   * {@value #KEYS_PER_READ} keys a read, in parallel.
   */
  List<ViewRow> stored(Collection<ViewRow.Key> keys, long base) throws InterruptedException {
    Map<Integer, List<ViewRow.Key>> byBucket = new TreeMap<>();
    keys.forEach(k -> byBucket.computeIfAbsent(BatchViewWords.bucket(k.user()), b -> new ArrayList<>()).add(k));
    List<Map.Entry<Integer, List<ViewRow.Key>>> reads = new ArrayList<>();
    byBucket.forEach((bucket, all) -> {
      for (int i = 0; i < all.size(); i += KEYS_PER_READ) {
        reads.add(Map.entry(bucket, all.subList(i, Math.min(all.size(), i + KEYS_PER_READ))));
      }
    });
    List<ViewRow> rows = java.util.Collections.synchronizedList(new ArrayList<>());
    inParallel(reads, r -> this.reads.rows(base, r.getKey(), r.getValue()).thenAccept(rows::addAll));
    return rows;
  }

  /** Keys per read of the published rows: one read names up to this many rows of one partition. */
  private static final int KEYS_PER_READ = 512;

  /**
   * Writes {@code rows} into the partitions of {@code base} and deletes the {@code obsolete} rows there;
   * returns the rows written.
   */
  long write(List<ViewRow> rows, List<ViewRow> obsolete, long base) throws InterruptedException {
    BatchViewWrites writes = new BatchViewWrites(session, settings.cassandra().keyspace(),
        settings.cassandra().writeConsistency(), BatchViewWrites.batchesInFlight(concurrency));
    writes.replace(base, rows, obsolete);
    return writes.await();
  }

  /** Runs {@code read} for every item, at most {@code concurrency} at a time; waits for all, throws the first failure. */
  private <T> void inParallel(Collection<T> items, Function<T, CompletableFuture<Void>> read) throws InterruptedException {
    Semaphore permits = new Semaphore(concurrency);
    List<CompletableFuture<Void>> all = new ArrayList<>(items.size());
    for (T item : items) {
      permits.acquire();
      CompletableFuture<Void> f = read.apply(item);
      f.whenComplete((v, e) -> permits.release());
      all.add(f);
    }
    try {
      CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).join();
    } catch (java.util.concurrent.CompletionException e) {
      throw new IllegalStateException("a Cassandra read failed: " + e.getCause(), e.getCause());
    }
  }
}
