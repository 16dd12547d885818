package dev.trendoff.batch;

import java.util.Set;

import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.BoundStatementBuilder;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;

import dev.trendoff.core.Tables;
import dev.trendoff.views.TweetCopies;

/**
 * The master table's write and how a {@link MasterRow} is bound to it: null fields left unset (not
 * tombstones), and the row's copy (its Kafka position, or its load-csv run) added to the sets of copies
 * ({@code kafka_positions}, {@code load_ids}: docs/lambda.md 'Copies of a tweet').
 */
public final class MasterRowStatements {

  private MasterRowStatements() {}

  /** An upsert of every column keyed by tweet id (idempotent), adding the copy to its set. */
  public static String insert(String keyspace) {
    return "UPDATE " + keyspace + "." + Tables.TWEETS + " SET user_key = ?, user_screen_name = ?, user_name = ?, text = ?,"
        + " created_at = ?, lang = ?, favorite_count = ?, retweet_count = ?, is_retweet = ?, favorited = ?, retweeted = ?,"
        + " possibly_sensitive = ?, user_followers_count = ?, latitude = ?, longitude = ?, place = ?, source = ?,"
        + " kafka_partition = ?, kafka_offset = ?, ingested_at = ?, kafka_topic_id = ?,"
        + " kafka_positions = kafka_positions + ?, load_ids = load_ids + ? WHERE tweet_id = ?";
  }

  /** The row bound to {@code insert}; a null field stays unset (no tombstone; an earlier value is kept). */
  public static BoundStatement bind(PreparedStatement insert, MasterRow r) {
    BoundStatementBuilder b = insert.boundStatementBuilder().setLong(23, r.getTweetId()).setIdempotence(true);
    if (r.getUserKey() != null) b.setString(0, r.getUserKey());
    if (r.getUserScreenName() != null) b.setString(1, r.getUserScreenName());
    if (r.getUserName() != null) b.setString(2, r.getUserName());
    if (r.getText() != null) b.setString(3, r.getText());
    if (r.getCreatedAt() != null) b.setInstant(4, r.getCreatedAt().toInstant());
    if (r.getLang() != null) b.setString(5, r.getLang());
    if (r.getFavoriteCount() != null) b.setInt(6, r.getFavoriteCount());
    if (r.getRetweetCount() != null) b.setInt(7, r.getRetweetCount());
    if (r.getIsRetweet() != null) b.setBoolean(8, r.getIsRetweet());
    if (r.getFavorited() != null) b.setBoolean(9, r.getFavorited());
    if (r.getRetweeted() != null) b.setBoolean(10, r.getRetweeted());
    if (r.getPossiblySensitive() != null) b.setBoolean(11, r.getPossiblySensitive());
    if (r.getUserFollowersCount() != null) b.setInt(12, r.getUserFollowersCount());
    if (r.getLatitude() != null) b.setDouble(13, r.getLatitude());
    if (r.getLongitude() != null) b.setDouble(14, r.getLongitude());
    if (r.getPlace() != null) b.setString(15, r.getPlace());
    if (r.getSource() != null) b.setString(16, r.getSource());
    if (r.getKafkaPartition() != null) b.setInt(17, r.getKafkaPartition());
    if (r.getKafkaOffset() != null) b.setLong(18, r.getKafkaOffset());
    if (r.getIngestedAt() != null) b.setInstant(19, r.getIngestedAt().toInstant());
    if (r.getKafkaTopicId() != null) b.setString(20, r.getKafkaTopicId());
    if (r.getKafkaPartition() != null && r.getKafkaOffset() != null) {
      b.setSet(21, Set.of(TweetCopies.position(r.getKafkaTopicId(), r.getKafkaPartition(), r.getKafkaOffset())), String.class);
    }
    if (r.getLoadId() != null) b.setSet(22, Set.of(r.getLoadId()), Long.class);
    return b.build();
  }
}
