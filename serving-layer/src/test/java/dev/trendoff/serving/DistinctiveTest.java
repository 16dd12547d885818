package dev.trendoff.serving;

import static dev.trendoff.serving.LogOddsRatioTest.close;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import dev.trendoff.views.Corpus;
import dev.trendoff.views.ViewPointer;

/**
 * {@code --rank distinctive} and the rates and z every rank gives (docs/compare.md), on hand-built counts,
 * against expected values computed here (independently of the production code) and 50-digit literals.
 */
class DistinctiveTest {

  static UserWords user(String name, Map<String, Long> words) {
    return new UserWords(name, 5, words.values().stream().mapToLong(Long::longValue).sum(), words, 0, 0);
  }

  static final UserWords A = user("a", Map.of("spark", 10L, "kafka", 2L, "onlya", 5L, "tie1", 3L, "tie2", 3L));
  static final UserWords B = user("b", Map.of("spark", 1L, "kafka", 2L, "onlyb", 7L, "tie1", 1L, "tie2", 1L, "nation's", 30L));
  static final UserWords NONE = user("none", Map.of());
  static final UserWords T = user("t", Map.of("spark", 4L, "kafka", 1L, "zeta", 6L));

  static Comparison compare(Method method, int top, Corpus corpus, UserWords... users) {
    return Comparison.of(new ViewsRead(ViewPointer.of(7L, Map.of()), List.of(users), Instant.EPOCH, corpus), method, top);
  }

  static Comparison distinctive(int top, UserWords... users) {
    return compare(new Method(Rank.DISTINCTIVE, Prior.POOLED, 1000), top, null, users);
  }

  static List<String> words(Comparison c) {
    return c.ranked().stream().map(RankedWord::word).toList();
  }

  /** The contract, written out here: word -> z of user i against the others pooled, for every word of V. */
  static Map<String, Double> expectedZ(List<UserWords> users, int i, double a0, Map<String, Long> corpus) {
    TreeSet<String> v = new TreeSet<>();
    users.forEach(u -> v.addAll(u.words().keySet()));
    long n = 0;
    for (UserWords u : users) {
      n += u.tokens();
    }
    long ni = users.get(i).tokens();
    long c = corpus == null ? 0 : corpus.values().stream().mapToLong(Long::longValue).sum();
    Map<String, Double> out = new HashMap<>();
    for (String w : v) {
      long y = users.stream().mapToLong(u -> u.words().getOrDefault(w, 0L)).sum();
      long yi = users.get(i).words().getOrDefault(w, 0L);
      boolean inCorpus = corpus != null && corpus.containsKey(w);
      double alpha = inCorpus ? a0 * corpus.get(w) / c : a0 * y / n;
      boolean emptySide = ni == 0 || n - ni == 0;
      out.put(w, !inCorpus && emptySide ? 0.0 : LogOddsRatioTest.independentZ(yi, ni, y - yi, n - ni, alpha, a0));
    }
    return out;
  }

  /** Words by z desc, ties by code points. */
  static List<String> order(Map<String, Double> z) {
    List<String> out = new ArrayList<>(z.keySet());
    out.sort(Comparator.comparing((String w) -> -z.get(w))
        .thenComparing(w -> w.codePoints().toArray(), Arrays::compare));
    return out;
  }

  @Test
  void everyWordOfEitherUserByZDescTiesByWord() {
    Comparison c = distinctive(Ranking.ALL, A, B);
    // 50-digit values: spark 0.786, onlya 0.555, tie1 = tie2 0.2996, kafka 0.1105, onlyb -0.372, nation's -1.277
    assertThat(words(c)).containsExactly("spark", "onlya", "tie1", "tie2", "kafka", "onlyb", "nation's");
    assertThat(c.vocabulary()).isEqualTo(7);
    assertThat(c.mutualWords()).isEqualTo(4);
    Map<String, Double> want = expectedZ(List.of(A, B), 0, 1000, null);
    assertThat(words(c)).isEqualTo(order(want));
    for (RankedWord w : c.ranked()) {
      close(w.z(0), want.get(w.word()));
      assertThat(w.z(1)).isEqualTo(-w.z(0));
      assertThat(w.rate(0)).isEqualTo(10000.0 * A.count(w.word()) / 23);
      assertThat(w.rate(1)).isEqualTo(10000.0 * B.count(w.word()) / 42);
    }
    close(c.ranked().get(0).z(0), 7.86423941871805531889e-01);
    close(c.ranked().get(1).z(0), 5.55269077765035978800e-01);
    close(c.ranked().get(2).z(0), 2.99556271794861106450e-01);
    assertThat(c.ranked().get(2).z(0)).isEqualTo(c.ranked().get(3).z(0));
    close(c.ranked().get(5).z(0), -3.72254169960226977132e-01);
    close(c.ranked().get(6).z(0), -1.27686323079442276551e+00);
    // named the other way round: the same words, the opposite z, the opposite order (ties still by word)
    assertThat(words(distinctive(Ranking.ALL, B, A))).containsExactly("nation's", "onlyb", "kafka", "tie1", "tie2", "onlya", "spark");
  }

  @Test
  void topKeepsTheHighestAndTheLowestZ() {
    assertThat(words(distinctive(2, A, B))).containsExactly("spark", "onlya", "onlyb", "nation's");
    assertThat(words(distinctive(3, A, B))).containsExactly("spark", "onlya", "tie1", "kafka", "onlyb", "nation's");
    // at most 2N words: all of them
    assertThat(words(distinctive(4, A, B))).hasSize(7);
    assertThat(words(distinctive(1, A, B))).containsExactly("spark", "nation's");
  }

