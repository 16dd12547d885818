package dev.trendoff.spark;

import java.time.Duration;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.streaming.api.java.JavaInputDStream;
import org.apache.spark.streaming.api.java.JavaStreamingContext;
import org.apache.spark.streaming.kafka010.ConsumerStrategies;
import org.apache.spark.streaming.kafka010.HasOffsetRanges;
import org.apache.spark.streaming.kafka010.KafkaUtils;
import org.apache.spark.streaming.kafka010.LocationStrategies;
import org.apache.spark.streaming.kafka010.OffsetRange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.trendoff.core.KafkaOffsets;
import dev.trendoff.core.Settings;

/**
 * A Kafka direct stream (spark-streaming-kafka-0-10) over the tweets topic, shared by the speed
 * layer and the batch ingest. Each micro-batch: decode and check the records ({@link TweetDecoding}:
 * what a layer cannot write goes to the dead-letter topic, confirmed), hand the tweets to the layer's
 * {@link MicroBatchWriter}, check the topic is still the one read, and only then commit the batch's
 * offsets, synchronously, naming the topic's id in the commit (docs/lambda.md 'The streaming layers').
 *
 * <p>The stream is assigned the topic's partitions explicitly and starts from the group's committed
 * offsets (earliest where none), so the group has no live members and the final commit of a graceful
 * stop can be written directly. It runs in generations on one Spark context: a supervisor starts a
 * stream, and
 * <ul>
 *   <li>when a micro-batch fails (Kafka or Cassandra down, a dead letter not stored) stops it at once
 *       without committing, waits ({@code restart-backoff}, doubling up to {@code restart-backoff-max}) and starts a new one
 *       from the committed offsets: the failed batch is replayed, its writes are idempotent;
 *   <li>when the topic gained partitions (checked every {@code partition-check-every}) stops it
 *       gracefully (commit) and starts one over every partition;
 *   <li>when the topic's id changed (deleted and created again) stops it at once and starts over the
 *       new topic, from its group's offsets there (none: Kafka deletes them with the topic).
 * </ul>
 * {@link #stopGracefully()} finishes the running batch, commits what was processed and stops Spark. Every
 * {@code report-every} it logs the rate, the dead letters and the lag.
 */
public final class KafkaStreamJob {

  private static final Logger LOG = LoggerFactory.getLogger(KafkaStreamJob.class);

  private final Settings settings;
  private final StreamSettings stream;
  private final MicroBatchWriter writer;
  private final AtomicReference<Map<Integer, Long>> processedUntil = new AtomicReference<>(Map.of());
  private final AtomicLong tweets = new AtomicLong();
  private final AtomicLong batches = new AtomicLong();
  private final AtomicLong restarts = new AtomicLong();
  private final CountDownLatch stopped = new CountDownLatch(1);
  private final CountDownLatch stopRequested = new CountDownLatch(1);
  private JavaSparkContext sc;
  private ReasonCounts deadLetters;
  private ScheduledExecutorService reporter;
  private KafkaOffsets offsets;
  private volatile Generation generation;
  private volatile String topicId;
  private Map<Integer, Long> finalCommit = Map.of();

  public KafkaStreamJob(Settings settings, StreamSettings stream, MicroBatchWriter writer) {
    this.settings = settings;
    this.stream = stream;
    this.writer = writer;
  }

