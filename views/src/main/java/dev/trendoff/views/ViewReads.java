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
import com.datastax.oss.driver.api.core.data.TupleValue;
import com.datastax.oss.driver.api.core.type.DataTypes;
import com.datastax.oss.driver.api.core.type.TupleType;

/**
 * The reads serving makes, prepared once per session and asynchronous: the pointer row, one user's
 * batch view in a version (one slice of its bucket's partition, the latest row of each word), one user's speed rows, a
 * version's corpus, and where the copies of a tweet came in (a point read of the master table's copy
 * columns). How they
 * combine into one consistent answer is the serving layer's (docs/lambda.md 'The merge'). Reads run
 * at the session's default consistency (trendoff.cassandra.read-consistency for sessions of
 * {@code CassandraSessions}). Thread-safe.
 */
public final class ViewReads {

  private final CqlSession session;
  private final PreparedStatement pointer;
  private final PreparedStatement userRows;
  private final PreparedStatement keyRows;
  private final PreparedStatement speedRows;
  private final PreparedStatement corpus;
  private final PreparedStatement copiesOfMany;

  public ViewReads(CqlSession session, String keyspace) {
    this.session = session;
    this.pointer = session.prepare(ViewStore.selectPointer(keyspace));
    this.userRows = session.prepare(BatchViewWords.selectUser(keyspace));
    this.keyRows = session.prepare(BatchViewWords.selectKeys(keyspace));
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
   * {@code user}'s batch view in {@code version} (whose run builds on the full run {@code base}): for
   * each word, and for the totals, the row of the latest version at or below it (a run writes only the
   * rows whose counts changed); empty when the user has none.
   */
  public CompletableFuture<BatchSide> batch(String user, long base, long version) {
    SideBuilder side = new SideBuilder(version);
    return session.executeAsync(userRows.bind(base, BatchViewWords.bucket(user), user).setPageSize(5000))
        .thenCompose(rs -> side.drain(rs)).toCompletableFuture();
  }

  /**
   * A user's side from its rows in the read's order (kind, word, the latest version first): each key's
   * first row at or below the version, without building a row object per row (serving reads every row
   * of the user on every query).
   */
  private static final class SideBuilder {
    private final long version;
    private final Map<String, Long> words = new HashMap<>();
    private long tweets;
    private long tokens;
    private int lastKind = -1;
    private String lastWord;

    SideBuilder(long version) {
      this.version = version;
    }

    CompletionStage<BatchSide> drain(AsyncResultSet rs) {
      for (Row r : rs.currentPage()) {
        if (r.getLong(2) > version) {
          continue;
        }
        int kind = r.getInt(0);
        String word = r.getString(1);
        if (kind == lastKind && word.equals(lastWord)) {
          continue; // an older row of a key already taken
        }
        lastKind = kind;
        lastWord = word;
        if (kind == BatchViewWords.TOTALS) {
          tweets = r.getLong(4);
          tokens = r.getLong(5);
        } else {
          words.put(word, r.getLong(3));
        }
      }
      if (rs.hasMorePages()) {
        return rs.fetchNextPage().thenCompose(this::drain);
      }
      return CompletableFuture.completedFuture(new BatchSide(tweets, tokens, words));
    }
  }

  /**
   * The rows of {@code keys} (users of bucket {@code bucket}, and words or {@link ViewRow#TOTALS}) in the
   * partition of {@code base}, every version stored: what an incremental recompute adds to, and the
   * versions its rows replace. One read.
   */
  public CompletableFuture<List<ViewRow>> rows(long base, int bucket, List<ViewRow.Key> keys) {
    List<TupleValue> tuples = new ArrayList<>(keys.size());
    for (ViewRow.Key k : keys) {
      tuples.add(KEY.newValue(BatchViewWords.kind(k.word()), k.user(), k.word()));
    }
    return all(keyRows.bind(base, bucket, tuples).setPageSize(5000), r -> BatchViewWords.row(r, null));
  }

  private static final TupleType KEY = DataTypes.tupleOf(DataTypes.INT, DataTypes.TEXT, DataTypes.TEXT);

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
