package dev.trendoff.views;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.AsyncResultSet;
import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;

/**
 * The reads serving makes, prepared once per session and asynchronous: the pointer row, one user's
 * batch view version (one partition slice, its chunks put together), one user's speed rows, a
 * version's corpus, and where the copies of a tweet came in (a point read of the master table's copy
 * columns). How they
 * combine into one consistent answer is the serving layer's (docs/lambda.md 'The merge'). Reads run
 * at the session's default consistency (trendoff.cassandra.read-consistency for sessions of
 * {@code CassandraSessions}). Thread-safe.
 */
public final class ViewReads {

  private final CqlSession session;
  private final PreparedStatement pointer;
  private final PreparedStatement batchChunks;
  private final PreparedStatement speedRows;
  private final PreparedStatement corpus;
  private final PreparedStatement copiesOfMany;

  public ViewReads(CqlSession session, String keyspace) {
    this.session = session;
    this.pointer = session.prepare(ViewStore.selectPointer(keyspace));
    this.batchChunks = session.prepare(BatchViewChunks.selectLatest(keyspace));
    this.speedRows = session.prepare(SpeedView.selectUser(keyspace));
    this.corpus = session.prepare(CorpusChunks.selectVersion(keyspace));
    this.copiesOfMany = session.prepare(TweetCopies.selectMany(keyspace));
  }

  /** The pointer row readers follow; {@link ViewPointer#NONE} when no version was ever published. */
  public CompletableFuture<ViewPointer> pointer() {
    return all(pointer.bind(ViewTables.CURRENT), ViewStore::pointer)
        .thenApply(rows -> rows.isEmpty() ? ViewPointer.NONE : rows.get(0));
  }

  /**
   * {@code user}'s batch view in {@code version}: the rows of the latest version at or below it that
   * has rows for the user (a run writes rows only for the users it touched), its chunks put together;
   * empty when it has none.
   */
  public CompletableFuture<BatchSide> batch(String user, long version) {
    return latest(user, version).thenApply(LatestRows::side);
  }

  /**
   * {@code user}'s rows that serving reads in {@code version}, and which version wrote them
   * ({@link LatestRows#NONE} when the user has none): what an incremental recompute adds to, and the
   * version whose older rows the user's new rows replace.
   */
  public CompletableFuture<LatestRows> latest(String user, long version) {
    return firstVersion(batchChunks.bind(user, version).setPageSize(16)).thenApply(chunks -> {
      if (chunks.isEmpty()) {
        return LatestRows.NONE;
      }
      Map<String, Long> words = new HashMap<>();
      for (Row r : chunks) {
        r.getMap("words", String.class, Integer.class).forEach((w, n) -> words.put(w, n.longValue()));
      }
      Row first = chunks.get(0);
      return new LatestRows(first.getLong("version"), new BatchSide(first.getLong("tweets"), first.getLong("tokens"), words));
    });
  }

  /** A user's rows as serving reads them in some version, and the version that wrote them (0: none). */
  public record LatestRows(long version, BatchSide side) {
    public static final LatestRows NONE = new LatestRows(0, BatchSide.EMPTY);
  }

  /** The corpus of {@code version}, its chunks put together; empty when it has none. */
  public CompletableFuture<Corpus> corpus(long version) {
    return all(corpus.bind(version), r -> r.getMap("words", String.class, Long.class)).thenApply(chunks -> {
      Map<String, Long> words = new HashMap<>();
      chunks.forEach(words::putAll);
      return Corpus.of(version, words);
    });
  }

  /**
   * Where the copies of each of {@code tweetIds} came in (one read: {@code IN}, for a merge or a recompute
   * that asks about many); ids the master table does not hold are missing from the result.
   */
  public CompletableFuture<List<TweetCopies>> copies(List<Long> tweetIds) {
    return all(copiesOfMany.bind(tweetIds), TweetCopies::of);
  }

  /** The rows of a latest-first result that belong to its first version (fetching more pages only while they do). */
  private CompletableFuture<List<Row>> firstVersion(BoundStatement stmt) {
    List<Row> out = new ArrayList<>();
    return session.executeAsync(stmt).thenCompose(rs -> sameVersion(rs, out)).toCompletableFuture();
  }

  private static CompletionStage<List<Row>> sameVersion(AsyncResultSet rs, List<Row> out) {
    for (Row r : rs.currentPage()) {
      if (!out.isEmpty() && r.getLong("version") != out.get(0).getLong("version")) {
        return CompletableFuture.completedFuture(out);
      }
      out.add(r);
    }
    if (rs.hasMorePages()) {
      return rs.fetchNextPage().thenCompose(next -> sameVersion(next, out));
    }
    return CompletableFuture.completedFuture(out);
  }

  /** Every speed row of {@code user}, below and above any cut. */
  public CompletableFuture<List<SpeedRow>> speedRows(String user) {
    return all(speedRows.bind(user), SpeedView::row);
  }

  /** Every row of a (paged) result, mapped, asynchronously. */
  private <T> CompletableFuture<List<T>> all(BoundStatement stmt, Function<Row, T> map) {
    List<T> out = new ArrayList<>();
    return session.executeAsync(stmt).thenCompose(rs -> drain(rs, map, out)).toCompletableFuture();
  }

  private static <T> CompletionStage<List<T>> drain(AsyncResultSet rs, Function<Row, T> map, List<T> out) {
    for (Row r : rs.currentPage()) {
      out.add(map.apply(r));
    }
    if (rs.hasMorePages()) {
      return rs.fetchNextPage().thenCompose(next -> drain(next, map, out));
    }
    return CompletableFuture.completedFuture(out);
  }
}
