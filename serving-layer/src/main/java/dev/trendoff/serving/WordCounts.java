package dev.trendoff.serving;

/** One word with the two users' counts, in the order the users were named. */
public record WordCounts(String word, long a, long b) {
  public long min() {
    return Math.min(a, b);
  }

  public long sum() {
    return a + b;
  }
}
