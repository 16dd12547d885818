package dev.trendoff.serving;

import java.util.List;

import dev.trendoff.views.Corpus;

/**
 * Rates and z of words for some users (docs/compare.md 'Rates and z'): each user against the others
 * pooled, with the prior a {@link Method} names. With two users that is A against B.
 */
final class WordScorer {

  private final long[] totals;
  private final long total;
  private final Method method;
  private final Corpus corpus;

  /** @param corpus the batch view version's corpus; needed (not null) only for {@link Prior#CORPUS} */
  WordScorer(List<UserWords> users, Method method, Corpus corpus) {
    if (method.prior() == Prior.CORPUS && corpus == null) {
      throw new IllegalArgumentException("the corpus prior needs the corpus of the view version read");
    }
    this.totals = users.stream().mapToLong(UserWords::tokens).toArray();
    this.total = java.util.Arrays.stream(totals).sum();
    this.method = method;
    this.corpus = corpus;
  }

  /** The corpus count of {@code w} when the corpus prior applies to it (asked, and the corpus has it), else 0. */
  private long corpusCount(WordCounts w) {
    return method.prior() == Prior.CORPUS ? corpus.count(w.word()) : 0;
  }

  /** α(w): the corpus prior when it applies ({@code c}, the corpus count, is positive), else the pooled prior. */
  private double alpha(WordCounts w, long c) {
    return c > 0 ? LogOddsRatio.corpusAlpha(method.priorSize(), c, corpus.total())
        : LogOddsRatio.pooledAlpha(method.priorSize(), w.sum(), total);
  }

  /**
   * Each user's count, rate and z against the others pooled. With the pooled prior, a side without
   * words has exactly the odds of the other side (α / (a0 − α) = y / (n − y)): its z is 0, computed as
   * 0 rather than as rounding noise, so that such words tie and are ordered by the word.
   */
  RankedWord score(WordCounts w) {
    long c = corpusCount(w);
    double alpha = alpha(w, c);
    boolean pooled = c == 0;
    long y = w.sum();
    int n = w.users();
    double[] rates = new double[n];
    double[] z = new double[n];
    for (int i = 0; i < n; i++) {
      long yi = w.count(i);
      long others = total - totals[i];
      rates[i] = LogOddsRatio.rate(yi, totals[i]);
      z[i] = pooled && (totals[i] == 0 || others == 0) ? 0
          : LogOddsRatio.score(yi, totals[i], y - yi, others, alpha, method.priorSize()).z();
    }
    return new RankedWord(-1, w, rates, z);
  }
}
