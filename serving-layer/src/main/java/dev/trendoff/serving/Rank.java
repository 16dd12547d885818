package dev.trendoff.serving;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The orders {@code compare-users --rank} knows (docs/compare.md 'Ranks'). */
public enum Rank {
  /** The mutual words: the smallest count desc, then the sum desc, then the word in code-point order. */
  SHARED,
  /** The mutual words: the sum desc, then the word. */
  TOTAL,
  /**
   * trendOff's order of the mutual words: each user's by that user's count desc (ties: the word in
   * code-point order), then in turn each user's next word, skipping words already taken; the first user
   * named starts.
   */
  ALTERNATE,
  /**
   * Every word any user used, by z desc (the weighted log-odds ratio, {@link LogOddsRatio}), ties by the
   * word; with more than two users, each user's words against the others pooled.
   */
  DISTINCTIVE;

  public String cliName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Every rank's name, in declaration order. */
  public static List<String> names() {
    return Arrays.stream(values()).map(Rank::cliName).toList();
  }
}
