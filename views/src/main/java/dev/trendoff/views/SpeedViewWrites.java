package dev.trendoff.views;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Semaphore;

import com.datastax.oss.driver.api.core.ConsistencyLevel;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.BatchStatement;
import com.datastax.oss.driver.api.core.cql.BatchType;
import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Statement;

/**
 * Writes speed-view rows through a driver session: each user's rows as unlogged batches of prepared
 * inserts (one partition, so one mutation each), a user's batches one after the other in offset
 * order, different users concurrently (at most {@code maxInFlight} at a time).
 * {@link #write} returns when every write has succeeded and throws if any failed.
 * Inserts are upserts keyed by (user, topic, partition, offset): writing the same rows again changes nothing.
 */
public final class SpeedViewWrites {

  private final CqlSession session;
  private final PreparedStatement insert;
  private final ConsistencyLevel consistency;
  private final int maxRowsPerBatch;
  private final int maxInFlight;

  public SpeedViewWrites(CqlSession session, String keyspace, ConsistencyLevel consistency, int maxRowsPerBatch,
      int maxInFlight) {
    this.session = session;
    this.insert = session.prepare(SpeedView.insert(keyspace));
    this.consistency = consistency;
    this.maxRowsPerBatch = maxRowsPerBatch;
    this.maxInFlight = maxInFlight;
  }

  /** Writes every user's rows; returns the number of statements (batches or single inserts) sent. */
  public int write(Map<String, List<SpeedRow>> byUser) {
    Semaphore permits = new Semaphore(maxInFlight);
    List<CompletableFuture<Void>> pending = new ArrayList<>();
    int statements = 0;
    for (List<SpeedRow> rows : byUser.values()) {
      List<List<SpeedRow>> chunks = batches(rows, maxRowsPerBatch);
      statements += chunks.size();
      permits.acquireUninterruptibly();
      CompletableFuture<Void> f = inOrder(chunks.iterator()).toCompletableFuture();
      f.whenComplete((v, e) -> permits.release());
      pending.add(f);
      if (f.isCompletedExceptionally()) {
        break;
      }
    }
    try {
      CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).join();
    } catch (CompletionException e) {
      throw new IllegalStateException("speed view write failed: " + e.getCause(), e.getCause());
    }
    return statements;
  }

  /**
   * The most bytes (estimated, {@link SpeedRow#estimatedBytes}) in one unlogged batch: a batch is one
   * mutation, and Cassandra refuses a mutation over half its commit log segment (16 MiB by default).
   */
  public static final int MAX_BATCH_BYTES = 1024 * 1024;

  /**
   * {@code rows} cut into consecutive runs of at most {@code maxRowsPerBatch} rows and
   * {@link #MAX_BATCH_BYTES} bytes (a row bigger than that alone): one unlogged batch each.
   */
  public static List<List<SpeedRow>> batches(List<SpeedRow> rows, int maxRowsPerBatch) {
    if (maxRowsPerBatch < 1) {
      throw new IllegalArgumentException("maxRowsPerBatch must be at least 1, got " + maxRowsPerBatch);
    }
    List<List<SpeedRow>> out = new ArrayList<>();
    int from = 0;
    int bytes = 0;
    for (int i = 0; i < rows.size(); i++) {
      int b = rows.get(i).estimatedBytes();
      if (i > from && (i - from == maxRowsPerBatch || bytes + b > MAX_BATCH_BYTES)) {
        out.add(rows.subList(from, i));
        from = i;
        bytes = 0;
      }
      bytes += b;
    }
    if (from < rows.size()) {
      out.add(rows.subList(from, rows.size()));
    }
    return out;
  }

  private CompletionStage<Void> inOrder(Iterator<List<SpeedRow>> chunks) {
    if (!chunks.hasNext()) {
      return CompletableFuture.completedFuture(null);
    }
    Statement<?> s = statement(chunks.next());
    return session.executeAsync(s).thenCompose(rs -> inOrder(chunks));
  }

  Statement<?> statement(List<SpeedRow> rows) {
    if (rows.size() == 1) {
      return bind(rows.get(0)).setConsistencyLevel(consistency).setIdempotent(true);
    }
    List<BoundStatement> bound = new ArrayList<>(rows.size());
    for (SpeedRow r : rows) {
      bound.add(bind(r));
    }
    return BatchStatement.newInstance(BatchType.UNLOGGED).addAll(bound)
        .setConsistencyLevel(consistency).setIdempotent(true);
  }

  private BoundStatement bind(SpeedRow r) {
    return insert.bind(r.userKey(), r.topicId(), r.kafkaPartition(), r.kafkaOffset(), r.tweetId(), r.words(), r.tokens());
  }
}
