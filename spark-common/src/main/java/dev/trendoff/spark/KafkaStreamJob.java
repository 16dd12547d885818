package dev.trendoff.spark;

import java.time.Duration;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.streaming.Durations;
import org.apache.spark.streaming.api.java.JavaInputDStream;
import org.apache.spark.streaming.api.java.JavaStreamingContext;
import org.apache.spark.streaming.kafka010.CanCommitOffsets;
import org.apache.spark.streaming.kafka010.ConsumerStrategies;
import org.apache.spark.streaming.kafka010.HasOffsetRanges;
import org.apache.spark.streaming.kafka010.KafkaUtils;
import org.apache.spark.streaming.kafka010.LocationStrategies;
import org.apache.spark.streaming.kafka010.OffsetRange;
import org.apache.spark.util.LongAccumulator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.trendoff.avro.TweetDecodeException;
import dev.trendoff.core.KafkaOffsets;
import dev.trendoff.core.Settings;

/**
 * A Kafka direct stream (spark-streaming-kafka-0-10) over the tweets topic, shared by the speed
 * layer and the batch ingest. Each micro-batch: decode (undecodable records to the dead-letter
 * topic, counted), hand the tweets to the layer's {@link MicroBatchWriter}, and only after it
 * returns, {@code commitAsync} the batch's offset ranges.
 *
 * <p>The stream is assigned the topic's partitions explicitly and starts from the group's committed
 * offsets (earliest where none), so the group has no live members and the final commit of a
 * graceful stop can be written directly. {@link #stopGracefully()} finishes the running batch,
 * commits its offsets synchronously (a queued {@code commitAsync} would only go out with a next
 * batch) and stops Spark. Every {@code report-every} it logs the rate and the lag.
 */
public final class KafkaStreamJob {

  private static final Logger LOG = LoggerFactory.getLogger(KafkaStreamJob.class);

  private final Settings settings;
  private final StreamSettings stream;
  private final MicroBatchWriter writer;
  private final AtomicReference<Map<Integer, Long>> processedUntil = new AtomicReference<>(Map.of());
  private final AtomicLong tweets = new AtomicLong();
  private final AtomicLong batches = new AtomicLong();
  private final CountDownLatch stopped = new CountDownLatch(1);
  private final AtomicReference<Throwable> failure = new AtomicReference<>();
  private JavaStreamingContext ssc;
  private LongAccumulator deadLetters;
  private ScheduledExecutorService reporter;
  private KafkaOffsets offsets;

  public KafkaStreamJob(Settings settings, StreamSettings stream, MicroBatchWriter writer) {
    this.settings = settings;
    this.stream = stream;
    this.writer = writer;
  }

