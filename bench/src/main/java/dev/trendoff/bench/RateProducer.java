package dev.trendoff.bench;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import dev.trendoff.avro.Tweet;
import dev.trendoff.core.KafkaOffsets;
import dev.trendoff.core.Settings;
import dev.trendoff.producer.SyntheticTweets;
import dev.trendoff.producer.TweetProducer;

/**
 * Synthetic tweets at a fixed rate with marker tweets among them ({@code bench speed}, {@code bench http
 * live}): the markers are what a benchmark times, the synthetic tweets the load the layers carry.
 */
final class RateProducer {

  private final TweetProducer producer;
  private final SyntheticTweets source;
  private final int markersPerSecond;
  private final Supplier<Tweet> marker;
  private long produced;

  /**
   * @param marker the next marker tweet; called right before it is handed to the producer (so that it can
   *        note the time it was sent)
   */
  RateProducer(TweetProducer producer, SyntheticTweets source, int markersPerSecond, Supplier<Tweet> marker) {
    this.producer = producer;
    this.source = source;
    this.markersPerSecond = markersPerSecond;
    this.marker = marker;
  }

  /** Produces at {@code perSecond} for {@code d}, with markers; returns the synthetic tweets sent. */
  long produce(int perSecond, Duration d) throws InterruptedException {
    long start = System.nanoTime();
    long end = start + d.toNanos();
    long markerEvery = 1_000_000_000L / markersPerSecond;
    long nextMarker = start;
    long sent = 0;
    while (true) {
      long now = System.nanoTime();
      if (now >= end) {
        break;
      }
      long due = (now - start) * perSecond / 1_000_000_000L;
      while (sent < due) {
        producer.send(source.tweet(produced++));
        sent++;
      }
      if (now >= nextMarker) {
        producer.send(marker.get());
        nextMarker += markerEvery;
      }
      TimeUnit.MICROSECONDS.sleep(500);
    }
    producer.flush();
    if (producer.failed() > 0) {
      throw new IllegalStateException(producer.failed() + " tweets were refused by Kafka");
    }
    return sent;
  }

  /**
   * Goes on producing at {@code rate} until the speed layer's lag is under 2 s of input, or 1,000 records at
   * low rates (the committed offsets trail by up to two batches), at most 2 minutes.
   */
  void warmUntilCaughtUp(Settings s, int rate) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
    try (KafkaOffsets offsets = new KafkaOffsets(s.kafka())) {
      long lag;
      while ((lag = lag(offsets, s)) > Math.max(2L * rate, 1_000) && System.nanoTime() < deadline) {
        System.out.printf("warm-up: lag %d records, going on%n", lag);
        produce(rate, Duration.ofSeconds(5));
      }
    }
  }

  /** Records of the topic the speed layer's group has not committed yet. */
  static long lag(KafkaOffsets offsets, Settings s) {
    Map<Integer, Long> end = offsets.endOffsets();
    Map<Integer, Long> done = offsets.committed(s.kafka().speedGroup());
    long lag = 0;
    for (Map.Entry<Integer, Long> e : end.entrySet()) {
      lag += e.getValue() - done.getOrDefault(e.getKey(), 0L);
    }
    return lag;
  }
}
