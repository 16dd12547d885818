package dev.trendoff.speed;

import java.io.Serializable;
import java.util.Map;

/**
 * One row of the speed view: a tweet of {@code userKey}, where it was read in Kafka, and its words.
 * {@code tokens} is the sum of the word counts.
 */
public record SpeedRow(String userKey, long tweetId, int kafkaPartition, long kafkaOffset,
    Map<String, Integer> words, int tokens) implements Serializable {

  public SpeedRow {
    words = Map.copyOf(words);
  }
}
