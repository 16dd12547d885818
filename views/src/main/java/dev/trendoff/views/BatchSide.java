package dev.trendoff.views;

import java.util.Map;

/** One user's part of one batch view version: the totals and word counts of its chunks put together. */
public record BatchSide(long tweets, long tokens, Map<String, Long> words) {

  public static final BatchSide EMPTY = new BatchSide(0, 0, Map.of());

  public BatchSide {
    words = Map.copyOf(words);
  }
}
