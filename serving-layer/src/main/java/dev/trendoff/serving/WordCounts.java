package dev.trendoff.serving;

import java.util.Arrays;

/** One word with each user's count, in the order the users were named. */
public record WordCounts(String word, long[] counts) {

  public WordCounts {
    counts = counts.clone();
  }

  /** Two users' counts. */
  public WordCounts(String word, long a, long b) {
    this(word, new long[] {a, b});
  }

  @Override
  public long[] counts() {
    return counts.clone();
  }

  public int users() {
    return counts.length;
  }

  public long count(int user) {
    return counts[user];
  }

  /** The first user's count. */
  public long a() {
    return counts[0];
  }

  /** The second user's count. */
  public long b() {
    return counts[1];
  }

  /** The smallest count. */
  public long min() {
    long m = Long.MAX_VALUE;
    for (long c : counts) {
      m = Math.min(m, c);
    }
    return m;
  }

  /** All users' counts together. */
  public long sum() {
    long s = 0;
    for (long c : counts) {
      s += c;
    }
    return s;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof WordCounts w && w.word.equals(word) && Arrays.equals(w.counts, counts);
  }

  @Override
  public int hashCode() {
    return 31 * word.hashCode() + Arrays.hashCode(counts);
  }

  @Override
  public String toString() {
    return word + "=" + Arrays.toString(counts);
  }
}
