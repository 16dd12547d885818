package dev.trendoff.core;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;

/**
 * How one user's batch view of one version is laid out in {@link Tables#BATCH_VIEW}: the user's word
 * counts split into chunks of at most {@code wordsPerChunk} words, one row per chunk (numbered from 0),
 * every row carrying the user's tweet and token totals. A user with no words still has chunk 0, so
 * every user of a version has at least one row. Serving reads a user's version as one partition slice
 * of a few rows; the recompute writes a few rows per user instead of one per word.
 */
public final class BatchViewChunks {

  /** The columns of a batch view row, in the order {@link #insert} binds them. */
  public static final String COLUMNS = "user_key, version, chunk, tweets, tokens, words";

  private BatchViewChunks() {}

  /** {@code words} split into at least one chunk of at most {@code wordsPerChunk} words each; together exactly {@code words}. */
  public static List<Map<String, Integer>> split(Map<String, Integer> words, int wordsPerChunk) {
    if (wordsPerChunk < 1) {
      throw new IllegalArgumentException("words per chunk must be at least 1, got " + wordsPerChunk);
    }
    List<Map<String, Integer>> chunks = new ArrayList<>(words.size() / wordsPerChunk + 1);
    Map<String, Integer> chunk = new HashMap<>();
    for (Map.Entry<String, Integer> e : words.entrySet()) {
      if (chunk.size() == wordsPerChunk) {
        chunks.add(chunk);
        chunk = new HashMap<>();
      }
      chunk.put(e.getKey(), e.getValue());
    }
    chunks.add(chunk);
    return chunks;
  }

  /**
   * The rows of one user's view in {@code version} as statements of {@code insert} (the {@link #insert}
   * CQL, prepared): for writers that use the driver rather than the recompute's connector.
   */
  public static List<BoundStatement> bind(PreparedStatement insert, String user, long version, long tweets, long tokens,
      Map<String, Integer> words, int wordsPerChunk) {
    List<Map<String, Integer>> chunks = split(words, wordsPerChunk);
    List<BoundStatement> out = new ArrayList<>(chunks.size());
    for (int i = 0; i < chunks.size(); i++) {
      out.add(insert.bind(user, version, i, tweets, tokens, chunks.get(i)));
    }
    return out;
  }

  /** The CQL that writes one row, binding {@link #COLUMNS} in order. */
  public static String insert(String keyspace) {
    return "INSERT INTO " + keyspace + "." + Tables.BATCH_VIEW + " (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?)";
  }
}
