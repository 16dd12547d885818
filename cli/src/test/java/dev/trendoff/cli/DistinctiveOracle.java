package dev.trendoff.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * docs/compare.md 'Rates and z' written out again for the tests, from recounted words and without
 * serving's code: what {@code compare-users A B --rank distinctive --top all --json} must answer.
 */
final class DistinctiveOracle {

  /** One word of the expected answer. */
  record Word(String word, long a, long b, double rateA, double rateB, double z) {}

  private DistinctiveOracle() {}

  /**
   * Every word of either user by z desc, ties by code points.
   *
   * @param corpus all users' counts in the batch view version, or null for the pooled prior
   */
  static List<Word> distinctive(Map<String, Long> a, Map<String, Long> b, double a0, Map<String, Long> corpus) {
    long nA = a.values().stream().mapToLong(Long::longValue).sum();
    long nB = b.values().stream().mapToLong(Long::longValue).sum();
    long c = corpus == null ? 0 : corpus.values().stream().mapToLong(Long::longValue).sum();
    TreeSet<String> v = new TreeSet<>(a.keySet());
    v.addAll(b.keySet());
    List<Word> out = new ArrayList<>();
    for (String w : v) {
      long yA = a.getOrDefault(w, 0L);
      long yB = b.getOrDefault(w, 0L);
      boolean inCorpus = corpus != null && corpus.containsKey(w);
      double alpha = inCorpus ? a0 * corpus.get(w) / c : a0 * (yA + yB) / (nA + nB);
      double z = !inCorpus && (nA == 0 || nB == 0) ? 0 : z(yA, nA, yB, nB, alpha, a0);
      out.add(new Word(w, yA, yB, nA == 0 ? 0 : 10000.0 * yA / nA, nB == 0 ? 0 : 10000.0 * yB / nB, z));
    }
    out.sort(Comparator.comparingDouble(Word::z).reversed()
        .thenComparing(x -> x.word().codePoints().toArray(), Arrays::compare));
    return out;
  }

  static double z(long yA, long nA, long yB, long nB, double alpha, double a0) {
    double delta = Math.log((yA + alpha) / (nA + a0 - yA - alpha)) - Math.log((yB + alpha) / (nB + a0 - yB - alpha));
    return delta / Math.sqrt(1 / (yA + alpha) + 1 / (yB + alpha));
  }

  /** Relative 1e-9, or 1e-12 absolutely for a z near 0 (a difference of two logarithms). */
  static void assertClose(double got, double want, String what) {
    assertThat(got).as(what).isCloseTo(want, within(Math.max(1e-12, Math.abs(want) * 1e-9)));
  }

  /** The JSON's {@code words} equal {@code expected} word by word, in order: counts exactly, rates and z to 1e-9. */
  static void assertWords(JsonNode words, List<Word> expected) {
    List<String> got = new ArrayList<>();
    words.forEach(w -> got.add(w.get("word").asText()));
    assertThat(got).isEqualTo(expected.stream().map(Word::word).toList());
    for (int i = 0; i < expected.size(); i++) {
      JsonNode w = words.get(i);
      Word e = expected.get(i);
      assertThat(w.get("counts").get(0).asLong()).as("count of %s", e.word()).isEqualTo(e.a());
      assertThat(w.get("counts").get(1).asLong()).as("count of %s", e.word()).isEqualTo(e.b());
      assertClose(w.get("rates").get(0).doubleValue(), e.rateA(), "rate of " + e.word());
      assertClose(w.get("rates").get(1).doubleValue(), e.rateB(), "rate of " + e.word());
      assertClose(w.get("z").doubleValue(), e.z(), "z of " + e.word());
    }
  }
}
