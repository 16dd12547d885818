package dev.trendoff.views;

import java.util.List;
import java.util.Map;

import com.datastax.oss.driver.api.core.ConsistencyLevel;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.BatchStatement;
import com.datastax.oss.driver.api.core.cql.BatchType;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;

import dev.trendoff.core.BoundedAsync;

/**
 * Writes users' batch view versions ({@link BatchViewChunks}) through a driver session: each user's
 * chunk rows as prepared inserts, asynchronous with at most {@code concurrency} in flight. The
 * recompute uses it in every Spark task with the connector's session; fixtures and benchmarks with
 * their own. Rows of a version are invisible to readers until the pointer names the version.
 */
public final class BatchViewWrites {

  private final PreparedStatement insert;
  private final PreparedStatement deleteBelow;
  private final ConsistencyLevel consistency;
  private final int wordsPerChunk;
  private final BoundedAsync async;
  private long rows;

  public BatchViewWrites(CqlSession session, String keyspace, ConsistencyLevel consistency, int wordsPerChunk,
      int concurrency) {
    this.insert = session.prepare(BatchViewChunks.insert(keyspace));
    this.deleteBelow = session.prepare(BatchViewChunks.delete(keyspace, "version < ?"));
    this.consistency = consistency;
    this.wordsPerChunk = wordsPerChunk;
    this.async = new BoundedAsync(session, concurrency);
  }

  /** Sends the rows of {@code user}'s version: one per chunk of its words, each with the totals. */
  public void write(String user, long version, long tweets, long tokens, Map<String, Integer> words)
      throws InterruptedException {
    List<Map<String, Integer>> chunks = BatchViewChunks.split(words, wordsPerChunk);
    for (int i = 0; i < chunks.size(); i++) {
      async.submit(insert.bind(user, version, i, tweets, tokens, chunks.get(i))
          .setConsistencyLevel(consistency).setIdempotent(true));
      rows++;
    }
  }

  /**
   * Sends the rows of {@code user}'s version as one mutation of its partition, with one range delete of
   * the rows older than {@code replacing} (the version whose rows serving reads for the user until this
   * one is published; 0: none), which no reader needs any more: an incremental recompute's clean-up done
   * in the same write (docs/lambda.md 'Incremental recomputes'). The rows of {@code replacing} stay
   * for readers of the pointer before the flip, until the user's next version replaces them.
   */
  public void replace(String user, long version, long replacing, long tweets, long tokens, Map<String, Integer> words)
      throws InterruptedException {
    List<Map<String, Integer>> chunks = BatchViewChunks.split(words, wordsPerChunk);
    BatchStatement batch = BatchStatement.newInstance(BatchType.UNLOGGED);
    if (replacing > 0) {
      batch = batch.add(deleteBelow.bind(user, replacing));
    }
    for (int i = 0; i < chunks.size(); i++) {
      batch = batch.add(insert.bind(user, version, i, tweets, tokens, chunks.get(i)));
      rows++;
    }
    async.submit(batch.setConsistencyLevel(consistency).setIdempotent(true));
  }

  /** Waits until every row sent is written (throws the first failure); returns the rows written. */
  public long await() throws InterruptedException {
    async.await();
    return rows;
  }
}
