package dev.trendoff.core;

import java.util.concurrent.CompletionStage;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Statement;

/** Driver statements run asynchronously with at most {@code limit} in flight; {@link #await} waits for all. */
public final class BoundedAsync {

  private final CqlSession session;
  private final int limit;
  private final Semaphore permits;
  private final AtomicReference<Throwable> failure = new AtomicReference<>();
  private final AtomicLong done = new AtomicLong();

  public BoundedAsync(CqlSession session, int limit) {
    this.session = session;
    this.limit = limit;
    this.permits = new Semaphore(limit);
  }

  public void submit(Statement<?> statement) throws InterruptedException {
    rethrow();
    permits.acquire();
    CompletionStage<?> f = session.executeAsync(statement);
    f.whenComplete((rs, e) -> {
      if (e != null) {
        failure.compareAndSet(null, e);
      } else {
        done.incrementAndGet();
      }
      permits.release();
    });
  }

  /** Waits for every submitted statement; throws the first failure. Returns how many succeeded. */
  public long await() throws InterruptedException {
    permits.acquire(limit);
    permits.release(limit);
    rethrow();
    return done.get();
  }

  private void rethrow() {
    Throwable t = failure.get();
    if (t != null) {
      throw new IllegalStateException("a Cassandra statement failed: " + t.getMessage(), t);
    }
  }
}
