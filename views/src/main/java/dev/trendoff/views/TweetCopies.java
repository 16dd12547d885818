package dev.trendoff.views;

import java.util.Set;
import java.util.TreeSet;

import com.datastax.oss.driver.api.core.cql.Row;

import dev.trendoff.core.Tables;

/**
 * Where the copies of one tweet id came in (docs/lambda.md 'Copies of a tweet'): the Kafka positions
 * the batch ingest read it at (topic id, partition, offset) and the load-csv runs that loaded it, as
 * the master table keeps them ({@code kafka_positions}, {@code load_ids}: sets, added to by every
 * write, never overwritten). A version counts a tweet id once when any copy is covered by its cut;
 * the speed side then counts none of its copies. A master row written before copies were recorded has
 * its one Kafka position in {@code kafka_topic_id/partition/offset}, or none: a file row that every
 * version counts.
 */
public record TweetCopies(long tweetId, Set<String> positions, Set<Long> loads, boolean legacyFileRow) {

  /** The copies of a tweet the master table does not hold. */
  public static TweetCopies none(long tweetId) {
    return new TweetCopies(tweetId, Set.of(), Set.of(), false);
  }

  public TweetCopies {
    positions = Set.copyOf(positions);
    loads = Set.copyOf(loads);
  }

  /** A Kafka position as the master table's {@code kafka_positions} holds it: {@code topicId/partition/offset}. */
  public static String position(String topicId, int partition, long offset) {
    return (topicId == null ? "" : topicId) + "/" + partition + "/" + offset;
  }

  /** Whether {@code cut}'s version counts this tweet: some copy is covered by it. */
  public boolean countedBy(Cut cut) {
    if (legacyFileRow) {
      return true;
    }
    for (Long load : loads) {
      if (cut.loads().contains(load)) {
        return true;
      }
    }
    for (String p : positions) {
      Position at = Position.parse(p);
      if (cut.covers(at.topicId(), at.partition(), at.offset())) {
        return true;
      }
    }
    return false;
  }

  /** Whether a copy came in through a topic {@code cut} does not know (neither its topic nor a retired one). */
  public boolean ofUnknownTopic(Cut cut) {
    for (String p : positions) {
      String topic = Position.parse(p).topicId();
      if (!cut.isCurrent(topic) && !cut.isRetired(topic)) {
        return true;
      }
    }
    return false;
  }

  /** One Kafka position of {@code kafka_positions}. */
  public record Position(String topicId, int partition, long offset) {
    static Position parse(String p) {
      int b = p.lastIndexOf('/');
      int a = p.lastIndexOf('/', b - 1);
      String topic = p.substring(0, a);
      return new Position(topic.isEmpty() ? null : topic, Integer.parseInt(p.substring(a + 1, b)),
          Long.parseLong(p.substring(b + 1)));
    }
  }

  /** The columns {@link #of} reads, selected by tweet id. */
  public static String select(String keyspace) {
    return "SELECT tweet_id, kafka_positions, load_ids, kafka_topic_id, kafka_partition, kafka_offset FROM "
        + keyspace + "." + Tables.TWEETS + " WHERE tweet_id = ?";
  }

  /** The columns {@link #of} reads, selected for a list of tweet ids ({@code tweet_id IN ?}). */
  public static String selectMany(String keyspace) {
    return select(keyspace).replace("WHERE tweet_id = ?", "WHERE tweet_id IN ?");
  }

  /** A master row's copies as {@link #select} reads them. */
  public static TweetCopies of(Row r) {
    return of(r.getLong("tweet_id"), r.getSet("kafka_positions", String.class), r.getSet("load_ids", Long.class),
        r.isNull("kafka_topic_id") ? null : r.getString("kafka_topic_id"),
        r.isNull("kafka_partition") ? null : r.getInt("kafka_partition"),
        r.isNull("kafka_offset") ? null : r.getLong("kafka_offset"));
  }

  /** From a master row's columns (sets empty or null when the row was written before they were). */
  public static TweetCopies of(long tweetId, Set<String> positions, Set<Long> loads, String topicId, Integer partition,
      Long offset) {
    Set<String> ps = new TreeSet<>(positions == null ? Set.of() : positions);
    Set<Long> ls = loads == null ? Set.of() : loads;
    boolean legacyFile = false;
    if (ps.isEmpty() && partition != null && offset != null) {
      ps.add(position(topicId, partition, offset));
    } else if (ps.isEmpty() && ls.isEmpty() && partition == null) {
      legacyFile = true;
    }
    return new TweetCopies(tweetId, ps, ls, legacyFile);
  }
}
