package dev.trendoff.views;

import java.util.ArrayList;
import java.util.HashMap;
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

  /**
   * The most bytes of words in one chunk (each word's UTF-8 and 8 for its count): a chunk is one
   * frozen map, one cell of one mutation, and Cassandra refuses a mutation over half its commit log
   * segment (16 MiB by default). Real users' words are far below: 4,096 words of 15 bytes are 60 KB.
   */
  public static final int MAX_CHUNK_BYTES = 1024 * 1024;

  /**
   * {@code words} split, in word order, into at least one chunk of at most {@code wordsPerChunk} words
   * and {@link #MAX_CHUNK_BYTES} bytes each; together exactly {@code words}.
   */
  public static List<Map<String, Integer>> split(Map<String, Integer> words, int wordsPerChunk) {
    if (wordsPerChunk < 1) {
      throw new IllegalArgumentException("words per chunk must be at least 1, got " + wordsPerChunk);
    }
    List<Map<String, Integer>> chunks = new ArrayList<>(words.size() / wordsPerChunk + 1);
    Map<String, Integer> chunk = new HashMap<>();
    int bytes = 0;
    // in word order: the same counts always make the same chunks, whichever run (incremental or full) wrote them
    for (Map.Entry<String, Integer> e : new TreeMap<>(words).entrySet()) {
      int b = dev.trendoff.core.TweetChecks.utf8Length(e.getKey()) + 8;
      if (!chunk.isEmpty() && (chunk.size() == wordsPerChunk || bytes + b > MAX_CHUNK_BYTES)) {
        chunks.add(chunk);
        chunk = new HashMap<>();
        bytes = 0;
      }
      chunk.put(e.getKey(), e.getValue());
      bytes += b;
    }
    chunks.add(chunk);
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
