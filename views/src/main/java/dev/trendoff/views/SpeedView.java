package dev.trendoff.views;

import com.datastax.oss.driver.api.core.cql.Row;

/**
 * The statements on the speed view ({@link ViewTables#SPEED_VIEW}: one row per tweet read, in its
 * author's partition, keyed by where it was read: {@code ((user_key), kafka_topic_id, kafka_partition,
 * kafka_offset) -> tweet_id, words, tokens}), each written once. {@link SpeedViewWrites} writes rows,
 * {@link ViewReads} reads a user's, {@link ViewStore} deletes the absorbed ones with one range delete
 * per user, topic and partition (docs/lambda.md 'Tombstones').
 */
final class SpeedView {

  private SpeedView() {}

  /** The columns of a row, in the order {@link #insert} binds them and the selects return them. */
  private static final String COLUMNS = "user_key, kafka_topic_id, kafka_partition, kafka_offset, tweet_id, words, tokens";

  /** An upsert keyed by (user, topic, partition, offset): a replay of the same records rewrites the same rows. */
  static String insert(String keyspace) {
    return "INSERT INTO " + table(keyspace) + " (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)";
  }

  /** Every row of one user. */
  static String selectUser(String keyspace) {
    return "SELECT " + COLUMNS + " FROM " + table(keyspace) + " WHERE user_key = ?";
  }

  /** Every row with the write time of its tokens cell (a full scan, for checks that a replay rewrote a row). */
  static String scanWithWriteTime(String keyspace) {
    return "SELECT " + COLUMNS + ", writetime(tokens) AS written FROM " + table(keyspace);
  }

  /** Where every row lies (a full scan, for the clean-up and status). */
  static String scanPositions(String keyspace) {
    return "SELECT user_key, kafka_topic_id, kafka_partition, kafka_offset FROM " + table(keyspace);
  }

  /** Deletes one user's rows of one topic and partition below an offset (user, topic, partition, offset): one range tombstone. */
  static String deleteBelow(String keyspace) {
    return "DELETE FROM " + table(keyspace)
        + " WHERE user_key = ? AND kafka_topic_id = ? AND kafka_partition = ? AND kafka_offset < ?";
  }

  /** Deletes one user's rows of one topic (user, topic): one range tombstone. */
  static String deleteTopic(String keyspace) {
    return "DELETE FROM " + table(keyspace) + " WHERE user_key = ? AND kafka_topic_id = ?";
  }

  /** Every user with rows (partition keys only). */
  static String distinctUsers(String keyspace) {
    return "SELECT DISTINCT user_key FROM " + table(keyspace);
  }

  /** A row as selected with {@link #COLUMNS}. */
  static SpeedRow row(Row r) {
    return new SpeedRow(r.getString("user_key"), r.getLong("tweet_id"), r.getString("kafka_topic_id"),
        r.getInt("kafka_partition"), r.getLong("kafka_offset"), r.getMap("words", String.class, Integer.class),
        r.isNull("tokens") ? 0 : r.getInt("tokens"));
  }

  static String table(String keyspace) {
    return ViewTables.in(keyspace, ViewTables.SPEED_VIEW);
  }
}
