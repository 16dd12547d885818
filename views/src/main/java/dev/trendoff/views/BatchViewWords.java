package dev.trendoff.views;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.datastax.oss.driver.api.core.cql.Row;

/**
 * How the batch view is laid out in {@link ViewTables#BATCH_VIEW} (docs/lambda.md 'The batch view'):
 * one row per user and word with the word's count, and one totals row per user (word {@code ""}, kind
 * {@link #TOTALS}) with its tweets and tokens, each stamped with the version that wrote it. A user's
 * count of a word in version {@code v} is its row with the highest version at or below {@code v}: an
 * incremental run writes only the rows whose counts changed. Rows live in partitions of {@code (base,
 * bucket)}: {@code base} is the full run the version builds on (a full run writes partitions of its
 * own, and its clean-up deletes the older bases' partitions whole), {@code bucket} one of
 * {@value #BUCKETS} groups of users, so that a run's writes are a few thousand mutations however many
 * users it touches. The statements on the table are here too, each written once.
 */
public final class BatchViewWords {

  /** Groups of users per base: the partitions of one base. */
  public static final int BUCKETS = 1024;
  /** The kind of a user's totals row (word {@code ""}). */
  static final int TOTALS = 0;
  /** The kind of a word's row. */
  static final int WORD = 1;

  private BatchViewWords() {}

  /** The bucket of a user (its partition within a base): stable across JVMs ({@link String#hashCode} is specified). */
  public static int bucket(String user) {
    return Math.floorMod(user.hashCode(), BUCKETS);
  }

  static int kind(String word) {
    return word.isEmpty() ? TOTALS : WORD;
  }

  /** Writes a word's row (base, bucket, user, word, version, count). */
  static String insertWord(String keyspace) {
    return "INSERT INTO " + table(keyspace) + " (base, bucket, kind, user_key, word, version, count) VALUES (?, ?, "
        + WORD + ", ?, ?, ?, ?)";
  }

  /** Writes a user's totals row (base, bucket, user, version, tweets, tokens). */
  static String insertTotals(String keyspace) {
    return "INSERT INTO " + table(keyspace) + " (base, bucket, kind, user_key, word, version, tweets, tokens) VALUES (?, ?, "
        + TOTALS + ", ?, '', ?, ?, ?)";
  }

  /** Deletes one key's rows of the versions {@code predicate} names (base, bucket, kind, user, word, version): {@code "version < ?"}. */
  static String delete(String keyspace, String predicate) {
    return "DELETE FROM " + table(keyspace) + " WHERE base = ? AND bucket = ? AND kind = ? AND user_key = ? AND word = ? AND "
        + predicate;
  }

  /** Every row of one user in one base (base, bucket, user): its totals rows first, then its words, the latest version first. */
  static String selectUser(String keyspace) {
    return "SELECT kind, word, version, count, tweets, tokens FROM " + table(keyspace)
        + " WHERE base = ? AND bucket = ? AND kind IN (" + TOTALS + ", " + WORD + ") AND user_key = ?";
  }

  /** The rows of some keys of one bucket (base, bucket, a list of (kind, user, word) tuples). */
  static String selectKeys(String keyspace) {
    return "SELECT kind, user_key, word, version, count, tweets, tokens FROM " + table(keyspace)
        + " WHERE base = ? AND bucket = ? AND (kind, user_key, word) IN ?";
  }

  /** Every row of one partition (base, bucket). */
  static String selectPartition(String keyspace) {
    return "SELECT kind, user_key, word, version, count, tweets, tokens FROM " + table(keyspace) + " WHERE base = ? AND bucket = ?";
  }

  /** The totals rows of one bucket (base, bucket): its users. */
  static String selectTotals(String keyspace) {
    return "SELECT user_key, version, tweets, tokens FROM " + table(keyspace) + " WHERE base = ? AND bucket = ? AND kind = "
        + TOTALS;
  }

  /** Every partition (base, bucket). */
  static String distinctPartitions(String keyspace) {
    return "SELECT DISTINCT base, bucket FROM " + table(keyspace);
  }

  /** Deletes one partition (base, bucket). */
  static String deletePartition(String keyspace) {
    return "DELETE FROM " + table(keyspace) + " WHERE base = ? AND bucket = ?";
  }

  /** A row read with {@link #selectUser} (of {@code user}) or {@link #selectKeys}. */
  static ViewRow row(Row r, String user) {
    boolean totals = r.getInt("kind") == TOTALS;
    return new ViewRow(user != null ? user : r.getString("user_key"), totals ? ViewRow.TOTALS : r.getString("word"),
        r.getLong("version"), totals ? 0 : r.getLong("count"), totals ? r.getLong("tweets") : 0, totals ? r.getLong("tokens") : 0);
  }

  /**
   * Of {@code rows} (any order, any users), for each user and word the row with the highest version at
   * or below {@code version}: what serving reads in that version.
   */
  public static Map<ViewRow.Key, ViewRow> latest(Collection<ViewRow> rows, long version) {
    Map<ViewRow.Key, ViewRow> out = new HashMap<>();
    for (ViewRow r : rows) {
      if (r.version() <= version) {
        out.merge(r.key(), r, (a, b) -> a.version() >= b.version() ? a : b);
      }
    }
    return out;
  }

  /**
   * Of {@code rows} (every row of some keys), those older than their key's latest row at or below
   * {@code version}: what a version that replaces those latest rows makes obsolete.
   */
  public static List<ViewRow> olderThanLatest(Collection<ViewRow> rows, long version) {
    Map<ViewRow.Key, ViewRow> latest = latest(rows, version);
    List<ViewRow> out = new ArrayList<>();
    for (ViewRow r : rows) {
      ViewRow l = latest.get(r.key());
      if (l != null && r.version() < l.version()) {
        out.add(r);
      }
    }
    return out;
  }

  /** One user's side of a version from its latest rows ({@link #latest}): the totals and every word's count. */
  public static BatchSide side(Collection<ViewRow> latest) {
    long tweets = 0;
    long tokens = 0;
    Map<String, Long> words = new HashMap<>();
    for (ViewRow r : latest) {
      if (r.totals()) {
        tweets = r.tweets();
        tokens = r.tokens();
      } else {
        words.put(r.word(), r.count());
      }
    }
    return new BatchSide(tweets, tokens, words);
  }

  /** The rows of one user's counts in a version: the totals row, then one per word. */
  public static List<ViewRow> rows(String user, long version, long tweets, long tokens, Map<String, ? extends Number> words) {
    List<ViewRow> out = new ArrayList<>(words.size() + 1);
    out.add(ViewRow.totals(user, version, tweets, tokens));
    words.forEach((w, n) -> out.add(new ViewRow(user, w, version, n.longValue(), 0, 0)));
    return out;
  }

  static String table(String keyspace) {
    return ViewTables.in(keyspace, ViewTables.BATCH_VIEW);
  }
}
