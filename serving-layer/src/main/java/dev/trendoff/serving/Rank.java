package dev.trendoff.serving;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The orders {@code compare-users --rank} knows (docs/compare.md 'Ranks'). */
public enum Rank {
  /** The smaller of the two counts desc, then the sum desc, then the word in code-point order. */
  SHARED,
  /** The sum desc, then the word. */
  TOTAL,
  /**
   * trendOff's order: each user's mutual words by that user's count desc (ties: the word in code-point
   * order), then alternately the first user's next word and the second user's next word, skipping words
   * already taken; the first user named starts.
   */
  ALTERNATE;

  public String cliName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Every rank's name, in declaration order. */
  public static List<String> names() {
    return Arrays.stream(values()).map(Rank::cliName).toList();
  }
}