  /**
   * Starts the stream and returns; the work goes on in Spark's threads. An unreachable Kafka or a
   * missing topic at this first start is a {@link dev.trendoff.core.UserError}; later the job waits
   * for them instead.
   */
  public synchronized KafkaStreamJob start() {
    offsets = new KafkaOffsets(settings.kafka());
    Generation first;
    try {
      KafkaOffsets.TopicState topic = offsets.describe();
      SparkConf conf = SparkConfs.forJob(settings, stream.appName())
          .set("spark.streaming.kafka.maxRatePerPartition", String.valueOf(stream.maxRatePerPartition()))
          .set("spark.streaming.backpressure.enabled", String.valueOf(stream.backpressure()))
          .set("spark.streaming.stopGracefullyOnShutdown", "false");
      sc = new JavaSparkContext(conf);
      deadLetters = new ReasonCounts();
      sc.sc().register(deadLetters, "dead letters");
      first = startGeneration(topic);
    } catch (RuntimeException e) {
      if (sc != null) {
        sc.stop();
      }
      offsets.close();
      throw e;
    }
    reporter = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, stream.appName() + "-progress");
      t.setDaemon(true);
      return t;
    });
    long every = stream.reportEvery().toMillis();
    AtomicLong lastTweets = new AtomicLong();
    reporter.scheduleAtFixedRate(() -> report(lastTweets, every), every, every, TimeUnit.MILLISECONDS);
    long check = Math.max(100, stream.partitionCheckEvery().toMillis());
    reporter.scheduleWithFixedDelay(this::checkTopic, check, check, TimeUnit.MILLISECONDS);
    Thread supervisor = new Thread(() -> supervise(first), stream.appName() + "-supervisor");
    supervisor.setDaemon(true);
    supervisor.start();
    return this;
  }

  /** Why a generation of the stream ended. */
  private record End(String kind, Throwable cause, String detail) {
    static final String STOP = "stop";
    static final String FAILED = "failed";
    static final String PARTITIONS = "partitions";
    static final String TOPIC = "topic";
  }

  /** One streaming context over the topic as it was described at its start. */
  private final class Generation {
    final JavaStreamingContext ssc;
    final KafkaOffsets.TopicState topic;
    final CompletableFuture<End> end = new CompletableFuture<>();
    final AtomicBoolean failed = new AtomicBoolean();
    final AtomicBoolean wroteABatch = new AtomicBoolean();

    Generation(JavaStreamingContext ssc, KafkaOffsets.TopicState topic) {
      this.ssc = ssc;
      this.topic = topic;
    }
  }

  private Generation startGeneration(KafkaOffsets.TopicState topic) {
    List<TopicPartition> partitions = topic.partitions();
    if (topicId != null && !topicId.equals(topic.topicId())) {
      LOG.warn("{}: topic {} has a new id ({}, was {}): it was deleted and created again; reading it from its group's"
          + " offsets there", stream.appName(), settings.kafka().topic(), topic.topicId(), topicId);
      processedUntil.set(Map.of());
    }
    topicId = topic.topicId();
    Map<Integer, Long> committed = offsets.committedFor(stream.group(), topic);
    Map<TopicPartition, Long> from = new HashMap<>();
    for (TopicPartition tp : partitions) {
      Long c = committed.get(tp.partition());
      if (c != null) {
        from.put(tp, c);
      }
    }
    Map<Integer, Long> until = new TreeMap<>(processedUntil.get());
    committed.forEach((p, o) -> until.merge(p, o, Math::max));
    processedUntil.set(until);

    JavaStreamingContext ssc = new JavaStreamingContext(sc, org.apache.spark.streaming.Durations.milliseconds(
        stream.batchInterval().toMillis()));
    Generation g = new Generation(ssc, topic);
    try {
      Map<String, Object> kafkaParams = new HashMap<>(settings.kafka().clientProperties());
      kafkaParams.put(ConsumerConfig.GROUP_ID_CONFIG, stream.group());
      kafkaParams.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
      kafkaParams.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
      kafkaParams.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
      kafkaParams.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
      // a broker that is down fails the batch in 30 s (not the client's 60 s), and the job restarts
      kafkaParams.putIfAbsent(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000);

      JavaInputDStream<ConsumerRecord<byte[], byte[]>> input = KafkaUtils.createDirectStream(ssc,
          LocationStrategies.PreferConsistent(),
          ConsumerStrategies.<byte[], byte[]>Assign(partitions, kafkaParams, from));
      Map<String, Object> dlqProps = new HashMap<>(settings.kafka().clientProperties());
      String dlqTopic = settings.kafka().dlqTopic();
      String layer = stream.layer();
      String id = topic.topicId();
      ReasonCounts dead = deadLetters;
      MicroBatchWriter w = writer;
      input.foreachRDD((rdd, time) -> {
        if (g.failed.get()) {
          // a failed batch's offsets must never be covered by a later batch's commit
          throw new IllegalStateException("an earlier micro-batch of this stream failed; not writing nor committing");
        }
        OffsetRange[] ranges = ((HasOffsetRanges) rdd.rdd()).offsetRanges();
        long records = 0;
        for (OffsetRange r : ranges) {
          records += r.count();
        }
        if (records > 0) {
          try {
            JavaRDD<KafkaTweet> decoded = rdd.mapPartitions(new DecodePartition(dlqProps, dlqTopic, layer, id, dead));
            w.write(decoded, time.milliseconds());
            String now = offsets.topicId();
            if (!now.equals(id)) {
              throw new IllegalStateException("topic " + settings.kafka().topic() + " was deleted and created again while"
                  + " this batch was read (id " + id + ", now " + now + "); not committing it");
            }
            // committed synchronously, naming the topic's id: a failed commit fails the batch (replayed after
            // the restart), and once the topic is created again these offsets are known to be the old one's
            Map<Integer, Long> next = new TreeMap<>();
            for (OffsetRange r : ranges) {
              next.put(r.partition(), r.untilOffset());
            }
            offsets.commit(stream.group(), next, id);
          } catch (Exception e) {
            // SparkException (a failed Spark job) is checked: catch every exception, or a later batch would commit past this one
            g.failed.set(true);
            g.end.complete(new End(End.FAILED, e, null));
            throw e;
          }
        }
        Map<Integer, Long> done = new TreeMap<>(processedUntil.get());
        for (OffsetRange r : ranges) {
          done.merge(r.partition(), r.untilOffset(), Math::max);
        }
        processedUntil.set(done);
        tweets.addAndGet(records);
        batches.incrementAndGet();
        g.wroteABatch.set(true);
      });
      ssc.start();
    } catch (RuntimeException e) {
      ssc.stop(false, false);
      throw e;
    }
    generation = g;
    LOG.info("{} started: group {}, topic {} (id {}) partitions {}, from {} (earliest where absent), batches every {} ms",
        stream.appName(), stream.group(), settings.kafka().topic(), topic.topicId(), partitions.size(), committed,
        stream.batchInterval().toMillis());
    Thread watcher = new Thread(() -> {
      try {
        ssc.awaitTermination();
      } catch (Throwable t) {
        g.end.complete(new End(End.FAILED, t, null));
      }
    }, stream.appName() + "-await");
    watcher.setDaemon(true);
    watcher.start();
    return g;
  }

  /** Runs generation after generation until a stop is requested (docs/lambda.md 'The streaming layers'). */
  private void supervise(Generation first) {
    Generation g = first;
    Duration backoff = stream.restartBackoff();
    try {
      while (true) {
        End end = awaitEnd(g);
        if (end.kind().equals(End.STOP)) {
          finalCommit = stopAndCommit(g);
          return;
        }
        if (end.kind().equals(End.PARTITIONS)) {
          LOG.info("{}: {}; restarting the stream over every partition after this batch", stream.appName(), end.detail());
          stopAndCommit(g);
        } else {
          g.ssc.stop(false, false);
          if (end.kind().equals(End.TOPIC)) {
            LOG.warn("{}: {}; restarting the stream over it", stream.appName(), end.detail());
          } else {
            if (g.wroteABatch.get()) {
              backoff = stream.restartBackoff();
            }
            LOG.warn("{}: a micro-batch failed, nothing of it committed ({}); restarting from the committed offsets in {} ms",
                stream.appName(), oneLine(end.cause()), backoff.toMillis());
            if (waitForStop(backoff)) {
              finalCommit = commitProcessed();
              return;
            }
            backoff = twice(backoff);
          }
        }
        generation = null;
        g = null;
        while (g == null) {
          if (stopRequested.getCount() == 0) {
            finalCommit = commitProcessed();
            return;
          }
          try {
            g = startGeneration(offsets.describe());
            restarts.incrementAndGet();
          } catch (RuntimeException e) {
            LOG.warn("{}: cannot start the stream ({}); trying again in {} ms", stream.appName(), oneLine(e), backoff.toMillis());
            if (waitForStop(backoff)) {
              finalCommit = commitProcessed();
              return;
            }
            backoff = twice(backoff);
          }
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      reporter.shutdownNow();
      sc.stop();
      offsets.close();
      stopped.countDown();
    }
  }

  private End awaitEnd(Generation g) throws InterruptedException {
    try {
      return g.end.get();
    } catch (ExecutionException e) {
      return new End(End.FAILED, e.getCause(), null);
    }
  }

  /** Lets the running batch finish, then commits what was processed. */
  private Map<Integer, Long> stopAndCommit(Generation g) {
    g.ssc.stop(false, true);
    return commitProcessed();
  }

  private Map<Integer, Long> commitProcessed() {
    Map<Integer, Long> done = processedUntil.get();
    try {
      if (!done.isEmpty()) {
        offsets.commit(stream.group(), done, topicId);
      }
    } catch (RuntimeException e) {
      LOG.warn("{}: cannot commit {} ({}); the next start replays from the last commit", stream.appName(), done, oneLine(e));
    }
    return done;
  }

  /** Waits {@code d} unless a stop is requested first; true when it is. */
  private boolean waitForStop(Duration d) throws InterruptedException {
    return stopRequested.await(d.toMillis(), TimeUnit.MILLISECONDS);
  }

  private Duration twice(Duration d) {
    Duration t = d.multipliedBy(2);
    return t.compareTo(stream.restartBackoffMax()) > 0 ? stream.restartBackoffMax() : t;
  }

  /** Every {@code partition-check-every}: new partitions, or a new topic id, end the running generation. */
  private void checkTopic() {
    Generation g = generation;
    if (g == null || g.end.isDone()) {
      return;
    }
    KafkaOffsets.TopicState now;
    try {
      now = offsets.describe();
    } catch (RuntimeException e) {
      return; // Kafka down or the topic gone for a moment: the stream itself fails if it must
    }
    if (!now.topicId().equals(g.topic.topicId())) {
      g.end.complete(new End(End.TOPIC, null, "topic " + settings.kafka().topic() + " has a new id (" + now.topicId()
          + ", was " + g.topic.topicId() + "): it was deleted and created again"));
    } else if (!now.partitions().equals(g.topic.partitions())) {
      g.end.complete(new End(End.PARTITIONS, null, "topic " + settings.kafka().topic() + " has " + now.partitions().size()
          + " partitions now (was " + g.topic.partitions().size() + ")"));
    }
  }

  private static String oneLine(Throwable t) {
    if (t == null) {
      return "no cause";
    }
    Throwable root = t;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String m = root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }

  /**
   * Decodes one Kafka partition's records on an executor; what a layer cannot write goes to the
   * dead-letter topic, counted by reason. A static class: a lambda or anonymous class here would
   * capture the (unserializable) job.
   */
  private record DecodePartition(Map<String, Object> dlqProps, String dlqTopic, String layer, String topicId,
      ReasonCounts dead) implements FlatMapFunction<Iterator<ConsumerRecord<byte[], byte[]>>, KafkaTweet> {

    @Override
    public Iterator<KafkaTweet> call(Iterator<ConsumerRecord<byte[], byte[]>> records) {
      KafkaDeadLetters sink = new KafkaDeadLetters(dlqProps, dlqTopic, layer);
      return TweetDecoding.decode(records, topicId, new DeadLetterSink() {
        @Override
        public void deadLetter(ConsumerRecord<byte[], byte[]> r, String reason, String error) {
          sink.deadLetter(r, reason, error);
          dead.add(reason);
        }

        @Override
        public void confirm() {
          sink.confirm();
        }
      }).iterator();
    }
  }

  private void report(AtomicLong lastTweets, long everyMillis) {
    try {
      long now = tweets.get();
      long delta = now - lastTweets.getAndSet(now);
      Map<Integer, Long> end = offsets.endOffsets();
      Map<Integer, Long> done = processedUntil.get();
      long lag = 0;
      for (Map.Entry<Integer, Long> e : end.entrySet()) {
        lag += Math.max(0, e.getValue() - done.getOrDefault(e.getKey(), 0L));
      }
      LOG.info("{}: {} records/s over the last {} s, {} in all, {} dead letters {}, lag {} records, {} restarts",
          stream.appName(), Math.round(delta * 1000.0 / everyMillis), everyMillis / 1000, now,
          deadLetters.total(), deadLetters.value(), lag, restarts.get());
    } catch (RuntimeException e) {
      LOG.warn("{}: cannot report progress: {}", stream.appName(), e.getMessage());
    }
  }

  /** Blocks until the stream stops (only {@link #stopGracefully} stops it). */
  public void awaitTermination() throws InterruptedException {
    stopped.await();
  }

  /**
   * Lets the running micro-batch finish, commits what was processed synchronously, stops Spark.
   * Returns the committed offsets (partition -> next offset).
   */
  public Map<Integer, Long> stopGracefully() throws InterruptedException {
    synchronized (this) {
      if (sc == null) {
        return Map.of();
      }
    }
    LOG.info("{}: stopping after the running batch", stream.appName());
    stopRequested.countDown();
    Generation g = generation;
    if (g != null) {
      g.end.complete(new End(End.STOP, null, null));
    }
    stopped.await();
    LOG.info("{}: stopped; committed {} after {} records in {} batches, {} dead letters {}, {} restarts",
        stream.appName(), finalCommit, tweets.get(), batches.get(), deadLetters.total(), deadLetters.value(), restarts.get());
    return finalCommit;
  }

  /** Records seen so far (tweets and dead letters). */
  public long recordsProcessed() {
    return tweets.get();
  }

  public long deadLetterCount() {
    return deadLetters == null ? 0 : deadLetters.total();
  }

  /** Dead letters so far by reason code. */
  public Map<String, Long> deadLettersByReason() {
    return deadLetters == null ? Map.of() : deadLetters.value();
  }

  /** How many times the stream was started again (after a failure, new partitions or a new topic id). */
  public long restarts() {
    return restarts.get();
  }

  /** The id of the topic the running stream reads. */
  public String topicId() {
    return topicId;
  }

  /** partition -> next offset, of the batches processed so far. */
  public Map<Integer, Long> processedOffsets() {
    return processedUntil.get();
  }

  /**
   * Runs until SIGTERM or SIGINT, then stops gracefully: the {@code main} of a streaming layer.
   * Returns normally (exit code 0) after a graceful stop.
   */
  public void runUntilSignalled() throws InterruptedException {
    start();
    CountDownLatch signalled = new CountDownLatch(1);
    for (String sig : new String[] {"TERM", "INT"}) {
      sun.misc.Signal.handle(new sun.misc.Signal(sig), s -> signalled.countDown());
    }
    signalled.await();
    stopGracefully();
  }

  /** The offsets of a group as {@code partition -> offset}, for logs and tests. */
  public static Map<Integer, Long> committed(Settings settings, String group) {
    try (KafkaOffsets o = new KafkaOffsets(settings.kafka(), Duration.ofSeconds(10))) {
      return o.committed(group);
    }
  }
}
