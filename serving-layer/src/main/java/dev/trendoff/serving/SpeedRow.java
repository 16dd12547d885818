package dev.trendoff.serving;

import java.util.Map;

/** One row of the speed view: one tweet of one user, where Kafka had it, and its words. */
public record SpeedRow(long tweetId, Integer kafkaPartition, Long kafkaOffset, Map<String, Integer> words, int tokens) {
  public SpeedRow {
    words = words == null ? Map.of() : Map.copyOf(words);
  }
}