  /** Starts the stream and returns; the work goes on in Spark's threads. */
  public synchronized KafkaStreamJob start() {
    offsets = new KafkaOffsets(settings.kafka());
    List<TopicPartition> partitions = offsets.partitions();
    Map<Integer, Long> committed = offsets.committed(stream.group());
    Map<TopicPartition, Long> from = new HashMap<>();
    for (TopicPartition tp : partitions) {
      Long c = committed.get(tp.partition());
      if (c != null) {
        from.put(tp, c);
      }
    }
    processedUntil.set(new TreeMap<>(committed));

    SparkConf conf = SparkConfs.forJob(settings, stream.appName())
        .set("spark.streaming.kafka.maxRatePerPartition", String.valueOf(stream.maxRatePerPartition()))
        .set("spark.streaming.backpressure.enabled", String.valueOf(stream.backpressure()))
        .set("spark.streaming.stopGracefullyOnShutdown", "false");
    ssc = new JavaStreamingContext(conf, Durations.milliseconds(stream.batchInterval().toMillis()));
    deadLetters = ssc.sparkContext().sc().longAccumulator("dead letters");

    Map<String, Object> kafkaParams = new HashMap<>(settings.kafka().clientProperties());
    kafkaParams.put(ConsumerConfig.GROUP_ID_CONFIG, stream.group());
    kafkaParams.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    kafkaParams.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    kafkaParams.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    kafkaParams.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");

    JavaInputDStream<ConsumerRecord<byte[], byte[]>> input = KafkaUtils.createDirectStream(ssc,
        LocationStrategies.PreferConsistent(),
        ConsumerStrategies.<byte[], byte[]>Assign(partitions, kafkaParams, from));

    Map<String, Object> dlqProps = new HashMap<>(settings.kafka().clientProperties());
    String dlqTopic = settings.kafka().dlqTopic();
    LongAccumulator dead = deadLetters;
    MicroBatchWriter w = writer;
    AtomicReference<Throwable> writeFailed = failure;
    input.foreachRDD((rdd, time) -> {
      if (writeFailed.get() != null) {
        // a failed batch's offsets must never be covered by a later batch's commit
        throw new IllegalStateException("an earlier micro-batch failed; not writing nor committing", writeFailed.get());
      }
      OffsetRange[] ranges = ((HasOffsetRanges) rdd.rdd()).offsetRanges();
      long records = 0;
      for (OffsetRange r : ranges) {
        records += r.count();
      }
      if (records > 0) {
        try {
          JavaRDD<KafkaTweet> decoded = rdd.mapPartitions(new DecodePartition(dlqProps, dlqTopic, dead));
          w.write(decoded, time.milliseconds());
        } catch (Exception e) {
          // SparkException (a failed Spark job) is checked: catch every exception, or a later batch would commit past this one
          writeFailed.compareAndSet(null, e);
          throw e;
        }
        ((CanCommitOffsets) input.inputDStream()).commitAsync(ranges, (o, e) -> {
          if (e != null) {
            LOG.warn("offset commit failed (the next commit covers it): {}", e.toString());
          }
        });
      }
      Map<Integer, Long> until = new TreeMap<>(processedUntil.get());
      for (OffsetRange r : ranges) {
        until.put(r.partition(), r.untilOffset());
      }
      processedUntil.set(until);
      tweets.addAndGet(records);
      batches.incrementAndGet();
    });

    reporter = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, stream.appName() + "-progress");
      t.setDaemon(true);
      return t;
    });
    long every = stream.reportEvery().toMillis();
    AtomicLong lastTweets = new AtomicLong();
    reporter.scheduleAtFixedRate(() -> report(lastTweets, every), every, every, TimeUnit.MILLISECONDS);

    ssc.start();
    LOG.info("{} started: group {}, topic {} partitions {}, from {} (earliest where absent), batches every {} ms",
        stream.appName(), stream.group(), settings.kafka().topic(), partitions.size(), committed,
        stream.batchInterval().toMillis());
    Thread watcher = new Thread(() -> {
      try {
        ssc.awaitTermination();
      } catch (Throwable t) {
        failure.set(t);
      } finally {
        stopped.countDown();
      }
    }, stream.appName() + "-await");
    watcher.setDaemon(true);
    watcher.start();
    return this;
  }

  /**
   * Decodes one Kafka partition's records on an executor; undecodable ones go to the dead-letter topic,
   * counted. A static class: a lambda or anonymous class here would capture the (unserializable) job.
   */
  private record DecodePartition(Map<String, Object> dlqProps, String dlqTopic, LongAccumulator dead)
      implements FlatMapFunction<Iterator<ConsumerRecord<byte[], byte[]>>, KafkaTweet> {

    @Override
    public Iterator<KafkaTweet> call(Iterator<ConsumerRecord<byte[], byte[]>> records) {
      KafkaDeadLetters sink = new KafkaDeadLetters(dlqProps, dlqTopic);
      return TweetDecoding.decode(records, new DeadLetterSink() {
        @Override
        public void deadLetter(ConsumerRecord<byte[], byte[]> r, TweetDecodeException why) {
          sink.deadLetter(r, why);
          dead.add(1);
        }

        @Override
        public void flush() {
          sink.flush();
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
      LOG.info("{}: {} records/s over the last {} s, {} in all, {} dead letters, lag {} records",
          stream.appName(), Math.round(delta * 1000.0 / everyMillis), everyMillis / 1000, now,
          deadLetters.value(), lag);
    } catch (RuntimeException e) {
      LOG.warn("{}: cannot report progress: {}", stream.appName(), e.getMessage());
    }
  }

  /** Blocks until the stream stops; rethrows what stopped it if it failed. */
  public void awaitTermination() throws InterruptedException {
    stopped.await();
    Throwable t = failure.get();
    if (t != null) {
      throw new IllegalStateException(stream.appName() + " failed: " + t.getMessage(), t);
    }
  }

  /**
   * Lets the running micro-batch finish, commits what was processed synchronously, stops Spark.
   * Returns the committed offsets (partition -> next offset).
   */
  public synchronized Map<Integer, Long> stopGracefully() {
    if (ssc == null) {
      return Map.of();
    }
    LOG.info("{}: stopping after the running batch", stream.appName());
    ssc.stop(false, true);
    Map<Integer, Long> done = processedUntil.get();
    try {
      if (!done.isEmpty()) {
        offsets.commit(stream.group(), done);
      }
      LOG.info("{}: stopped; committed {} after {} records in {} batches, {} dead letters",
          stream.appName(), done, tweets.get(), batches.get(), deadLetters.value());
    } finally {
      reporter.shutdownNow();
      ssc.sparkContext().stop();
      offsets.close();
      ssc = null;
    }
    return done;
  }

  /** After a failure: stops Spark at once, without committing anything more. */
  private synchronized void stopNow() {
    if (ssc != null) {
      LOG.error("{}: a micro-batch failed; stopping without committing its offsets", stream.appName());
      reporter.shutdownNow();
      ssc.stop(true, false);
      offsets.close();
      ssc = null;
    }
  }

  /** Records seen so far (tweets and dead letters). */
  public long recordsProcessed() {
    return tweets.get();
  }

  public long deadLetterCount() {
    return deadLetters == null ? 0 : deadLetters.value();
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
    Thread waiter = new Thread(() -> {
      try {
        stopped.await();
      } catch (InterruptedException ignored) {
        Thread.currentThread().interrupt();
      }
      signalled.countDown();
    }, "stream-stopped");
    waiter.setDaemon(true);
    waiter.start();
    signalled.await();
    if (stopped.getCount() == 0) {
      try {
        awaitTermination();
      } finally {
        stopNow();
      }
      return;
    }
    stopGracefully();
  }

  /** The offsets of a group as {@code partition -> offset}, for logs and tests. */
  public static Map<Integer, Long> committed(Settings settings, String group) {
    try (KafkaOffsets o = new KafkaOffsets(settings.kafka(), Duration.ofSeconds(10))) {
      return o.committed(group);
    }
  }
}
