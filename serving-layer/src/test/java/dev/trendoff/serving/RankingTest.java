package dev.trendoff.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class RankingTest {

  static UserWords user(String name, Map<String, Long> words) {
    return new UserWords(name, 1, words.values().stream().mapToLong(Long::longValue).sum(), words, 0, 0);
  }

  static List<String> words(List<WordCounts> l) {
    return l.stream().map(WordCounts::word).toList();
  }

  final UserWords a = user("a", Map.of("apple", 5L, "pear", 1L, "kiwi", 3L, "fig", 3L, "onlya", 9L, "plum", 2L));
  final UserWords b = user("b", Map.of("apple", 1L, "pear", 4L, "kiwi", 3L, "fig", 3L, "onlyb", 7L, "plum", 2L));

  @Test
  void mutualWordsAreThoseBothUsed() {
    assertThat(Ranking.mutual(a, b)).extracting(WordCounts::word)
        .containsExactlyInAnyOrder("apple", "pear", "kiwi", "fig", "plum");
    assertThat(Ranking.mutual(a, b)).contains(new WordCounts("pear", 1, 4));
  }

  @Test
  void sharedOrdersByMinThenSumThenWord() {
    // min: apple 1 (sum 6), pear 1 (sum 5), kiwi 3, fig 3 (sum 6 each), plum 2
    assertThat(words(Ranking.rank(a, b, Rank.SHARED, Ranking.ALL)))
        .containsExactly("fig", "kiwi", "plum", "apple", "pear");
  }

  @Test
  void totalOrdersBySumThenWord() {
    // sums: apple 6, fig 6, kiwi 6, pear 5, plum 4
    assertThat(words(Ranking.rank(a, b, Rank.TOTAL, Ranking.ALL)))
        .containsExactly("apple", "fig", "kiwi", "pear", "plum");
  }

  @Test
  void alternateTakesEachUsersNextWordInTurnSkippingTaken() {
    // a's list: apple 5, fig 3, kiwi 3, plum 2, pear 1; b's list: pear 4, fig 3, kiwi 3, plum 2, apple 1
    // a: apple, b: pear, a: fig, b: (fig taken) kiwi, a: (kiwi taken) plum
    assertThat(words(Ranking.rank(a, b, Rank.ALTERNATE, Ranking.ALL)))
        .containsExactly("apple", "pear", "fig", "kiwi", "plum");
    // the first user named starts
    assertThat(words(Ranking.rank(b, a, Rank.ALTERNATE, Ranking.ALL)))
        .containsExactly("pear", "apple", "fig", "kiwi", "plum");
  }

  @Test
  void topCutsTheRankedList() {
    assertThat(words(Ranking.rank(a, b, Rank.SHARED, 2))).containsExactly("fig", "kiwi");
    assertThat(words(Ranking.rank(a, b, Rank.ALTERNATE, 3))).containsExactly("apple", "pear", "fig");
    assertThat(Ranking.rank(a, b, Rank.TOTAL, 100)).hasSize(5);
    assertThatThrownBy(() -> Ranking.rank(a, b, Rank.SHARED, 0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void tiesBreakInCodePointOrderNotUtf16Order() {
    // U+1F600 (surrogates D83D DE00) sorts after U+FB01 in code points, before it in UTF-16 units
    String astral = "x\uD83D\uDE00";
    String bmpHigh = "x\uFB01";
    UserWords x = user("x", Map.of(astral, 2L, bmpHigh, 2L));
    UserWords y = user("y", Map.of(astral, 2L, bmpHigh, 2L));
    assertThat(astral.compareTo(bmpHigh)).isLessThan(0);
    assertThat(words(Ranking.rank(x, y, Rank.SHARED, Ranking.ALL))).containsExactly(bmpHigh, astral);
  }

  @Test
  void noMutualWordsGivesEmptyRankingAndOwnTops() {
    UserWords x = user("x", Map.of("cat", 3L, "dog", 3L, "eel", 1L));
    UserWords y = user("y", Map.of("owl", 2L));
    assertThat(Ranking.rank(x, y, Rank.SHARED, 20)).isEmpty();
    assertThat(Ranking.ownTop(x, 2)).containsExactly(Map.entry("cat", 3L), Map.entry("dog", 3L));
  }
}
