package dev.trendoff.batch;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;

import dev.trendoff.core.BoundedAsync;
import dev.trendoff.core.CassandraSessions;

/**
 * The load-csv runs (table {@code loads}) and their tweets (table {@code load_tweets}, in
 * {@value #PARTS} parts by tweet id): what tells a recompute which loaded tweets it has not counted
 * yet, and hands an incremental recompute those tweets without a scan of the master table
 * (docs/lambda.md 'Incremental recomputes'). A run is {@code loading} while it writes and
 * {@code loaded} once every tweet is written; only loaded runs are counted.
 */
public final class MasterLoads {

  public static final String LOADING = "loading";
  public static final String LOADED = "loaded";
  /** Parts (partitions) of one load's tweets in {@code load_tweets}. */
  public static final int PARTS = 16;

  /** One tweet of a load, as {@code load_tweets} keeps it. */
  public record LoadedTweet(long loadId, long tweetId, String userKey, String text) {}

  private final CqlSession session;
  private final String keyspace;

  public MasterLoads(CqlSession session, String keyspace) {
    this.session = session;
    this.keyspace = keyspace;
  }

  /** A new run of {@code file}, {@code loading}; its id (the time it starts, in milliseconds). */
  public long begin(String file) {
    long id = System.currentTimeMillis();
    session.execute(CassandraSessions.asWrite(SimpleStatement.newInstance("INSERT INTO " + loads()
        + " (load_id, state, file, started_at) VALUES (?, ?, ?, ?)", id, LOADING, file, Instant.now())));
    return id;
  }

  /** The run wrote every tweet: from now on recomputes count it. */
  public void finish(long loadId, long tweets) {
    session.execute(CassandraSessions.asWrite(SimpleStatement.newInstance("UPDATE " + loads()
        + " SET state = ?, finished_at = ?, tweets = ? WHERE load_id = ?", LOADED, Instant.now(), tweets, loadId)));
  }

  /** The ids of every run that finished loading. */
  public Set<Long> loaded() {
    Set<Long> out = new java.util.TreeSet<>();
    for (Row r : session.execute("SELECT load_id, state FROM " + loads())) {
      if (LOADED.equals(r.getString("state"))) {
        out.add(r.getLong("load_id"));
      }
    }
    return out;
  }

  /** The tweets of run {@code loadId}, every part. */
  public List<LoadedTweet> tweets(long loadId) {
    List<LoadedTweet> out = new ArrayList<>();
    PreparedStatement select = session.prepare("SELECT tweet_id, user_key, text FROM " + table(keyspace)
        + " WHERE load_id = ? AND part = ?");
    for (int p = 0; p < PARTS; p++) {
      for (Row r : session.execute(select.bind(loadId, p).setPageSize(5000))) {
        out.add(new LoadedTweet(loadId, r.getLong(0), r.getString(1), r.getString(2)));
      }
    }
    return out;
  }

  /** Deletes the tweets of runs a published version covers (they are in its rows now). */
  public void forget(Collection<Long> loadIds) throws InterruptedException {
    PreparedStatement delete = session.prepare("DELETE FROM " + table(keyspace) + " WHERE load_id = ? AND part = ?");
    BoundedAsync async = new BoundedAsync(session, 16);
    for (long id : loadIds) {
      for (int p = 0; p < PARTS; p++) {
        async.submit(CassandraSessions.asWrite(delete.bind(id, p)));
      }
    }
    async.await();
  }

  /** Writes one tweet of a load (user key and text: what a recompute counts), binding {@link #insert}. */
  static String insert(String keyspace) {
    return "INSERT INTO " + table(keyspace) + " (load_id, part, tweet_id, user_key, text) VALUES (?, ?, ?, ?, ?)";
  }

  /** A master row of a load, bound to {@link #insert}. */
  static BoundStatement bind(PreparedStatement insert, MasterRow r) {
    return insert.bind(r.getLoadId(), (int) Math.floorMod(r.getTweetId(), (long) PARTS), r.getTweetId(), r.getUserKey(),
        r.getText()).setIdempotent(true);
  }

  private String loads() {
    return keyspace + ".loads";
  }

  private static String table(String keyspace) {
    return keyspace + ".load_tweets";
  }
}
