package dev.trendoff.views;

/**
 * The statements on the speed view ({@link ViewTables#SPEED_VIEW}: one row per tweet in its author's
 * partition, {@code ((user_key), tweet_id) -> kafka_partition, kafka_offset, words, tokens}), each
 * written once. {@link SpeedViewWrites} writes rows, {@link ViewReads} reads a user's, {@link ViewStore}
 * deletes the absorbed ones.
 */
final class SpeedView {

  private SpeedView() {}

  /** An upsert keyed by (user, tweet id): binds user_key, tweet_id, kafka_partition, kafka_offset, words, tokens. */
  static String insert(String keyspace) {
    return "INSERT INTO " + table(keyspace)
        + " (user_key, tweet_id, kafka_partition, kafka_offset, words, tokens) VALUES (?, ?, ?, ?, ?, ?)";
  }

  /** Every row of one user. */
  static String selectUser(String keyspace) {
    return "SELECT user_key, tweet_id, kafka_partition, kafka_offset, words, tokens FROM " + table(keyspace)
        + " WHERE user_key = ?";
  }

  /** Every row with the write time of its tokens cell (a full scan, for checks that a replay rewrote a row). */
  static String scanWithWriteTime(String keyspace) {
    return "SELECT user_key, tweet_id, kafka_partition, kafka_offset, words, tokens, writetime(tokens) AS written FROM "
        + table(keyspace);
  }

  /** Where every row lies (a full scan, for the clean-up and status). */
  static String scanPositions(String keyspace) {
    return "SELECT user_key, tweet_id, kafka_partition, kafka_offset FROM " + table(keyspace);
  }

  /** Deletes one row (user, tweet id). */
  static String delete(String keyspace) {
    return "DELETE FROM " + table(keyspace) + " WHERE user_key = ? AND tweet_id = ?";
  }

  /** Every user with rows (partition keys only). */
  static String distinctUsers(String keyspace) {
    return "SELECT DISTINCT user_key FROM " + table(keyspace);
  }

  /** The row's Kafka partition, null when it has none. */
  static Integer partition(com.datastax.oss.driver.api.core.cql.Row r) {
    return r.isNull("kafka_partition") ? null : r.getInt("kafka_partition");
  }

  /** The row's Kafka offset, null when it has none. */
  static Long offset(com.datastax.oss.driver.api.core.cql.Row r) {
    return r.isNull("kafka_offset") ? null : r.getLong("kafka_offset");
  }

  static String table(String keyspace) {
    return ViewTables.in(keyspace, ViewTables.SPEED_VIEW);
  }
}
