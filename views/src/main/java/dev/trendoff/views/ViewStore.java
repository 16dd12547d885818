package dev.trendoff.views;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.ResultSet;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;

import dev.trendoff.core.BoundedAsync;
import dev.trendoff.core.CassandraSessions;

/**
 * The driver side of publishing a batch view version (docs/lambda.md 'Publishing a version'): the
 * pointer, the version log, the flip (a lightweight transaction) and the clean-up. Also the named
 * marker rows tools keep beside the pointer. Writes run at the write consistency
 * ({@link CassandraSessions#asWrite}), reads at the session's default.
 */
public final class ViewStore {

  public static final String BUILDING = "building";
  public static final String PUBLISHED = "published";
  public static final String SUPERSEDED = "superseded";

  private final CqlSession session;
  private final String keyspace;
  private final int concurrency;

  /** @param concurrency clean-up statements in flight at once */
  public ViewStore(CqlSession session, String keyspace, int concurrency) {
    this.session = session;
    this.keyspace = keyspace;
    this.concurrency = concurrency;
  }

  static String selectPointer(String keyspace) {
    return "SELECT version, cut, published_at FROM " + ViewTables.in(keyspace, ViewTables.VIEW_POINTER) + " WHERE name = ?";
  }

  /** A pointer row as read by {@link #selectPointer}; {@link ViewPointer#NONE} when it names no version. */
  static ViewPointer pointer(Row r) {
    if (r == null || r.isNull("version")) {
      return ViewPointer.NONE;
    }
    return new ViewPointer(r.getLong("version"), Cut.of(r.getMap("cut", Integer.class, Long.class)),
        r.getInstant("published_at"));
  }

  /** The pointer readers follow; {@link ViewPointer#NONE} if no version was ever published. */
  public ViewPointer current() {
    return pointer(session.execute(SimpleStatement.newInstance(selectPointer(keyspace), ViewTables.CURRENT)).one());
  }

  /** Step 1: records the run as {@code building} with its cut. */
  public void begin(long version, Cut cut) {
    session.execute(CassandraSessions.asWrite(SimpleStatement.newInstance("INSERT INTO " + versions()
        + " (version, state, cut, started_at) VALUES (?, ?, ?, ?)", version, BUILDING, cut.asMap(), Instant.now())));
  }

  /**
   * Step 3: moves the pointer from {@code previous} ({@link ViewPointer#NONE}: no pointer yet) to
   * {@code version}, in one lightweight transaction. False when another recompute published since
   * {@code previous} was read.
   */
  public boolean flip(ViewPointer previous, long version, Cut cut) {
    ResultSet rs;
    if (!previous.exists()) {
      rs = session.execute(CassandraSessions.asWrite(SimpleStatement.newInstance("INSERT INTO " + pointers()
          + " (name, version, cut, published_at) VALUES (?, ?, ?, ?) IF NOT EXISTS",
          ViewTables.CURRENT, version, cut.asMap(), Instant.now())));
    } else {
      rs = session.execute(CassandraSessions.asWrite(SimpleStatement.newInstance("UPDATE " + pointers()
          + " SET version = ?, cut = ?, published_at = ? WHERE name = ? IF version = ?",
          version, cut.asMap(), Instant.now(), ViewTables.CURRENT, previous.version())));
    }
    return rs.wasApplied();
  }

  /** Records how a run ended and its figures. */
  public void finish(long version, String state, long tweets, long users, long words) {
    session.execute(CassandraSessions.asWrite(SimpleStatement.newInstance("UPDATE " + versions()
        + " SET state = ?, finished_at = ?, tweets = ?, users = ?, words = ? WHERE version = ?",
        state, Instant.now(), tweets, users, words, version)));
  }

  /** The state recorded for a version, if any. */
  public Optional<String> state(long version) {
    Row r = session.execute(SimpleStatement.newInstance(
        "SELECT state FROM " + versions() + " WHERE version = ?", version)).one();
    return Optional.ofNullable(r == null ? null : r.getString("state"));
  }

  /**
   * Step 4: for each user with view rows, deletes the rows of every version below {@code version}
   * (older published ones and the partial rows of killed runs), and the corpus of every such version.
   * Returns the users visited.
   */
  public long deleteVersionsBelow(long version) throws InterruptedException {
    deleteCorpora(v -> v < version);
    return perUser("version < ?", version);
  }

  /** A run that lost the flip: deletes its own rows and corpus. Returns the users visited. */
  public long deleteVersion(long version) throws InterruptedException {
    deleteCorpora(v -> v == version);
    return perUser("version = ?", version);
  }

  private void deleteCorpora(java.util.function.LongPredicate which) throws InterruptedException {
    PreparedStatement delete = session.prepare(CorpusChunks.deleteVersion(keyspace));
    BoundedAsync async = new BoundedAsync(session, concurrency);
    for (Row r : session.execute(CorpusChunks.distinctVersions(keyspace))) {
      if (which.test(r.getLong(0))) {
        async.submit(CassandraSessions.asWrite(delete.bind(r.getLong(0))));
      }
    }
    async.await();
  }

