package dev.trendoff.http;

import java.time.Duration;
import java.util.function.Supplier;

import dev.trendoff.serving.StatusReport;

/**
 * {@code /api/status} reads the status (consumer lag, a scan of each table's key column) at most once
 * every {@code trendoff.http.status-cache}; requests in between get the last report, and requests that
 * arrive while it is read wait for that one read.
 */
final class StatusCache {

  private final Supplier<StatusReport> read;
  private final long maxAgeNanos;
  private StatusReport last;
  private long readAt;

  StatusCache(Supplier<StatusReport> read, Duration maxAge) {
    this.read = read;
    this.maxAgeNanos = maxAge.toNanos();
  }

  synchronized StatusReport get() {
    if (last == null || System.nanoTime() - readAt > maxAgeNanos) {
      last = read.get();
      readAt = System.nanoTime();
    }
    return last;
  }
}
