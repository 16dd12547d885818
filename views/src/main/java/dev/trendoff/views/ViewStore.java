package dev.trendoff.views;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.datastax.oss.driver.api.core.AllNodesFailedException;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.DefaultConsistencyLevel;
import com.datastax.oss.driver.api.core.DriverTimeoutException;
import com.datastax.oss.driver.api.core.cql.BatchStatement;
import com.datastax.oss.driver.api.core.cql.BatchType;
import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.ResultSet;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import com.datastax.oss.driver.api.core.servererrors.CASWriteUnknownException;
import com.datastax.oss.driver.api.core.servererrors.ReadTimeoutException;
import com.datastax.oss.driver.api.core.servererrors.UnavailableException;
import com.datastax.oss.driver.api.core.servererrors.WriteTimeoutException;

import dev.trendoff.core.BoundedAsync;
import dev.trendoff.core.CassandraSessions;

/**
 * The driver side of publishing a batch view version (docs/lambda.md 'Publishing a version'): the
 * pointer, the version log, the flip (a lightweight transaction) and the clean-up. Also the named
 * marker rows tools keep beside the pointer. Writes run at the write consistency
 * ({@link CassandraSessions#asWrite}), reads at the session's default.
 */
public final class ViewStore {

  private static final Logger LOG = LoggerFactory.getLogger(ViewStore.class);

  public static final String BUILDING = "building";
  public static final String PUBLISHED = "published";
  public static final String SUPERSEDED = "superseded";
  /** A run whose flip timed out and that then found the pointer elsewhere: its rows are left to the next clean-up. */
  public static final String WITHDRAWN = "withdrawn";

  /** Serial reads of the pointer after a flip of unknown outcome, one a second, before giving up. */
  private static final int SERIAL_READS = 5;

  private final CqlSession session;
  private final String keyspace;
  private final int concurrency;
  private final Duration flipTimeout;
  private final Duration flipSettle;

  /** @param concurrency clean-up statements in flight at once */
  public ViewStore(CqlSession session, String keyspace, int concurrency) {
    this(session, keyspace, concurrency, null, Duration.ZERO);
  }

  /**
   * @param flipTimeout how long the flip's lightweight transaction may take (null: the session's request timeout)
   * @param flipSettle after the driver gave up on the flip, how long Cassandra may still be carrying it out
   *     (its coordinator proposes again until {@code cas_contention_timeout}, then commits within
   *     {@code write_request_timeout}): the wait before the serial read that tells the outcome
   */
  public ViewStore(CqlSession session, String keyspace, int concurrency, Duration flipTimeout, Duration flipSettle) {
    this.session = session;
    this.keyspace = keyspace;
    this.concurrency = concurrency;
    this.flipTimeout = flipTimeout;
    this.flipSettle = flipSettle;
  }

  static String selectPointer(String keyspace) {
    return "SELECT version, cut, published_at, topic_id, retired_topics, loads, base FROM "
        + ViewTables.in(keyspace, ViewTables.VIEW_POINTER) + " WHERE name = ?";
  }

  /** A pointer row as read by {@link #selectPointer}; {@link ViewPointer#NONE} when it names no version. */
  static ViewPointer pointer(Row r) {
    if (r == null || r.isNull("version")) {
      return ViewPointer.NONE;
    }
    return new ViewPointer(r.getLong("version"), Cut.of(r.getString("topic_id"), r.getSet("retired_topics", String.class),
        r.getSet("loads", Long.class), r.getMap("cut", Integer.class, Long.class)), r.getInstant("published_at"),
        r.isNull("base") ? null : r.getLong("base"));
  }

  /** The pointer readers follow; {@link ViewPointer#NONE} if no version was ever published. */
  public ViewPointer current() {
    return pointer(session.execute(SimpleStatement.newInstance(selectPointer(keyspace), ViewTables.CURRENT)).one());
  }

