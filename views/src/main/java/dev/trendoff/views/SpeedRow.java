package dev.trendoff.views;

import java.io.Serializable;
import java.util.Map;

/**
 * One row of the speed view: one tweet of {@code userKey}, where the speed layer read it in Kafka (the
 * topic's id, partition and offset: the row's key in its user's partition) and its word counts;
 * {@code tokens} is the sum of the counts. A topic id of {@link #NO_TOPIC} stands for "the topic of the
 * published cut" (rows written by fixtures and benchmarks that have no Kafka topic).
 */
public record SpeedRow(String userKey, long tweetId, String topicId, int kafkaPartition, long kafkaOffset,
    Map<String, Integer> words, int tokens) implements Serializable {

  /** The topic id of a row that names none: taken as the published cut's topic. */
  public static final String NO_TOPIC = "";

  public SpeedRow {
    topicId = topicId == null ? NO_TOPIC : topicId;
    words = words == null ? Map.of() : Map.copyOf(words);
  }

  /** A row of no particular topic ({@link #NO_TOPIC}). */
  public SpeedRow(String userKey, long tweetId, int kafkaPartition, long kafkaOffset, Map<String, Integer> words, int tokens) {
    this(userKey, tweetId, NO_TOPIC, kafkaPartition, kafkaOffset, words, tokens);
  }

  /** An estimate of the row's size in a mutation (its words as UTF-8, plus the key and the counts). */
  public int estimatedBytes() {
    int n = 64 + userKey.length() + topicId.length();
    for (String w : words.keySet()) {
      n += dev.trendoff.core.TweetChecks.utf8Length(w) + 8;
    }
    return n;
  }
}
