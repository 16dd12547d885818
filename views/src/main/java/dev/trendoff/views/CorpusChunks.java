package dev.trendoff.views;

/**
 * How one batch view version's corpus is laid out in {@link ViewTables#CORPUS}: every word's count over
 * all users of the version, split into chunks of at most {@code wordsPerChunk} words ({@link Chunks}),
 * one row per chunk, all in the version's partition. The statements on the table, each written once.
 */
final class CorpusChunks {

  private CorpusChunks() {}

  /** Writes one chunk: version, chunk, words. */
  static String insert(String keyspace) {
    return "INSERT INTO " + table(keyspace) + " (version, chunk, words) VALUES (?, ?, ?)";
  }

  /** Every chunk of one version. */
  static String selectVersion(String keyspace) {
    return "SELECT words FROM " + table(keyspace) + " WHERE version = ?";
  }

  /** Deletes one version's corpus. */
  static String deleteVersion(String keyspace) {
    return "DELETE FROM " + table(keyspace) + " WHERE version = ?";
  }

  /** Every version with a corpus (partition keys only). */
  static String distinctVersions(String keyspace) {
    return "SELECT DISTINCT version FROM " + table(keyspace);
  }

  private static String table(String keyspace) {
    return ViewTables.in(keyspace, ViewTables.CORPUS);
  }
}
