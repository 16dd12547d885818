package dev.trendoff.speed;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import dev.trendoff.avro.Tweet;
import dev.trendoff.core.Settings;
import dev.trendoff.producer.SyntheticTweets;
import dev.trendoff.producer.TweetProducer;

/**
 * Synthetic tweets sent to Kafka at a steady rate on a thread of its own; remembers what it sent
 * (finish() fails if Kafka refused any). Also used by fault-test's integration tests (test jar).
 */
public final class Feed implements AutoCloseable {

  private final List<Tweet> sent = Collections.synchronizedList(new ArrayList<>());
  private final AtomicReference<Throwable> failure = new AtomicReference<>();
  private final Thread thread;
  private volatile boolean stop;

  /** Sends tweets {@code from .. from+count-1} of {@code source} at {@code perSecond}. */
  public Feed(Settings settings, SyntheticTweets source, long from, long count, int perSecond) {
    thread = new Thread(() -> {
      try (TweetProducer p = new TweetProducer(settings)) {
        p.onFailure((t, e) -> failure.compareAndSet(null, e));
        long start = System.nanoTime();
        for (long i = 0; i < count && !stop; i++) {
          long due = start + i * 1_000_000_000L / perSecond;
          long wait = due - System.nanoTime();
          if (wait > 0) {
            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
          }
          Tweet t = source.tweet(from + i);
          p.send(t);
          sent.add(t);
        }
        p.flush();
      } catch (Throwable t) {
        failure.compareAndSet(null, t);
      }
    }, "feed");
    thread.start();
  }

  /** Waits until every tweet is sent and acknowledged; returns them in sending order. */
  public List<Tweet> finish() throws InterruptedException {
    thread.join();
    if (failure.get() != null) {
      throw new IllegalStateException("producing failed", failure.get());
    }
    return List.copyOf(sent);
  }

  public int sentSoFar() {
    return sent.size();
  }

  @Override
  public void close() throws InterruptedException {
    stop = true;
    thread.join();
  }
}
