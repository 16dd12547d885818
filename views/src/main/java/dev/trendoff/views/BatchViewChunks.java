package dev.trendoff.views;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How one user's batch view of one version is laid out in {@link ViewTables#BATCH_VIEW}: the user's
 * word counts split into chunks of at most {@code wordsPerChunk} words, one row per chunk (numbered
 * from 0), every row carrying the user's tweet and token totals. A user with no words still has
 * chunk 0, so every user of a version has at least one row. Serving reads a user's version as one
 * partition slice of a few rows; the recompute writes a few rows per user instead of one per word.
 * The statements on the table are here too, each written once.
 */
public final class BatchViewChunks {

  /** The columns of a batch view row, in the order {@link #insert} binds them. */
  static final String COLUMNS = "user_key, version, chunk, tweets, tokens, words";

  private BatchViewChunks() {}

  /** The most bytes of words in one chunk ({@link Chunks#MAX_BYTES}). */
  public static final int MAX_CHUNK_BYTES = Chunks.MAX_BYTES;

  /**
   * {@code words} split, in word order, into at least one chunk of at most {@code wordsPerChunk} words
   * and {@link #MAX_CHUNK_BYTES} bytes each; together exactly {@code words}.
   */
  public static List<Map<String, Integer>> split(Map<String, Integer> words, int wordsPerChunk) {
    List<Map<String, Integer>> chunks = new ArrayList<>(words.size() / Math.max(1, wordsPerChunk) + 1);
    // in word order: the same counts always make the same chunks, whichever run (incremental or full) wrote them
    Chunks.<Integer, RuntimeException>split(new TreeMap<>(words).entrySet().iterator(), wordsPerChunk, (i, chunk) -> chunks.add(chunk));
    return chunks;
  }

  /** Writes one row, binding {@link #COLUMNS} in order. */
  static String insert(String keyspace) {
    return "INSERT INTO " + table(keyspace) + " (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?)";
  }

  /** One user's rows of one version (user, version). */
  static String selectVersion(String keyspace) {
    return "SELECT tweets, tokens, words FROM " + table(keyspace) + " WHERE user_key = ? AND version = ?";
  }

  /**
   * One user's rows of every version at or below one (user, version), the latest first: the rows of
   * the first version are the user's in that version (a version has rows only for the users its run wrote).
   */
  static String selectLatest(String keyspace) {
    return "SELECT version, tweets, tokens, words FROM " + table(keyspace)
        + " WHERE user_key = ? AND version <= ? ORDER BY version DESC, chunk DESC";
  }

  /** Deletes one user's rows of the versions {@code predicate} names (user, version): {@code "version < ?"}. */
  static String delete(String keyspace, String predicate) {
    return "DELETE FROM " + table(keyspace) + " WHERE user_key = ? AND " + predicate;
  }

  /** Every user with rows (partition keys only). */
  static String distinctUsers(String keyspace) {
    return "SELECT DISTINCT user_key FROM " + table(keyspace);
  }

  private static String table(String keyspace) {
    return ViewTables.in(keyspace, ViewTables.BATCH_VIEW);
  }
}
