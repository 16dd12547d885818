package dev.trendoff.serving;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

import com.datastax.oss.driver.api.core.ConsistencyLevel;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.DefaultConsistencyLevel;
import com.datastax.oss.driver.api.core.cql.AsyncResultSet;
import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import dev.trendoff.core.Tables;
import dev.trendoff.core.UserKeys;

/**
 * Reads the serving views for some users and merges them exactly (docs/lambda.md 'The merge'):
 * the pointer row, each user's batch view partition for the pointer's version, each user's speed rows.
 * Prepared statements only, asynchronous reads in parallel, no Spark. Thread-safe; one per session.
 *
 * <p>Consistency with a recompute publishing at the same time: a version's rows are complete before the
 * pointer names it, and are deleted only after the pointer has moved past it (versions only grow).
 * So the reader reads the batch rows of a version it has already seen published (the last one, or the
 * pointer read first) together with the speed rows, then reads the pointer again: if it still names
 * that version, the version was current during the whole read and the answer is one consistent merge;
 * otherwise it reads again with the newer version. The clean-up only deletes speed rows below the
 * cut, which the merge does not count anyway. One query is thus two round trips once warm.
 */
public final class ServingReader {

  private static final int MAX_ATTEMPTS = 5;

  private final CqlSession session;
  private final ConsistencyLevel consistency;
  private final Clock clock;
  private final PreparedStatement pointer;
  private final PreparedStatement batchChunks;
  private final PreparedStatement speedRows;
  /** The last pointer seen: published, so its rows are complete. */
  private volatile ViewPointer lastSeen;

  public ServingReader(CqlSession session, String keyspace, String readConsistency) {
    this(session, keyspace, readConsistency, Clock.systemUTC());
  }

  public ServingReader(CqlSession session, String keyspace, String readConsistency, Clock clock) {
    this.session = session;
    this.consistency = DefaultConsistencyLevel.valueOf(readConsistency.strip().toUpperCase(java.util.Locale.ROOT));
    this.clock = clock;
    String ks = keyspace + ".";
    this.pointer = session.prepare("SELECT version, cut, published_at FROM " + ks + Tables.VIEW_POINTER + " WHERE name = ?");
    this.batchChunks = session.prepare(
        "SELECT tweets, tokens, words FROM " + ks + Tables.BATCH_VIEW + " WHERE user_key = ? AND version = ?");
    this.speedRows = session.prepare(
        "SELECT tweet_id, kafka_partition, kafka_offset, words, tokens FROM " + ks + Tables.SPEED_VIEW + " WHERE user_key = ?");
  }

  /** Both views merged for each of {@code screenNames} (keyed by {@link UserKeys#of}), in the order given. */
  public ViewsRead read(List<String> screenNames) {
    List<String> keys = screenNames.stream().map(UserKeys::of).toList();
    ViewPointer view = lastSeen;
    if (view == null) {
      view = join(readPointer());
    }
    for (int attempt = 1; ; attempt++) {
      ViewsRead r = join(readOnce(keys, view));
      ViewPointer now = join(readPointer());
      lastSeen = now;
      if (Objects.equals(now.version(), view.version()) || attempt == MAX_ATTEMPTS) {
        return r;
      }
      view = now;
    }
  }

  /** The pointer row alone. */
  public ViewPointer currentView() {
    ViewPointer v = join(readPointer());
    lastSeen = v;
    return v;
  }

  private CompletableFuture<ViewsRead> readOnce(List<String> keys, ViewPointer v) {
    List<CompletableFuture<?>> every = new ArrayList<>();
    List<CompletableFuture<List<SpeedRow>>> speed = new ArrayList<>();
    List<CompletableFuture<BatchSide>> batch = new ArrayList<>();
    for (String k : keys) {
      speed.add(all(bind(speedRows, k), ServingReader::speedRow));
      batch.add(v.exists() ? readBatch(k, v.version()) : CompletableFuture.completedFuture(BatchSide.EMPTY));
    }
    every.addAll(speed);
    every.addAll(batch);
    return CompletableFuture.allOf(every.toArray(CompletableFuture[]::new)).thenApply(ignored -> {
      List<UserWords> users = new ArrayList<>();
      for (int i = 0; i < keys.size(); i++) {
        users.add(Merge.merge(keys.get(i), v, batch.get(i).join(), speed.get(i).join()));
      }
      return new ViewsRead(v, users, clock.instant());
    });
  }

  private CompletableFuture<ViewPointer> readPointer() {
    return all(bind(pointer, Tables.CURRENT_POINTER), r -> new ViewPointer(
        r.getLong("version"), r.getMap("cut", Integer.class, Long.class), r.getInstant("published_at")))
        .thenApply(rows -> rows.isEmpty() || rows.get(0).version() == null ? ViewPointer.NONE : rows.get(0));
  }

  /** A user's batch view in {@code version}: one partition slice, its chunks put together. */
  private CompletableFuture<BatchSide> readBatch(String key, long version) {
    return all(bind(batchChunks, key, version), r -> r).thenApply(chunks -> {
      if (chunks.isEmpty()) {
        return BatchSide.EMPTY;
      }
      Map<String, Long> words = new HashMap<>();
      for (Row r : chunks) {
        r.getMap("words", String.class, Integer.class).forEach((w, n) -> words.put(w, n.longValue()));
      }
      Row first = chunks.get(0);
      return new BatchSide(first.getLong("tweets"), first.getLong("tokens"), words);
    });
  }

  private static SpeedRow speedRow(Row r) {
    return new SpeedRow(r.getLong("tweet_id"),
        r.isNull("kafka_partition") ? null : r.getInt("kafka_partition"),
        r.isNull("kafka_offset") ? null : r.getLong("kafka_offset"),
        r.getMap("words", String.class, Integer.class), r.isNull("tokens") ? 0 : r.getInt("tokens"));
  }

  private BoundStatement bind(PreparedStatement ps, Object... values) {
    return ps.bind(values).setConsistencyLevel(consistency);
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

  private static <T> T join(CompletableFuture<T> f) {
    try {
      return f.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      throw e;
    }
  }
}