  /**
   * The pointer read at SERIAL consistency: a flip whose lightweight transaction is still in progress
   * (its recompute killed in the middle of it) is completed or dropped first, so that what this returns
   * stays the pointer. What a recompute reads before it repairs killed runs.
   */
  public ViewPointer currentSerial() {
    return pointer(session.execute(SimpleStatement.newInstance(selectPointer(keyspace), ViewTables.CURRENT)
        .setConsistencyLevel(DefaultConsistencyLevel.SERIAL)).one());
  }

  /** A recompute that counts only what came in since the published version. */
  public static final String INCREMENTAL = "incremental";
  /** A recompute that counts the whole master table. */
  public static final String FULL = "full";
  /** A run that was killed or withdrawn, whose rows the next run deleted. */
  public static final String REPAIRED = "repaired";

  /**
   * Step 1: records the run as {@code building} with its cut, its kind ({@link #INCREMENTAL},
   * {@link #FULL}) and the base whose partitions it writes (a full run: its own version).
   */
  public void begin(long version, Cut cut, String kind, long base) {
    session.execute(CassandraSessions.asWrite(SimpleStatement.newInstance("INSERT INTO " + versions()
        + " (version, state, kind, cut, topic_id, retired_topics, loads, started_at, base) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        version, BUILDING, kind, cut.asMap(), cut.topicId(), cut.retired(), cut.loads(), Instant.now(), base)));
  }

  /** Step 1 of a full run. */
  public void begin(long version, Cut cut) {
    begin(version, cut, FULL, version);
  }

  /**
   * The base a version's run wrote its rows into ({@link #begin}); empty for an unknown version or one
   * recorded before the batch view had bases (its rows are in a table this code no longer reads).
   */
  public java.util.OptionalLong base(long version) {
    Row r = session.execute(SimpleStatement.newInstance("SELECT base FROM " + versions() + " WHERE version = ?", version)).one();
    return r == null || r.isNull(0) ? java.util.OptionalLong.empty() : java.util.OptionalLong.of(r.getLong(0));
  }

  /** How a flip ended. */
  public enum FlipOutcome {
    /** The pointer names the new version. */
    PUBLISHED,
    /** The pointer names another version: another recompute published first, or the flip did not apply. */
    LOST,
    /** The flip timed out and Cassandra did not answer the serial reads that would tell. */
    UNKNOWN
  }

  /**
   * A flip's result.
   *
   * @param timedOut the lightweight transaction timed out (or its node failed) and a serial read of the
   *     pointer told the outcome
   * @param pointer the pointer as the serial read found it (null when not timed out, or unknown)
   */
  public record Flip(FlipOutcome outcome, boolean timedOut, ViewPointer pointer) {
    public boolean published() {
      return outcome == FlipOutcome.PUBLISHED;
    }
  }

  /**
   * Step 3: moves the pointer from {@code previous} ({@link ViewPointer#NONE}: no pointer yet) to
   * {@code version}, in one lightweight transaction. {@link FlipOutcome#LOST} when another recompute
   * published since {@code previous} was read. When the transaction times out (its outcome unknown),
   * the pointer is read at SERIAL consistency, which completes any proposal still in progress, and the
   * outcome is what that read finds (docs/lambda.md 'Publishing a version').
   */
  public Flip flip(ViewPointer previous, long version, Cut cut) {
    return flip(previous, version, cut, version);
  }

  /** {@link #flip(ViewPointer, long, Cut)} to a version whose rows are in the partitions of {@code base}. */
  public Flip flip(ViewPointer previous, long version, Cut cut, long base) {
    SimpleStatement stmt;
    if (!previous.exists()) {
      stmt = SimpleStatement.newInstance("INSERT INTO " + pointers()
          + " (name, version, cut, topic_id, retired_topics, loads, published_at, base) VALUES (?, ?, ?, ?, ?, ?, ?, ?) IF NOT EXISTS",
          ViewTables.CURRENT, version, cut.asMap(), cut.topicId(), cut.retired(), cut.loads(), Instant.now(), base);
    } else {
      stmt = SimpleStatement.newInstance("UPDATE " + pointers() + " SET version = ?, cut = ?, topic_id = ?,"
          + " retired_topics = ?, loads = ?, published_at = ?, base = ? WHERE name = ? IF version = ?",
          version, cut.asMap(), cut.topicId(), cut.retired(), cut.loads(), Instant.now(), base, ViewTables.CURRENT,
          previous.version());
    }
    if (flipTimeout != null) {
      stmt = stmt.setTimeout(flipTimeout);
    }
    ResultSet rs;
    try {
      rs = session.execute(CassandraSessions.asWrite(stmt));
    } catch (WriteTimeoutException | CASWriteUnknownException | DriverTimeoutException | UnavailableException
        | AllNodesFailedException e) {
      if (e instanceof DriverTimeoutException && !flipSettle.isZero()) {
        // the driver gave up, not Cassandra: its coordinator may not even have begun, and a serial read
        // cannot stop it (a transaction whose ballot a read overtook proposes again with a newer one), so
        // the read waits until the coordinator has applied the flip or given up on it
        LOG.warn("the flip to version {} did not answer ({}): waiting {} ms for Cassandra to finish or give up on it",
            version, e.getClass().getSimpleName(), flipSettle.toMillis());
        try {
          Thread.sleep(flipSettle.toMillis());
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
        }
      }
      LOG.warn("the flip to version {} did not answer ({}): reading the pointer at SERIAL consistency to learn whether it published",
          version, e.getClass().getSimpleName());
      return resolve(version, () -> pointer(session.execute(SimpleStatement.newInstance(selectPointer(keyspace),
          ViewTables.CURRENT).setConsistencyLevel(DefaultConsistencyLevel.SERIAL)).one()), Duration.ofSeconds(1));
    }
    return new Flip(rs.wasApplied() ? FlipOutcome.PUBLISHED : FlipOutcome.LOST, false, null);
  }

  /**
   * The outcome of a flip to {@code version} that timed out, from serial reads of the pointer
   * ({@code serialRead}; tried {@value #SERIAL_READS} times, a second apart, while they time out too).
   */
  static Flip resolve(long version, java.util.function.Supplier<ViewPointer> serialRead, Duration pause) {
    for (int attempt = 1; attempt <= SERIAL_READS; attempt++) {
      try {
        ViewPointer now = serialRead.get();
        return new Flip(now.exists() && now.version() == version ? FlipOutcome.PUBLISHED : FlipOutcome.LOST, true, now);
      } catch (ReadTimeoutException | DriverTimeoutException | UnavailableException | AllNodesFailedException e) {
        LOG.warn("serial read of the pointer failed ({}), attempt {} of {}", e.getClass().getSimpleName(), attempt, SERIAL_READS);
        try {
          Thread.sleep(pause.toMillis());
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          break;
        }
      }
    }
    return new Flip(FlipOutcome.UNKNOWN, true, null);
  }

  /** Records how a run ended, its figures and the master rows it skipped by reason. */
  public void finish(long version, String state, long tweets, long users, long words, Map<String, Long> skipped) {
    finish(version, state, tweets, users, words, skipped, users);
  }

  /** As {@link #finish(long, String, long, long, long, Map)}, with the users the run wrote rows for. */
  public void finish(long version, String state, long tweets, long users, long words, Map<String, Long> skipped,
      long touchedUsers) {
    session.execute(CassandraSessions.asWrite(SimpleStatement.newInstance("UPDATE " + versions()
        + " SET state = ?, finished_at = ?, tweets = ?, users = ?, words = ?, skipped = ?, touched_users = ? WHERE version = ?",
        state, Instant.now(), tweets, users, words, skipped, touchedUsers, version)));
  }

  /**
   * Records, before the flip, the highest tweet id a version's cut covers (over every tweet it counted
   * or skipped): no tweet id above it can be counted by the version, so an incremental run on top of
   * it reads the copies only of new tweets at or below it (docs/lambda.md 'Copies of a tweet').
   */
  public void recordMaxTweetId(long version, long maxTweetId) {
    session.execute(CassandraSessions.asWrite(SimpleStatement.newInstance(
        "UPDATE " + versions() + " SET max_tweet_id = ? WHERE version = ?", maxTweetId, version)));
  }

  /** The highest tweet id {@code version}'s cut covers; empty when not recorded (then any id may be counted). */
  public java.util.OptionalLong maxTweetId(long version) {
    Row r = session.execute(SimpleStatement.newInstance(
        "SELECT max_tweet_id FROM " + versions() + " WHERE version = ?", version)).one();
    return r == null || r.isNull(0) ? java.util.OptionalLong.empty() : java.util.OptionalLong.of(r.getLong(0));
  }

  /** Parts of a run's user list (partitions of {@code version_users}). */
  static final int USER_PARTS = 16;

  /** Step 2 of an incremental run, before its rows: the users it will write rows for. */
  public void recordUsers(long version, Collection<String> users) throws InterruptedException {
    PreparedStatement insert = session.prepare("INSERT INTO " + userLists() + " (version, part, user_key) VALUES (?, ?, ?)");
    List<List<String>> parts = new ArrayList<>();
    for (int p = 0; p < USER_PARTS; p++) {
      parts.add(new ArrayList<>());
    }
    users.forEach(u -> parts.get(part(u)).add(u));
    // one partition per part: unlogged batches of a few KB (one mutation each), far below Cassandra's
    // batch_size_fail_threshold (50 KB) even for 512-byte keys
    BoundedAsync async = new BoundedAsync(session, concurrency);
    for (List<String> part : parts) {
      List<BoundStatement> batch = new ArrayList<>();
      int bytes = 0;
      for (String u : part) {
        int b = dev.trendoff.core.TweetChecks.utf8Length(u) + 16;
        if (!batch.isEmpty() && bytes + b > USER_BATCH_BYTES) {
          async.submit(CassandraSessions.asWrite(BatchStatement.newInstance(BatchType.UNLOGGED).addAll(batch)).setIdempotent(true));
          batch = new ArrayList<>();
          bytes = 0;
        }
        batch.add(insert.bind(version, part(u), u));
        bytes += b;
      }
      if (!batch.isEmpty()) {
        async.submit(CassandraSessions.asWrite(BatchStatement.newInstance(BatchType.UNLOGGED).addAll(batch)).setIdempotent(true));
      }
    }
    async.await();
  }

  /** Bytes of user keys per unlogged batch of a user list (below batch_size_warn_threshold, 5 KB). */
  private static final int USER_BATCH_BYTES = 4096;

  private static int part(String user) {
    return Math.floorMod(user.hashCode(), USER_PARTS);
  }

  /** The users a run recorded ({@link #recordUsers}). */
  public List<String> recordedUsers(long version) {
    List<String> out = new ArrayList<>();
    PreparedStatement select = session.prepare("SELECT user_key FROM " + userLists() + " WHERE version = ? AND part = ?");
    for (int p = 0; p < USER_PARTS; p++) {
      for (Row r : session.execute(select.bind(version, p).setPageSize(5000))) {
        out.add(r.getString(0));
      }
    }
    return out;
  }

  private void forgetUsers(long version) throws InterruptedException {
    PreparedStatement delete = session.prepare("DELETE FROM " + userLists() + " WHERE version = ? AND part = ?");
    BoundedAsync async = new BoundedAsync(session, concurrency);
    for (int p = 0; p < USER_PARTS; p++) {
      async.submit(CassandraSessions.asWrite(delete.bind(version, p)));
    }
    async.await();
  }

  /**
   * Step 4 of an incremental run: its user list and the corpora of older versions deleted. The rows
   * its users' new rows replace went in the same writes ({@link BatchViewWrites#replace}); the other
   * users keep the rows they have: their latest version at or below the published one is unchanged.
   */
  public void afterIncrementalFlip(long version) throws InterruptedException {
    forgetUsers(version);
    deleteCorpora(v -> v < version);
  }

  /**
   * Before a run repairs anything: the published version {@code current} still {@code building} (its
   * run was killed after its flip, before its clean-up) is marked {@code published}, so that no repair
   * takes it for a killed run once a later version is published. Its clean-up is left undone: the older
   * rows it would have deleted are below it, where serving does not read for its users.
   */
  public void settlePublished(ViewPointer current) {
    if (current.exists() && state(current.version()).filter(s -> BUILDING.equals(s) || WITHDRAWN.equals(s)).isPresent()) {
      session.execute(CassandraSessions.asWrite(SimpleStatement.newInstance(
          "UPDATE " + versions() + " SET state = ? WHERE version = ?", PUBLISHED, current.version())));
    }
  }

  /**
   * Before a run writes anything: removes the rows of earlier runs that were killed or withdrawn
   * (state {@code building} or {@code withdrawn}, other than the published version), user by user
   * from their user lists, or, for a full run, its base's partitions; marks them
   * {@code repaired}. Without it an incremental run, which leaves untouched users' rows alone, would let
   * serving read such a run's rows as a user's latest version once a later version is published.
   * Returns the versions repaired.
   */
  public List<Long> repairKilledRuns(ViewPointer current) throws InterruptedException {
    List<Long> repaired = new ArrayList<>();
    for (Row r : session.execute("SELECT version, state, kind FROM " + versions())) {
      long v = r.getLong("version");
      String state = r.getString("state");
      if ((BUILDING.equals(state) || WITHDRAWN.equals(state)) && !(current.exists() && current.version() == v)) {
        deleteRun(v, INCREMENTAL.equals(r.getString("kind")));
        session.execute(CassandraSessions.asWrite(SimpleStatement.newInstance(
            "UPDATE " + versions() + " SET state = ? WHERE version = ?", REPAIRED, v)));
        repaired.add(v);
      }
    }
    return repaired;
  }

  /**
   * Deletes the rows and corpus of a run that is not published: an incremental run's user by user from
   * its user list (each user's rows read, those of the run deleted; then the list), a full run's
   * partitions.
   */
  public void deleteRun(long version, boolean incremental) throws InterruptedException {
    if (!incremental) {
      deleteVersion(version);
      return;
    }
    java.util.OptionalLong base = base(version);
    if (base.isPresent()) {
      PreparedStatement select = session.prepare(BatchViewWords.selectUser(keyspace));
      PreparedStatement delete = session.prepare(BatchViewWords.delete(keyspace, "version = ?"));
      BoundedAsync async = new BoundedAsync(session, concurrency);
      for (String u : recordedUsers(version)) {
        int bucket = BatchViewWords.bucket(u);
        for (Row r : session.execute(select.bind(base.getAsLong(), bucket, u).setPageSize(5000))) {
          ViewRow row = BatchViewWords.row(r, u);
          if (row.version() == version) {
            async.submit(CassandraSessions.asWrite(delete.bind(base.getAsLong(), bucket, BatchViewWords.kind(row.word()), u,
                row.word(), version)));
          }
        }
      }
      async.await();
    }
    forgetUsers(version);
    deleteCorpora(x -> x == version);
  }

  /** The master rows a version's run skipped, by reason (empty when none or not recorded). */
  public Map<String, Long> skipped(long version) {
    Row r = session.execute(SimpleStatement.newInstance(
        "SELECT skipped FROM " + versions() + " WHERE version = ?", version)).one();
    return r == null ? Map.of() : new TreeMap<>(r.getMap("skipped", String.class, Long.class));
  }

  /** The state recorded for a version, if any. */
  public Optional<String> state(long version) {
    Row r = session.execute(SimpleStatement.newInstance(
        "SELECT state FROM " + versions() + " WHERE version = ?", version)).one();
    return Optional.ofNullable(r == null ? null : r.getString("state"));
  }

  /**
   * Step 4 of a full run: deletes the partitions of every base below {@code version} (older versions and
   * the partial rows of killed runs: a full run's rows are all in its own base), and the corpus of every
   * older version. Returns the partitions deleted.
   */
  public long deleteVersionsBelow(long version) throws InterruptedException {
    deleteCorpora(v -> v < version);
    return deletePartitions(b -> b < version);
  }

  /** A full run that lost the flip: deletes its own partitions and corpus. Returns the partitions deleted. */
  public long deleteVersion(long version) throws InterruptedException {
    deleteCorpora(v -> v == version);
    return deletePartitions(b -> b == version);
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

  /**
   * A version's corpus as written (all users' word counts), what an incremental run adds its new counts
   * to; empty when the version has no corpus rows (written before corpora were, or deleted).
   */
  public Optional<Map<String, Long>> writtenCorpus(long version) {
    Map<String, Long> out = new HashMap<>();
    boolean any = false;
    for (Row r : session.execute(SimpleStatement.newInstance(CorpusChunks.selectVersion(keyspace), version).setPageSize(64))) {
      out.putAll(r.getMap("words", String.class, Long.class));
      any = true;
    }
    return any ? Optional.of(out) : Optional.empty();
  }

  /** A version's corpus (all users' word counts), for tests and checks. */
  public Map<String, Long> corpus(long version) {
    Map<String, Long> out = new TreeMap<>();
    for (Row r : session.execute(SimpleStatement.newInstance(CorpusChunks.selectVersion(keyspace), version))) {
      out.putAll(r.getMap("words", String.class, Long.class));
    }
    return out;
  }

  /** Deletes the batch view's partitions whose base {@code which} accepts (a scan of partition keys only). */
  private long deletePartitions(java.util.function.LongPredicate which) throws InterruptedException {
    PreparedStatement delete = session.prepare(BatchViewWords.deletePartition(keyspace));
    BoundedAsync async = new BoundedAsync(session, concurrency);
    long n = 0;
    for (Row r : session.execute(SimpleStatement.newInstance(BatchViewWords.distinctPartitions(keyspace)).setPageSize(5000))) {
      if (which.test(r.getLong("base"))) {
        async.submit(CassandraSessions.asWrite(delete.bind(r.getLong("base"), r.getInt("bucket"))));
        n++;
      }
    }
    async.await();
    return n;
  }

  /** Every user key with rows in the batch view, any base (the totals rows of every partition). */
  private Set<String> usersWithRows() {
    return KnownUsers.inBatchView(session, keyspace);
  }

  /**
   * Step 4: deletes the speed rows the published cut has absorbed (of its topic below its cut, or of
   * a retired topic): a scan of the rows' positions finds the users, topics and partitions that have
   * such rows, then one unlogged batch per user deletes them with one range delete per topic and
   * partition ({@code kafka_offset < cut}), which covers the ranges earlier clean-ups deleted
   * (docs/lambda.md 'Tombstones'). A speed row rewritten after this (a replay) lies below the cut too
   * and is skipped by the merge. Returns the rows found absorbed.
   */
  public long deleteAbsorbedSpeedRows(Cut cut) throws InterruptedException {
    // user -> topic -> partitions with absorbed rows (Integer.MIN_VALUE: the whole retired topic)
    Map<String, Map<String, Set<Integer>>> absorbed = new LinkedHashMap<>();
    long n = 0;
    for (Row r : session.execute(SimpleStatement.newInstance(SpeedView.scanPositions(keyspace)).setPageSize(5000))) {
      String topic = r.getString("kafka_topic_id");
      int p = r.getInt("kafka_partition");
      if (cut.covers(topic, p, r.getLong("kafka_offset"))) {
        absorbed.computeIfAbsent(r.getString("user_key"), u -> new LinkedHashMap<>())
            .computeIfAbsent(topic, t -> new HashSet<>()).add(cut.isRetired(topic) ? Integer.MIN_VALUE : p);
        n++;
      }
    }
    PreparedStatement below = session.prepare(SpeedView.deleteBelow(keyspace));
    PreparedStatement whole = session.prepare(SpeedView.deleteTopic(keyspace));
    BoundedAsync async = new BoundedAsync(session, concurrency);
    for (Map.Entry<String, Map<String, Set<Integer>>> user : absorbed.entrySet()) {
      BatchStatement batch = BatchStatement.newInstance(BatchType.UNLOGGED);
      for (Map.Entry<String, Set<Integer>> topic : user.getValue().entrySet()) {
        if (topic.getValue().contains(Integer.MIN_VALUE)) {
          batch = batch.add(whole.bind(user.getKey(), topic.getKey()));
        } else {
          for (int p : topic.getValue()) {
            batch = batch.add(below.bind(user.getKey(), topic.getKey(), p, cut.of(p)));
          }
        }
      }
      async.submit(CassandraSessions.asWrite(batch).setIdempotent(true));
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
      out.add(new StoredSpeedRow(SpeedView.row(r), r.getLong("written")));
    }
    return out;
  }

  /** A version's totals as user -> {tweets, tokens}, for tests and checks. */
  public Map<String, long[]> totals(long version) {
    Map<String, long[]> out = new TreeMap<>();
    for (String user : usersWithRows()) {
      for (ViewRow r : rowsAtOrBelow(user, version)) {
        if (r.totals()) {
          out.put(user, new long[] {r.tweets(), r.tokens()});
        }
      }
    }
    return out;
  }

  /**
   * A user's rows in version {@code version}: for each word and for the totals, the row of the latest
   * version at or below it (what serving reads), the totals first, then by word; for tests and checks.
   */
  public List<ViewRow> rowsAtOrBelow(String user, long version) {
    long base = base(version).orElse(version);
    List<ViewRow> rows = new ArrayList<>();
    for (Row r : session.execute(SimpleStatement.newInstance(BatchViewWords.selectUser(keyspace), base,
        BatchViewWords.bucket(user), user).setPageSize(5000))) {
      rows.add(BatchViewWords.row(r, user));
    }
    List<ViewRow> out = new ArrayList<>(BatchViewWords.latest(rows, version).values());
    out.sort(java.util.Comparator.comparing(ViewRow::word));
    return out;
  }

  /**
   * The rows serving reads in {@code version} of the users of one bucket (each key's latest at or below
   * it), by user and word: one partition read whole, for checks and benchmarks on large views.
   */
  public List<ViewRow> servedRows(long version, int bucket) {
    List<ViewRow> rows = new ArrayList<>();
    for (Row r : session.execute(SimpleStatement.newInstance(BatchViewWords.selectPartition(keyspace), base(version).orElse(version),
        bucket).setPageSize(5000).setTimeout(Duration.ofMinutes(1)))) {
      rows.add(BatchViewWords.row(r, null));
    }
    List<ViewRow> out = new ArrayList<>(BatchViewWords.latest(rows, version).values());
    out.sort(java.util.Comparator.comparing(ViewRow::user).thenComparing(ViewRow::word));
    return out;
  }

  /** The rows {@code version}'s run wrote (every partition of its base read whole): for tests and checks on small views. */
  public List<ViewRow> rowsWrittenBy(long version) {
    long base = base(version).orElse(version);
    List<ViewRow> out = new ArrayList<>();
    for (Row p : session.execute(SimpleStatement.newInstance(BatchViewWords.distinctPartitions(keyspace)).setPageSize(5000))) {
      if (p.getLong("base") == base) {
        for (Row r : session.execute(SimpleStatement.newInstance(BatchViewWords.selectPartition(keyspace), base, p.getInt("bucket"))
            .setPageSize(5000))) {
          ViewRow row = BatchViewWords.row(r, null);
          if (row.version() == version) {
            out.add(row);
          }
        }
      }
    }
    return out;
  }

  /** Every user with rows in the batch view, any version, for tests and checks. */
  public Set<String> users() {
    return usersWithRows();
  }

  /** A user's word counts in a version, for tests and checks. */
  public Map<String, Integer> words(String user, long version) {
    Map<String, Integer> out = new TreeMap<>();
    for (ViewRow r : rowsAtOrBelow(user, version)) {
      if (!r.totals()) {
        out.put(r.word(), Math.toIntExact(r.count()));
      }
    }
    return out;
  }

  /** How many rows the batch view holds, all versions (a full count: for checks on small tables and benchmarks). */
  public long batchViewRows() {
    return session.execute(SimpleStatement.newInstance("SELECT count(*) FROM " + ViewTables.in(keyspace, ViewTables.BATCH_VIEW))
        .setTimeout(java.time.Duration.ofMinutes(5))).one().getLong(0);
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

  private String userLists() {
    return ViewTables.in(keyspace, ViewTables.VERSION_USERS);
  }

  private String pointers() {
    return ViewTables.in(keyspace, ViewTables.VIEW_POINTER);
  }
}
