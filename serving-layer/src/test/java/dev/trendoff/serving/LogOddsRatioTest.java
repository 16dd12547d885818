package dev.trendoff.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * The formula of docs/compare.md 'Rates and z' against two computations that do not use the production
 * code: literals computed with 50-digit decimals (Python's decimal module, the script's lines are in
 * the comments), and the same algebra written out differently here (sums of logarithms).
 */
class LogOddsRatioTest {

  /**
   * |got - want| <= 1e-12 |want|, or 1e-13 when want is near 0: δ is a difference of two logarithms,
   * so a z near 0 carries the rounding of terms far larger than itself.
   */
  static void close(double got, double want) {
    assertThat(got).isCloseTo(want, within(Math.max(1e-13, Math.abs(want) * 1e-12)));
  }

  /** The contract's z written another way: ln(yA+α) − ln(rest of A) − ln(yB+α) + ln(rest of B), over √(1/(yA+α) + 1/(yB+α)). */
  static double independentZ(long yA, long nA, long yB, long nB, double alpha, double a0) {
    double numA = yA + alpha;
    double numB = yB + alpha;
    double delta = Math.log(numA) - Math.log(nA + a0 - yA - alpha) - Math.log(numB) + Math.log(nB + a0 - yB - alpha);
    return delta / Math.sqrt((numA + numB) / (numA * numB));
  }

  @Test
  void ratesArePerTenThousandWordsAndZeroWithoutWords() {
    assertThat(LogOddsRatio.rate(3, 40)).isEqualTo(750.0);
    assertThat(LogOddsRatio.rate(30, 21)).isEqualTo(14285.714285714286);
    assertThat(LogOddsRatio.rate(0, 21)).isZero();
    assertThat(LogOddsRatio.rate(0, 0)).isZero();
  }

  @Test
  void priorsAreShares() {
    assertThat(LogOddsRatio.pooledAlpha(1000, 11, 65)).isEqualTo(1000.0 * 11 / 65);
    assertThat(LogOddsRatio.corpusAlpha(1000, 100, 1000)).isEqualTo(100.0);
    // the whole vocabulary or the whole corpus: exactly a0, whatever the rounding of a0 · n / n
    assertThat(LogOddsRatio.pooledAlpha(0.1, 49, 49)).isEqualTo(0.1);
    assertThat(LogOddsRatio.corpusAlpha(0.1, 49, 49)).isEqualTo(0.1);
  }

  @Test
  void highPrecisionValues() {
    // A = {spark 10, kafka 2, onlya 5, tie1 3, tie2 3} (nA 23), B = {spark 1, kafka 2, onlyb 7, tie1 1, tie2 1, nation's 30} (nB 42)
    // alpha = a0 * (yA + yB) / (nA + nB); z, delta and sigma^2 from Python:
    //   d = ((yA+alpha)/(nA+a0-yA-alpha)).ln() - ((yB+alpha)/(nB+a0-yB-alpha)).ln(); s2 = 1/(yA+alpha) + 1/(yB+alpha)
    LogOddsRatio.Score spark = LogOddsRatio.score(10, 23, 1, 42, LogOddsRatio.pooledAlpha(1000, 11, 65), 1000);
    close(spark.z(), 7.86423941871805531889e-01);
    close(spark.delta(), 8.41649178303108952415e-02);
    close(spark.variance(), 1.14537778131175715934e-02);
    close(LogOddsRatio.score(0, 23, 30, 42, LogOddsRatio.pooledAlpha(1000, 30, 65), 1000).z(), -1.27686323079442276551e+00);
    close(LogOddsRatio.score(5, 23, 0, 42, LogOddsRatio.pooledAlpha(1000, 5, 65), 1000).z(), 5.55269077765035978800e-01);
    close(LogOddsRatio.score(0, 23, 7, 42, LogOddsRatio.pooledAlpha(1000, 7, 65), 1000).z(), -3.72254169960226977132e-01);
    // a small prior (a0 10) sharpens every z
    close(LogOddsRatio.score(10, 23, 1, 42, LogOddsRatio.pooledAlpha(10, 11, 65), 10).z(), 3.41360609090573152713e+00);
    close(LogOddsRatio.score(0, 23, 30, 42, LogOddsRatio.pooledAlpha(10, 30, 65), 10).z(), -5.05546834450576554332e+00);
    // the corpus prior: spark 100 of a corpus of 1000 words
    close(LogOddsRatio.score(10, 23, 1, 42, LogOddsRatio.corpusAlpha(1000, 100, 1000), 1000).z(), 8.38590710221522650514e-01);
  }

  @Test
  void sidesSwappedNegateZExactly() {
    Random r = new Random(13);
    for (int i = 0; i < 10_000; i++) {
      long nA = r.nextInt(5000);
      long nB = 1 + r.nextInt(5000);
      long yA = nA == 0 ? 0 : r.nextInt((int) nA + 1);
      long yB = r.nextInt((int) nB + 1);
      if (yA + yB == 0) {
        continue;
      }
      double a0 = 0.5 + r.nextInt(3000);
      double alpha = LogOddsRatio.pooledAlpha(a0, yA + yB, nA + nB);
      double z = LogOddsRatio.score(yA, nA, yB, nB, alpha, a0).z();
      assertThat(LogOddsRatio.score(yB, nB, yA, nA, alpha, a0).z()).isEqualTo(-z);
      if (yA + yB < nA + nB) {
        close(z, independentZ(yA, nA, yB, nB, alpha, a0));
      }
    }
  }

  @Test
  void aWordThatIsAllTheWordsAndAllThePriorHasZZero() {
    // both sides used only this word: both odds infinite
    LogOddsRatio.Score s = LogOddsRatio.score(4, 4, 9, 9, LogOddsRatio.pooledAlpha(1000, 13, 13), 1000);
    assertThat(s.z()).isZero();
    assertThat(s.delta()).isZero();
    assertThat(s.variance()).isEqualTo(1 / 1004.0 + 1 / 1009.0);
  }
}