  @Test
  void aUserWithNoWordsGivesZZeroToEveryWordSoTheWordDecides() {
    Comparison c = distinctive(Ranking.ALL, NONE, B);
    assertThat(words(c)).containsExactly("kafka", "nation's", "onlyb", "spark", "tie1", "tie2");
    assertThat(c.ranked()).allSatisfy(w -> {
      assertThat(w.z(0)).isZero();
      assertThat(w.rate(0)).isZero();
    });
    // the corpus prior is not the user's own: there the empty user's odds differ
    Map<String, Long> corpus = Map.of("spark", 100L, "kafka", 50L, "nation's", 10L, "other", 840L);
    Comparison k = compare(new Method(Rank.DISTINCTIVE, Prior.CORPUS, 1000), Ranking.ALL, Corpus.of(7L, corpus), NONE, B);
    Map<String, Double> want = expectedZ(List.of(NONE, B), 0, 1000, corpus);
    assertThat(words(k)).isEqualTo(order(want));
    k.ranked().forEach(w -> close(w.z(0), want.get(w.word())));
    assertThat(k.ranked().get(0).z(0)).isPositive();
  }

  @Test
  void theCorpusPriorWithThePooledOneForWordsTheCorpusLacks() {
    Map<String, Long> corpus = Map.of("spark", 100L, "kafka", 50L, "nation's", 10L, "other", 840L);
    Comparison c = compare(new Method(Rank.DISTINCTIVE, Prior.CORPUS, 1000), Ranking.ALL, Corpus.of(7L, corpus), A, B);
    Map<String, Double> want = expectedZ(List.of(A, B), 0, 1000, corpus);
    assertThat(words(c)).isEqualTo(order(want));
    c.ranked().forEach(w -> close(w.z(0), want.get(w.word())));
    Map<String, Double> got = new HashMap<>();
    c.ranked().forEach(w -> got.put(w.word(), w.z(0)));
    close(got.get("spark"), 8.38590710221522650514e-01);
    close(got.get("kafka"), 9.88112213391140192797e-02);
    close(got.get("nation's"), -3.95191397084100071169e+00);
    // not in the corpus: the pooled values
    close(got.get("onlya"), 5.55269077765035978800e-01);
    close(got.get("tie1"), 2.99556271794861106450e-01);
  }

  @Test
  void moreThanTwoUsersEachAgainstTheOthersPooled() {
    Comparison c = distinctive(2, A, B, T);
    assertThat(c.perUserLists()).isTrue();
    assertThat(c.ranked()).extracting(RankedWord::user).containsExactly(0, 0, 1, 1, 2, 2);
    List<UserWords> users = List.of(A, B, T);
    for (int i = 0; i < 3; i++) {
      int user = i;
      Map<String, Double> want = expectedZ(users, i, 1000, null);
      List<RankedWord> list = c.ranked().stream().filter(w -> w.user() == user).toList();
      assertThat(list).extracting(RankedWord::word).isEqualTo(order(want).subList(0, 2));
      for (RankedWord w : list) {
        for (int k = 0; k < 3; k++) {
          close(w.z(k), expectedZ(users, k, 1000, null).get(w.word()));
        }
      }
    }
    // 50-digit values: a's top are spark 0.672 and onlya 0.639; b's nation's 1.549 and onlyb 0.499; t's zeta 0.870 and spark 0.225
    assertThat(words(c)).containsExactly("spark", "onlya", "nation's", "onlyb", "zeta", "spark");
    close(c.ranked().get(0).z(0), 6.72220484558993858215e-01);
    close(c.ranked().get(1).z(0), 6.38528118206216244168e-01);
    close(c.ranked().get(2).z(1), 1.54867147428746121385e+00);
    close(c.ranked().get(4).z(2), 8.70148125414614836970e-01);
    close(c.ranked().get(5).z(2), 2.25230045951683000016e-01);
    assertThat(distinctive(Ranking.ALL, A, B, T).ranked()).hasSize(3 * 8);
  }

  @Test
  void everyRankGivesRatesAndZ() {
    Comparison shared = compare(Method.of(Rank.SHARED), Ranking.ALL, null, A, B);
    // the mutual words by the smaller count: kafka 2, then spark 1 (sum 11), tie1 1 and tie2 1 (sum 4, then the word)
    assertThat(words(shared)).containsExactly("kafka", "spark", "tie1", "tie2");
    Map<String, Double> want = expectedZ(List.of(A, B), 0, 1000, null);
    shared.ranked().forEach(w -> close(w.z(0), want.get(w.word())));
    // three users: the words all three use, by the smallest count (1 each) then the sum (15, 5); a z per user
    Comparison three = compare(Method.of(Rank.SHARED), Ranking.ALL, null, A, B, T);
    assertThat(words(three)).containsExactly("spark", "kafka");
    assertThat(three.ranked().get(0).rates()).containsExactly(10000.0 * 10 / 23, 10000.0 * 1 / 42, 10000.0 * 4 / 11);
    close(three.ranked().get(0).z(1), -8.97118062657636383683e-01);
    close(three.ranked().get(1).z(2), 5.06346616473027436034e-02);
    Comparison total = compare(Method.of(Rank.TOTAL), Ranking.ALL, null, A, B, T);
    assertThat(words(total)).containsExactly("spark", "kafka");
    // alternate over three users: a's most used, then b's, then t's
    UserWords x = user("x", Map.of("p", 5L, "q", 1L, "r", 1L));
    UserWords y = user("y", Map.of("p", 1L, "q", 5L, "r", 1L));
    UserWords z = user("z", Map.of("p", 1L, "q", 1L, "r", 5L));
    assertThat(words(compare(Method.of(Rank.ALTERNATE), Ranking.ALL, null, z, x, y))).containsExactly("r", "p", "q");
  }
}
