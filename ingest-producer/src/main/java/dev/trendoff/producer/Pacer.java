package dev.trendoff.producer;

import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

import dev.trendoff.avro.Tweet;

/**
 * Paces sending: as fast as possible, {@code --rate N} tweets a second, or {@code --speedup X}: the
 * tweets' own timing replayed X times faster (a tweet created earlier than the first one goes at once).
 */
public final class Pacer {

  /** Waits; injectable for tests. */
  interface Sleeper {
    void sleepNanos(long nanos) throws InterruptedException;
  }

  private static final long MAX_SLICE_NANOS = 100_000_000L;

  private final double rate;
  private final double speedup;
  private final LongSupplier clock;
  private final Sleeper sleeper;
  private long startNanos = Long.MIN_VALUE;
  private long firstCreatedMillis;
  private long count;

  Pacer(double rate, double speedup, LongSupplier nanoClock, Sleeper sleeper) {
    this.rate = rate;
    this.speedup = speedup;
    this.clock = nanoClock;
    this.sleeper = sleeper;
  }

  public static Pacer unlimited() {
    return new Pacer(0, 0, System::nanoTime, Pacer::sleep);
  }

  public static Pacer rate(double tweetsPerSecond) {
    return new Pacer(tweetsPerSecond, 0, System::nanoTime, Pacer::sleep);
  }

  public static Pacer speedup(double factor) {
    return new Pacer(0, factor, System::nanoTime, Pacer::sleep);
  }

  boolean unlimitedPace() {
    return rate <= 0 && speedup <= 0;
  }

  /** Returns when {@code tweet} is due (or at once when {@code stopped} turns true). */
  void await(Tweet tweet, BooleanSupplier stopped) throws InterruptedException {
    if (unlimitedPace()) {
      return;
    }
    long now = clock.getAsLong();
    if (startNanos == Long.MIN_VALUE) {
      startNanos = now;
      firstCreatedMillis = tweet.getCreatedAt().toEpochMilli();
    }
    long due;
    if (rate > 0) {
      due = startNanos + (long) (count * 1e9 / rate);
    } else {
      long sinceFirst = tweet.getCreatedAt().toEpochMilli() - firstCreatedMillis;
      due = startNanos + (long) (Math.max(0, sinceFirst) * 1e6 / speedup);
    }
    count++;
    while (!stopped.getAsBoolean()) {
      long wait = due - clock.getAsLong();
      if (wait <= 0) {
        return;
      }
      sleeper.sleepNanos(Math.min(wait, MAX_SLICE_NANOS));
    }
  }

  private static void sleep(long nanos) throws InterruptedException {
    Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
  }
}
