package dev.trendoff.batch;

import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.BoundStatementBuilder;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;

import dev.trendoff.core.Tables;

/** The master table's insert and how a {@link MasterRow} is bound to it: null fields left unset, not tombstones. */
public final class MasterRowStatements {

  private MasterRowStatements() {}

  /** An upsert of every column, keyed by tweet id (idempotent). */
  public static String insert(String keyspace) {
    return "INSERT INTO " + keyspace + "." + Tables.TWEETS + " (tweet_id, user_key, user_screen_name, user_name, text,"
        + " created_at, lang, favorite_count, retweet_count, is_retweet, favorited, retweeted, possibly_sensitive,"
        + " user_followers_count, latitude, longitude, place, source, kafka_partition, kafka_offset, ingested_at,"
        + " kafka_topic_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
  }

  /** The row bound to {@code insert}; a null field stays unset (no tombstone; an earlier value is kept). */
  public static BoundStatement bind(PreparedStatement insert, MasterRow r) {
    BoundStatementBuilder b = insert.boundStatementBuilder().setLong(0, r.getTweetId()).setIdempotence(true);
    if (r.getUserKey() != null) b.setString(1, r.getUserKey());
    if (r.getUserScreenName() != null) b.setString(2, r.getUserScreenName());
    if (r.getUserName() != null) b.setString(3, r.getUserName());
    if (r.getText() != null) b.setString(4, r.getText());
    if (r.getCreatedAt() != null) b.setInstant(5, r.getCreatedAt().toInstant());
    if (r.getLang() != null) b.setString(6, r.getLang());
    if (r.getFavoriteCount() != null) b.setInt(7, r.getFavoriteCount());
    if (r.getRetweetCount() != null) b.setInt(8, r.getRetweetCount());
    if (r.getIsRetweet() != null) b.setBoolean(9, r.getIsRetweet());
    if (r.getFavorited() != null) b.setBoolean(10, r.getFavorited());
    if (r.getRetweeted() != null) b.setBoolean(11, r.getRetweeted());
    if (r.getPossiblySensitive() != null) b.setBoolean(12, r.getPossiblySensitive());
    if (r.getUserFollowersCount() != null) b.setInt(13, r.getUserFollowersCount());
    if (r.getLatitude() != null) b.setDouble(14, r.getLatitude());
    if (r.getLongitude() != null) b.setDouble(15, r.getLongitude());
    if (r.getPlace() != null) b.setString(16, r.getPlace());
    if (r.getSource() != null) b.setString(17, r.getSource());
    if (r.getKafkaPartition() != null) b.setInt(18, r.getKafkaPartition());
    if (r.getKafkaOffset() != null) b.setLong(19, r.getKafkaOffset());
    if (r.getIngestedAt() != null) b.setInstant(20, r.getIngestedAt().toInstant());
    if (r.getKafkaTopicId() != null) b.setString(21, r.getKafkaTopicId());
    return b.build();
  }
}
