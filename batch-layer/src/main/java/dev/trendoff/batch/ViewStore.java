package dev.trendoff.batch;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.ResultSet;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;

import dev.trendoff.core.CassandraSessions;
import dev.trendoff.core.Tables;

/**
 * The driver side of publishing a batch view version (docs/lambda.md 'Publishing a version'): the
 * pointer, the version log, the flip (a lightweight transaction) and the clean-up.
 */
public final class ViewStore {

  /** The published version and the cut it covers. */
  public record Published(long version, Cut cut) {}

  public static final String BUILDING = "building";
  public static final String PUBLISHED = "published";
  public static final String SUPERSEDED = "superseded";

  private final CqlSession session;
  private final int concurrency;

  /** @param session bound to the trendoff keyspace */
  public ViewStore(CqlSession session, int concurrency) {
    this.session = session;
    this.concurrency = concurrency;
  }

  /** The pointer {@code view_pointer['current']}, if any version was ever published. */
  public Optional<Published> current() {
    Row r = session.execute(SimpleStatement.newInstance(
        "SELECT version, cut FROM " + Tables.VIEW_POINTER + " WHERE name = ?", Tables.CURRENT_POINTER)).one();
    if (r == null || r.isNull("version")) {
      return Optional.empty();
    }
    return Optional.of(new Published(r.getLong("version"), Cut.of(r.getMap("cut", Integer.class, Long.class))));
  }

  /** A version number for a run starting now: epoch millis, strictly above the current one. */
  public static long nextVersion(Optional<Published> current, long nowMillis) {
    return current.map(p -> Math.max(nowMillis, p.version() + 1)).orElse(nowMillis);
  }

  /** Step 1: records the run as {@code building} with its cut. */
  public void begin(long version, Cut cut) {
    session.execute(CassandraSessions.asWrite(SimpleStatement.newInstance("INSERT INTO " + Tables.VIEW_VERSIONS
        + " (version, state, cut, started_at) VALUES (?, ?, ?, ?)", version, BUILDING, cut.asMap(), Instant.now())));
  }

  /**
   * Step 3: moves the pointer from {@code previous} (empty: no pointer yet) to {@code version}, in one
   * lightweight transaction. False when another recompute published since {@code previous} was read.
   */
  public boolean flip(Optional<Published> previous, long version, Cut cut) {
    ResultSet rs;
    if (previous.isEmpty()) {
      rs = session.execute(CassandraSessions.asWrite(SimpleStatement.newInstance("INSERT INTO " + Tables.VIEW_POINTER
          + " (name, version, cut, published_at) VALUES (?, ?, ?, ?) IF NOT EXISTS",
          Tables.CURRENT_POINTER, version, cut.asMap(), Instant.now())));
    } else {
      rs = session.execute(CassandraSessions.asWrite(SimpleStatement.newInstance("UPDATE " + Tables.VIEW_POINTER
          + " SET version = ?, cut = ?, published_at = ? WHERE name = ? IF version = ?",
          version, cut.asMap(), Instant.now(), Tables.CURRENT_POINTER, previous.get().version())));
    }
    return rs.wasApplied();
  }

  /** Records how a run ended and its figures. */
  public void finish(long version, String state, long tweets, long users, long words) {
    session.execute(CassandraSessions.asWrite(SimpleStatement.newInstance("UPDATE " + Tables.VIEW_VERSIONS
        + " SET state = ?, finished_at = ?, tweets = ?, users = ?, words = ? WHERE version = ?",
        state, Instant.now(), tweets, users, words, version)));
  }

  /** The state recorded for a version, if any. */
  public Optional<String> state(long version) {
    Row r = session.execute(SimpleStatement.newInstance(
        "SELECT state FROM " + Tables.VIEW_VERSIONS + " WHERE version = ?", version)).one();
    return Optional.ofNullable(r == null ? null : r.getString("state"));
  }

  /**
   * Step 4: for each user with view rows, deletes the rows of every version below {@code version}
   * (older published ones and the partial rows of killed runs). Returns the users visited.
   */
  public long deleteVersionsBelow(long version) throws InterruptedException {
    return perUser("version < ?", version);
  }

  /** A run that lost the flip: deletes its own rows. Returns the users visited. */
  public long deleteVersion(long version) throws InterruptedException {
    return perUser("version = ?", version);
  }

  private long perUser(String predicate, long version) throws InterruptedException {
    PreparedStatement delete = session.prepare("DELETE FROM " + Tables.BATCH_VIEW + " WHERE user_key = ? AND " + predicate);
    BoundedAsync async = new BoundedAsync(session, concurrency);
    long users = 0;
    for (String user : usersWithRows()) {
      async.submit(CassandraSessions.asWrite(delete.bind(user, version)));
      users++;
    }
    async.await();
    return users;
  }

  /** Every user key with rows in the batch view (a scan of partition keys only). */
  private Set<String> usersWithRows() {
    Set<String> users = new LinkedHashSet<>();
    for (Row r : session.execute("SELECT DISTINCT user_key FROM " + Tables.BATCH_VIEW)) {
      users.add(r.getString(0));
    }
    return users;
  }

  /**
   * Step 4: deletes the speed rows the published cut has absorbed ({@code kafka_offset < cut}).
   * A speed row rewritten after this (a replay) lies below the cut too and is skipped by the merge.
   * Returns the rows deleted.
   */
  public long deleteAbsorbedSpeedRows(Cut cut) throws InterruptedException {
    PreparedStatement delete = session.prepare("DELETE FROM " + Tables.SPEED_VIEW + " WHERE user_key = ? AND tweet_id = ?");
    BoundedAsync async = new BoundedAsync(session, concurrency);
    long n = 0;
    for (Row r : session.execute("SELECT user_key, tweet_id, kafka_partition, kafka_offset FROM " + Tables.SPEED_VIEW)) {
      Integer p = r.isNull(2) ? null : r.getInt(2);
      Long o = r.isNull(3) ? null : r.getLong(3);
      if (p != null && o != null && cut.covers(p, o)) {
        async.submit(CassandraSessions.asWrite(delete.bind(r.getString(0), r.getLong(1))));
        n++;
      }
    }
    async.await();
    return n;
  }

  /** A version's totals as user -> {tweets, tokens}, for tests and checks. */
  public Map<String, long[]> totals(long version) {
    Map<String, long[]> out = new java.util.TreeMap<>();
    for (String user : usersWithRows()) {
      for (Row r : chunks(user, version)) {
        out.put(user, new long[] {r.getLong("tweets"), r.getLong("tokens")});
      }
    }
    return out;
  }

  /** A user's word counts in a version (its chunks put together), for tests and checks. */
  public Map<String, Integer> words(String user, long version) {
    Map<String, Integer> out = new java.util.TreeMap<>();
    for (Row r : chunks(user, version)) {
      out.putAll(r.getMap("words", String.class, Integer.class));
    }
    return out;
  }

  private Iterable<Row> chunks(String user, long version) {
    return session.execute(SimpleStatement.newInstance("SELECT tweets, tokens, words FROM " + Tables.BATCH_VIEW
        + " WHERE user_key = ? AND version = ?", user, version));
  }
}
