package dev.trendoff.serving;

import java.util.Map;

/** One user's part of one batch view version: {@code batch_user_totals} and {@code batch_view} rows. */
public record BatchSide(long tweets, long tokens, Map<String, Long> words) {

  public static final BatchSide EMPTY = new BatchSide(0, 0, Map.of());

  public BatchSide {
    words = Map.copyOf(words);
  }
}
