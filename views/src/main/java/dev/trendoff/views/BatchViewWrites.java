package dev.trendoff.views;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.datastax.oss.driver.api.core.ConsistencyLevel;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.BatchStatement;
import com.datastax.oss.driver.api.core.cql.BatchType;
import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;

import dev.trendoff.core.BoundedAsync;
import dev.trendoff.core.TweetChecks;

/**
 * Writes batch view rows ({@link BatchViewWords}) through a driver session: the rows of one partition
 * as unlogged batches (one mutation each), asynchronous with at most {@code concurrency} in flight.
 * The full recompute uses it in every Spark task with the connector's session, the incremental one on
 * the driver, fixtures and benchmarks with their own. Rows of a version are invisible to readers until
 * the pointer names the version.
 */
public final class BatchViewWrites {

  /** The most statements in one batch. */
  static final int STATEMENTS_PER_BATCH = 2048;
  /**
   * The most bytes of keys in one batch: a batch of one partition is one mutation, and Cassandra refuses
   * a mutation over half its commit log segment (16 MiB by default); a word can be 32 KiB long.
   */
  static final int BYTES_PER_BATCH = 1024 * 1024;

  private final PreparedStatement insertWord;
  private final PreparedStatement insertTotals;
  private final PreparedStatement deleteOlder;
  private final ConsistencyLevel consistency;
  private final BoundedAsync async;
  private long rows;

  public BatchViewWrites(CqlSession session, String keyspace, ConsistencyLevel consistency, int concurrency) {
    this.insertWord = session.prepare(BatchViewWords.insertWord(keyspace));
    this.insertTotals = session.prepare(BatchViewWords.insertTotals(keyspace));
    this.deleteOlder = session.prepare(BatchViewWords.delete(keyspace, "version < ?"));
    this.consistency = consistency;
    this.async = new BoundedAsync(session, concurrency);
  }

  /**
   * Sends the rows of {@code user}'s counts in {@code version}, a full run's (the version is its own
   * base): its totals row and one row per word.
   */
  public void write(String user, long version, long tweets, long tokens, Map<String, ? extends Number> words)
      throws InterruptedException {
    replace(version, BatchViewWords.rows(user, version, tweets, tokens, words), Map.of());
  }

  /**
   * Sends {@code rows} (of one version, any users) into the partitions of {@code base}, each with one
   * range delete of its key's rows older than the version it replaces ({@code replacing}: the version
   * whose row serving reads until this one is published; none: no delete), which no reader needs any
   * more: an incremental recompute's clean-up done in the same write (docs/lambda.md 'Incremental
   * recomputes'). The replaced rows stay for readers of the pointer before the flip, until the key's
   * next version replaces them. One bucket's rows go in as few mutations as the batch bounds allow.
   */
  public void replace(long base, Collection<ViewRow> rows, Map<ViewRow.Key, Long> replacing) throws InterruptedException {
    Map<Integer, List<ViewRow>> byBucket = new TreeMap<>();
    for (ViewRow r : rows) {
      byBucket.computeIfAbsent(BatchViewWords.bucket(r.user()), b -> new ArrayList<>()).add(r);
    }
    for (Map.Entry<Integer, List<ViewRow>> bucket : byBucket.entrySet()) {
      List<BoundStatement> batch = new ArrayList<>();
      int bytes = 0;
      for (ViewRow r : bucket.getValue()) {
        int b = TweetChecks.utf8Length(r.user()) + TweetChecks.utf8Length(r.word()) + 64;
        if (!batch.isEmpty() && (batch.size() + 2 > STATEMENTS_PER_BATCH || bytes + 2 * b > BYTES_PER_BATCH)) {
          send(batch);
          batch = new ArrayList<>();
          bytes = 0;
        }
        int bucketOf = bucket.getKey();
        batch.add(r.totals()
            ? insertTotals.bind(base, bucketOf, r.user(), r.version(), r.tweets(), r.tokens())
            : insertWord.bind(base, bucketOf, r.user(), r.word(), r.version(), r.count()));
        Long older = replacing.get(r.key());
        if (older != null) {
          batch.add(deleteOlder.bind(base, bucketOf, BatchViewWords.kind(r.word()), r.user(), r.word(), older));
        }
        bytes += 2 * b;
        this.rows++;
      }
      send(batch);
    }
  }

  private void send(List<BoundStatement> batch) throws InterruptedException {
    if (!batch.isEmpty()) {
      async.submit(BatchStatement.newInstance(BatchType.UNLOGGED).addAll(batch).setConsistencyLevel(consistency)
          .setIdempotent(true));
    }
  }

  /** Waits until every row sent is written (throws the first failure); returns the rows written. */
  public long await() throws InterruptedException {
    async.await();
    return rows;
  }
}
