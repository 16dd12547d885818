package dev.trendoff.views;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
 * gathered into unlogged batches (one mutation each, whichever users they are of), asynchronous with at
 * most {@code concurrency} batches in flight; a partition's last batch goes at {@link #await}.
 * The full recompute uses it in every Spark task with the connector's session, the incremental one on
 * the driver, fixtures and benchmarks with their own. Rows of a version are invisible to readers until
 * the pointer names the version.
 */
public final class BatchViewWrites {

  /** The most statements in one batch ({@link #batchesInFlight}). */
  static final int STATEMENTS_PER_BATCH = 256;
  /**
   * The most bytes of keys in one batch: a batch of one partition is one mutation, and Cassandra refuses
   * a mutation over half its commit log segment (16 MiB by default); a word can be 32 KiB long.
   */
  static final int BYTES_PER_BATCH = 1024 * 1024;

  private final PreparedStatement insertWord;
  private final PreparedStatement insertTotals;
  private final PreparedStatement deleteRow;
  private final ConsistencyLevel consistency;
  private final BoundedAsync async;
  private long rows;
  /** base -> bucket -> the statements not sent yet. */
  private final Map<Long, Map<Integer, Batches>> open = new HashMap<>();

  /**
   * The batches to keep in flight for a setting of statements in flight (trendoff.batch.write-concurrency,
   * meant for single inserts): an eighth of it, at least 1. With batches of up to
   * {@value #STATEMENTS_PER_BATCH} statements that is 16 x 256 for the default 128; 128 batches of up to
   * 2,048 statements queued past Cassandra's write timeout on 2 cores.
   */
  public static int batchesInFlight(int statementsInFlight) {
    return Math.max(1, statementsInFlight / 8);
  }

  public BatchViewWrites(CqlSession session, String keyspace, ConsistencyLevel consistency, int concurrency) {
    this.insertWord = session.prepare(BatchViewWords.insertWord(keyspace));
    this.insertTotals = session.prepare(BatchViewWords.insertTotals(keyspace));
    this.deleteRow = session.prepare(BatchViewWords.delete(keyspace, "version = ?"));
    this.consistency = consistency;
    this.async = new BoundedAsync(session, concurrency);
  }

  /**
   * Sends the rows of {@code user}'s counts in {@code version}, a full run's (the version is its own
   * base): its totals row and one row per word.
   */
  public void write(String user, long version, long tweets, long tokens, Map<String, ? extends Number> words)
      throws InterruptedException {
    replace(version, BatchViewWords.rows(user, version, tweets, tokens, words), List.of());
  }

  /**
   * Sends {@code rows} (of one version, any users) into the partitions of {@code base}, and deletes
   * {@code obsolete} there: rows older than those that the rows of the version replace, which no reader
   * needs any more once it is published (an incremental recompute's clean-up, done in the same writes:
   * docs/lambda.md 'Incremental recomputes'). The replaced rows themselves stay for readers of the
   * pointer before the flip, until their key's next version. Each partition's statements go in unlogged
   * batches of at most {@value #STATEMENTS_PER_BATCH} statements.
   */
  public void replace(long base, Collection<ViewRow> rows, Collection<ViewRow> obsolete) throws InterruptedException {
    for (ViewRow r : rows) {
      int bucket = BatchViewWords.bucket(r.user());
      batches(base, bucket).add(r.totals()
          ? insertTotals.bind(base, bucket, r.user(), r.version(), r.tweets(), r.tokens())
          : insertWord.bind(base, bucket, r.user(), r.word(), r.version(), r.count()), r);
      this.rows++;
    }
    for (ViewRow r : obsolete) {
      int bucket = BatchViewWords.bucket(r.user());
      batches(base, bucket).add(deleteRow.bind(base, bucket, BatchViewWords.kind(r.word()), r.user(), r.word(), r.version()), r);
    }
  }

  private Batches batches(long base, int bucket) {
    return open.computeIfAbsent(base, b -> new HashMap<>()).computeIfAbsent(bucket, b -> new Batches());
  }

  /** One partition's statements, sent in batches within the bounds. */
  private final class Batches {
    private List<BoundStatement> batch = new ArrayList<>();
    private int bytes;

    void add(BoundStatement stmt, ViewRow r) throws InterruptedException {
      int b = TweetChecks.utf8Length(r.user()) + TweetChecks.utf8Length(r.word()) + 64;
      if (!batch.isEmpty() && (batch.size() == STATEMENTS_PER_BATCH || bytes + b > BYTES_PER_BATCH)) {
        flush();
      }
      batch.add(stmt);
      bytes += b;
    }

    void flush() throws InterruptedException {
      if (!batch.isEmpty()) {
        async.submit(BatchStatement.newInstance(BatchType.UNLOGGED).addAll(batch).setConsistencyLevel(consistency)
            .setIdempotent(true));
        batch = new ArrayList<>();
        bytes = 0;
      }
    }
  }

  /** Sends what is left and waits until every row is written (throws the first failure); returns the rows written. */
  public long await() throws InterruptedException {
    for (Map<Integer, Batches> base : open.values()) {
      for (Batches b : base.values()) {
        b.flush();
      }
    }
    open.clear();
    async.await();
    return rows;
  }
}
