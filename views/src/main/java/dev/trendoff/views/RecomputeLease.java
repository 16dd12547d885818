package dev.trendoff.views;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;

import dev.trendoff.core.CassandraSessions;

/**
 * A lease so that two recomputes do not both do the work: a row {@value #NAME} in
 * {@code view_pointer} written with {@code IF NOT EXISTS USING TTL}, renewed every third of the TTL
 * while the run lasts and deleted at its end. A killed run's lease expires by itself. Only an
 * optimisation: the flip's lightweight transaction is what guarantees a single publisher.
 */
public final class RecomputeLease implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(RecomputeLease.class);

  /** The lease row's name in view_pointer (serving reads only the pointer {@code current}). */
  public static final String NAME = "recompute-lease";

  private final CqlSession session;
  private final String table;
  private final long holder;
  private final int ttlSeconds;
  private final ScheduledExecutorService renewer;

  private RecomputeLease(CqlSession session, String keyspace, long holder, int ttlSeconds) {
    this.session = session;
    this.table = table(keyspace);
    this.holder = holder;
    this.ttlSeconds = ttlSeconds;
    this.renewer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "recompute-lease-renewal");
      t.setDaemon(true);
      return t;
    });
    long every = Math.max(1, ttlSeconds * 1000L / 3);
    renewer.scheduleAtFixedRate(this::renew, every, every, TimeUnit.MILLISECONDS);
  }

  /** Takes the lease for {@code holder} (the run's version), or says who holds it. */
  public static Optional<RecomputeLease> tryAcquire(CqlSession session, String keyspace, long holder, Duration ttl) {
    int seconds = (int) Math.max(1, ttl.toSeconds());
    Row r = session.execute(CassandraSessions.asWrite(SimpleStatement.newInstance("INSERT INTO " + table(keyspace)
        + " (name, version, published_at) VALUES (?, ?, ?) IF NOT EXISTS USING TTL " + seconds,
        NAME, holder, Instant.now()))).one();
    if (r != null && r.getBoolean("[applied]")) {
      return Optional.of(new RecomputeLease(session, keyspace, holder, seconds));
    }
    return Optional.empty();
  }

  /** The run holding the lease now (its version), if any. */
  public static Optional<Long> holder(CqlSession session, String keyspace) {
    Row r = session.execute(SimpleStatement.newInstance(
        "SELECT version FROM " + table(keyspace) + " WHERE name = ?", NAME)).one();
    return Optional.ofNullable(r == null || r.isNull(0) ? null : r.getLong(0));
  }

  private void renew() {
    stillHeld();
  }

  /**
   * Renews the lease now; false when it was lost (expired and taken by another run, which may be
   * repairing this run's rows: docs/lambda.md 'Incremental recomputes'). True when Cassandra does not
   * answer: the pointer's LWT still decides who publishes.
   */
  public boolean stillHeld() {
    try {
      boolean ok = session.execute(CassandraSessions.asWrite(SimpleStatement.newInstance("UPDATE " + table + " USING TTL " + ttlSeconds
          + " SET version = ?, published_at = ? WHERE name = ? IF version = ?", holder, Instant.now(), NAME, holder)))
          .wasApplied();
      if (!ok) {
        LOG.warn("recompute lease of run {} was lost (expired and taken); the pointer's LWT still decides who publishes", holder);
      }
      return ok;
    } catch (RuntimeException e) {
      LOG.warn("cannot renew the recompute lease: {}", e.getMessage());
      return true;
    }
  }

  @Override
  public void close() {
    renewer.shutdownNow();
    try {
      session.execute(CassandraSessions.asWrite(SimpleStatement.newInstance("DELETE FROM " + table + " WHERE name = ? IF version = ?",
          NAME, holder)));
    } catch (RuntimeException e) {
      LOG.warn("cannot release the recompute lease (it expires by itself): {}", e.getMessage());
    }
  }

  private static String table(String keyspace) {
    return ViewTables.in(keyspace, ViewTables.VIEW_POINTER);
  }
}
