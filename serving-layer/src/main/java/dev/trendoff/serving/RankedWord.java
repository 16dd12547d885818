package dev.trendoff.serving;

import java.util.Arrays;

/**
 * One word of an answer: each user's count and rate per 10,000 words, and each user's z against the
 * others pooled (with two users z[1] = −z[0]; the JSON's {@code "z"} is z[0]).
 *
 * @param user for {@link Rank#DISTINCTIVE} with more than two users, the index of the user whose list
 *     the word is in; otherwise −1
 */
public record RankedWord(int user, WordCounts counts, double[] rates, double[] z) {

  public RankedWord {
    rates = rates.clone();
    z = z.clone();
  }

  public String word() {
    return counts.word();
  }

  public long count(int i) {
    return counts.count(i);
  }

  public double rate(int i) {
    return rates[i];
  }

  /** User {@code i}'s z against the others pooled. */
  public double z(int i) {
    return z[i];
  }

  @Override
  public double[] rates() {
    return rates.clone();
  }

  @Override
  public double[] z() {
    return z.clone();
  }

  /** The same word in user {@code i}'s list. */
  RankedWord inListOf(int i) {
    return new RankedWord(i, counts, rates, z);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RankedWord r && r.user == user && r.counts.equals(counts) && Arrays.equals(r.rates, rates)
        && Arrays.equals(r.z, z);
  }

  @Override
  public int hashCode() {
    return counts.hashCode();
  }

  @Override
  public String toString() {
    return (user >= 0 ? user + ":" : "") + counts + " rates " + Arrays.toString(rates) + " z " + Arrays.toString(z);
  }
}