  /** A version's corpus (all users' word counts), for tests and checks. */
  public Map<String, Long> corpus(long version) {
    Map<String, Long> out = new TreeMap<>();
    for (Row r : session.execute(SimpleStatement.newInstance(CorpusChunks.selectVersion(keyspace), version))) {
      out.putAll(r.getMap("words", String.class, Long.class));
    }
    return out;
  }

  private long perUser(String predicate, long version) throws InterruptedException {
    PreparedStatement delete = session.prepare(BatchViewChunks.delete(keyspace, predicate));
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
    for (Row r : session.execute(BatchViewChunks.distinctUsers(keyspace))) {
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
    PreparedStatement delete = session.prepare(SpeedView.delete(keyspace));
    BoundedAsync async = new BoundedAsync(session, concurrency);
    long n = 0;
    for (Row r : session.execute(SpeedView.scanPositions(keyspace))) {
      Integer p = SpeedView.partition(r);
      Long o = SpeedView.offset(r);
      if (p != null && o != null && cut.covers(p, o)) {
        async.submit(CassandraSessions.asWrite(delete.bind(r.getString("user_key"), r.getLong("tweet_id"))));
        n++;
      }
    }
    async.await();
    return n;
  }

  /** A speed row as stored, with when it was last written (microseconds since the epoch). */
  public record StoredSpeedRow(SpeedRow row, long writtenMicros) {}

  /** Every speed row with its write time (a full scan: for tests and checks on small tables). */
  public List<StoredSpeedRow> speedRowsWritten() {
    List<StoredSpeedRow> out = new ArrayList<>();
    for (Row r : session.execute(SpeedView.scanWithWriteTime(keyspace))) {
      out.add(new StoredSpeedRow(ViewReads.speedRow(r), r.getLong("written")));
    }
    return out;
  }

  /** A version's totals as user -> {tweets, tokens}, for tests and checks. */
  public Map<String, long[]> totals(long version) {
    Map<String, long[]> out = new TreeMap<>();
    for (String user : usersWithRows()) {
      for (Row r : chunks(user, version)) {
        out.put(user, new long[] {r.getLong("tweets"), r.getLong("tokens")});
      }
    }
    return out;
  }

  /** A user's word counts in a version (its chunks put together), for tests and checks. */
  public Map<String, Integer> words(String user, long version) {
    Map<String, Integer> out = new TreeMap<>();
    for (Row r : chunks(user, version)) {
      out.putAll(r.getMap("words", String.class, Integer.class));
    }
    return out;
  }

  /** How many rows the batch view holds, all versions (a full count: for checks on small tables and benchmarks). */
  public long batchViewRows() {
    return session.execute(SimpleStatement.newInstance("SELECT count(*) FROM " + ViewTables.in(keyspace, ViewTables.BATCH_VIEW))
        .setTimeout(java.time.Duration.ofMinutes(5))).one().getLong(0);
  }

  private Iterable<Row> chunks(String user, long version) {
    return session.execute(SimpleStatement.newInstance(BatchViewChunks.selectVersion(keyspace), user, version));
  }

  /**
   * A named row beside the pointer that a tool keeps for itself (a benchmark's data-set id), never
   * {@code 'current'} or the lease; empty when absent.
   */
  public Optional<Long> marker(String name) {
    checkMarkerName(name);
    Row r = session.execute(SimpleStatement.newInstance(
        "SELECT version FROM " + pointers() + " WHERE name = ?", name)).one();
    return Optional.ofNullable(r == null || r.isNull(0) ? null : r.getLong(0));
  }

  public void setMarker(String name, long value) {
    checkMarkerName(name);
    session.execute(CassandraSessions.asWrite(SimpleStatement.newInstance(
        "INSERT INTO " + pointers() + " (name, version) VALUES (?, ?)", name, value)));
  }

  private static void checkMarkerName(String name) {
    if (name.equals(ViewTables.CURRENT) || name.equals(RecomputeLease.NAME)) {
      throw new IllegalArgumentException("not a marker name: " + name);
    }
  }

  /** Empties every derived table (for a benchmark that rebuilds its own keyspace). */
  public void truncateAll() {
    for (String t : ViewTables.ALL) {
      session.execute(SimpleStatement.newInstance("TRUNCATE " + ViewTables.in(keyspace, t))
          .setTimeout(java.time.Duration.ofSeconds(60)));
    }
  }

  private String versions() {
    return ViewTables.in(keyspace, ViewTables.VIEW_VERSIONS);
  }

  private String pointers() {
    return ViewTables.in(keyspace, ViewTables.VIEW_POINTER);
  }
}
