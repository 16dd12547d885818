package dev.trendoff.producer;

import java.time.Duration;

/**
 * How long a live source waits before it reconnects, as X's filtered stream documentation asks
 * ("Handling disconnections"): after a connection that was up drops, at once; after a network error
 * (refused, reset, stalled), 1, 2, 3 ... times {@code networkStep} up to {@code networkMax}; after an
 * HTTP error worth retrying, {@code httpStart} doubling up to {@code httpMax}; after HTTP 429 (too many
 * requests), {@code rateLimitStart} doubling up to {@code rateLimitMax}. A connection that comes up
 * resets every count. Not thread-safe: one connection loop owns it.
 */
public final class Backoff {

  /** What went wrong. */
  public enum Failure { NETWORK, HTTP, RATE_LIMIT }

  private final Duration networkStep;
  private final Duration networkMax;
  private final Duration httpStart;
  private final Duration httpMax;
  private final Duration rateLimitStart;
  private final Duration rateLimitMax;
  private int network;
  private int http;
  private int rateLimited;

  public Backoff(Duration networkStep, Duration networkMax, Duration httpStart, Duration httpMax,
      Duration rateLimitStart, Duration rateLimitMax) {
    this.networkStep = networkStep;
    this.networkMax = networkMax;
    this.httpStart = httpStart;
    this.httpMax = httpMax;
    this.rateLimitStart = rateLimitStart;
    this.rateLimitMax = rateLimitMax;
  }

  /** The wait before the next attempt after {@code failure}. */
  public Duration after(Failure failure) {
    return switch (failure) {
      case NETWORK -> min(networkStep.multipliedBy(++network), networkMax);
      case HTTP -> doubled(httpStart, ++http, httpMax);
      case RATE_LIMIT -> doubled(rateLimitStart, ++rateLimited, rateLimitMax);
    };
  }

  /** The wait after a connection that was up has dropped: none, and the counts start again. */
  public Duration afterDrop() {
    connected();
    return Duration.ZERO;
  }

  /** A connection came up. */
  public void connected() {
    network = 0;
    http = 0;
    rateLimited = 0;
  }

  private static Duration doubled(Duration start, int attempt, Duration max) {
    Duration d = start;
    for (int i = 1; i < attempt && d.compareTo(max) < 0; i++) {
      d = d.multipliedBy(2);
    }
    return min(d, max);
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  /** Sleeps {@code d} in short steps, returning early (false) once {@code stopped} says so. */
  public static boolean sleep(Duration d, java.util.function.BooleanSupplier stopped) {
    long end = System.nanoTime() + d.toNanos();
    try {
      while (!stopped.getAsBoolean()) {
        long left = end - System.nanoTime();
        if (left <= 0) {
          return true;
        }
        Thread.sleep(Math.min(100, Math.max(1, left / 1_000_000)));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return false;
  }
}
