package dev.trendoff.serving;

/**
 * How a comparison ranks and scores its words: the rank, and the prior behind every word's z
 * (the JSON's {@code "method"}).
 *
 * @param priorSize a0, the prior's total count (positive)
 */
public record Method(Rank rank, Prior prior, double priorSize) {

  /** {@code --prior-size} when not given. */
  public static final double DEFAULT_PRIOR_SIZE = 1000;

  public Method {
    if (!(priorSize > 0) || Double.isInfinite(priorSize)) {
      throw new IllegalArgumentException("prior size must be a positive number: " + priorSize);
    }
  }

  /** The prior size as people write it: {@code 1000}, {@code 2.5} (its shortest exact decimal, without ".0"). */
  public String priorSizeText() {
    return new java.math.BigDecimal(Double.toString(priorSize)).stripTrailingZeros().toPlainString();
  }

  /** {@code rank} with the default prior (pooled, size 1000). */
  public static Method of(Rank rank) {
    return new Method(rank, Prior.POOLED, DEFAULT_PRIOR_SIZE);
  }
}
