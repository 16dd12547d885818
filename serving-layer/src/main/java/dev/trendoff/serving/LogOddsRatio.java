package dev.trendoff.serving;

/**
 * The weighted log-odds ratio with an informative Dirichlet prior (Monroe, Colaresi and Quinn,
 * "Fightin' Words", Political Analysis 2008), as docs/compare.md 'Rates and z' writes it, for one word
 * and two sides A and B. Plain arithmetic on counts, no I/O.
 *
 * <p>{@code y} is the word's count on a side, {@code n} the side's word total (tokens), {@code a0} the
 * prior size and {@code alpha} the word's prior count ({@link #pooledAlpha} or {@link #corpusAlpha}).
 */
public final class LogOddsRatio {

  /** Rates are per this many words. */
  public static final double RATE_PER = 10_000;

  /** δ, σ² and z = δ / √σ² of one word; z > 0 marks side A, z < 0 side B. */
  public record Score(double delta, double variance, double z) {}

  private LogOddsRatio() {}

  /** {@code 10000 · y / n}: the word's rate per 10,000 words; 0 when {@code n} is 0. */
  public static double rate(long y, long n) {
    return n == 0 ? 0 : RATE_PER * y / n;
  }

  /**
   * The pooled prior: {@code a0 · y / n}, where {@code y} is the word's count on both sides together
   * and {@code n} both sides' word totals together (exactly {@code a0} when the word is all the words).
   */
  public static double pooledAlpha(double a0, long y, long n) {
    return y == n ? a0 : a0 * y / n;
  }

  /**
   * The corpus prior: {@code a0 · c / total}, where {@code c} is the word's count over all users of the
   * batch view version and {@code total} the sum of all words' counts there (exactly {@code a0} when the
   * word is the whole corpus).
   */
  public static double corpusAlpha(double a0, long c, long total) {
    return c == total ? a0 : a0 * c / total;
  }

  /**
   * δ = ln[(yA + α) / (nA + a0 − yA − α)] − ln[(yB + α) / (nB + a0 − yB − α)],
   * σ² = 1/(yA + α) + 1/(yB + α), z = δ / √σ². When a denominator is 0 (α is the whole a0 and a side
   * used no other word, e.g. both sides used only this word) the odds are not finite: δ and z are 0.
   */
  public static Score score(long yA, long nA, long yB, long nB, double alpha, double a0) {
    double variance = 1 / (yA + alpha) + 1 / (yB + alpha);
    double restA = (nA - yA) + (a0 - alpha);
    double restB = (nB - yB) + (a0 - alpha);
    if (restA <= 0 || restB <= 0) {
      return new Score(0, variance, 0);
    }
    double delta = Math.log((yA + alpha) / restA) - Math.log((yB + alpha) / restB);
    return new Score(delta, variance, delta / Math.sqrt(variance));
  }
}
