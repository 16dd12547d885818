package dev.trendoff.views;

import java.io.Serializable;
import java.util.Map;

/**
 * One row of the speed view: one tweet of {@code userKey}, where the speed layer read it in Kafka, and
 * its word counts; {@code tokens} is the sum of the counts. The speed layer always writes a partition
 * and an offset; a row read without them is counted by the merge (see {@link ViewPointer#countsSpeedRow}).
 */
public record SpeedRow(String userKey, long tweetId, Integer kafkaPartition, Long kafkaOffset,
    Map<String, Integer> words, int tokens) implements Serializable {

  public SpeedRow {
    words = words == null ? Map.of() : Map.copyOf(words);
  }
}
