package dev.trendoff.producer;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import dev.trendoff.formats.ParseResult;

/**
 * What a live source's connection thread has read and the run has not taken yet, and what it passed
 * over (keep-alives, notices) by kind: the hand-over between the stream's thread and the run's
 * ({@link TwitterSource}, {@link dev.trendoff.producer.x.XStreamSource}). A full queue holds the stream
 * back: Kafka slower than the stream slows the reading, nothing is dropped.
 */
public final class LiveRecords {

  private final BlockingQueue<ParseResult> queue;
  private final Map<String, LongAdder> skipped = new ConcurrentHashMap<>();

  public LiveRecords(int capacity) {
    this.queue = new ArrayBlockingQueue<>(capacity);
  }

  /** Puts {@code r}, waiting while the queue is full, unless {@code stopped} says so first. */
  public void offer(ParseResult r, BooleanSupplier stopped) {
    try {
      while (!stopped.getAsBoolean() && !queue.offer(r, 100, TimeUnit.MILLISECONDS)) {
        // the run is slower than the stream: hold the stream back
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** One more record of {@code kind} passed over. */
  public void count(String kind) {
    skipped.computeIfAbsent(kind, k -> new LongAdder()).increment();
  }

  /**
   * The next record, waiting for one; null once {@code stopped} and nothing is waiting. When
   * {@code fatal} has something (the stream cannot go on) and nothing is waiting, that is thrown.
   */
  public ParseResult next(BooleanSupplier stopped, Supplier<RuntimeException> fatal) {
    try {
      while (true) {
        ParseResult r = queue.poll(100, TimeUnit.MILLISECONDS);
        if (r != null) {
          return r;
        }
        RuntimeException f = fatal.get();
        if (f != null) {
          throw f;
        }
        if (stopped.getAsBoolean()) {
          return null;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  /** What was passed over, by kind. */
  public Map<String, Long> skipped() {
    Map<String, Long> m = new TreeMap<>();
    skipped.forEach((k, v) -> m.put(k, v.sum()));
    return m;
  }
}
