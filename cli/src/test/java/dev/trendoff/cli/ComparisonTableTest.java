package dev.trendoff.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.trendoff.serving.Comparison;
import dev.trendoff.serving.ComparisonChart;
import dev.trendoff.serving.Rank;
import dev.trendoff.serving.UserWords;
import dev.trendoff.serving.ViewsRead;
import dev.trendoff.views.ViewPointer;

class ComparisonTableTest {

  static Comparison comparison(Map<String, Long> a, Map<String, Long> b, ViewPointer v, int top) {
    UserWords ua = new UserWords("alice", 12, 40, a, 3, 1);
    UserWords ub = new UserWords("bob", 7, 21, b, 2, 0);
    return Comparison.of(new ViewsRead(v, List.of(ua, ub), Instant.parse("2026-11-21T23:00:00Z")), Rank.SHARED, top);
  }

  final Comparison c = comparison(Map.of("spark", 10L, "kafka", 2L, "x", 1L, "nation's", 3L),
      Map.of("spark", 1L, "kafka", 2L, "nation's", 30L, "y", 5L), ViewPointer.of(42L, Map.of(1, 9L, 0, 5L)), 20);

  @Test
  void tableAlignsColumnsAndShowsTotals() {
    String t = ComparisonTable.render(c);
    assertThat(t).contains("alice vs bob, as of 2026-11-21T23:00:00Z")
        .contains("batch view 42 (cut 0=5,1=9) + 5 speed rows after the cut")
        .contains("3 mutual words, ranked by shared:");
    List<String> lines = t.lines().toList();
    int header = lines.indexOf(lines.stream().filter(l -> l.startsWith("word ")).findFirst().orElseThrow());
    assertThat(lines.subList(header, header + 4)).containsExactly(
        "word      alice  bob",
        "nation's      3   30",
        "kafka         2    2",
        "spark        10    1");
    assertThat(lines).contains("tweets     12    7", "words      40   21");
  }

  @Test
  void tableWithoutMutualWordsShowsEachUsersOwnTop() {
    Comparison none = comparison(Map.of("cat", 3L, "dog", 1L), Map.of("owl", 2L), ViewPointer.of(1L, Map.of()), 20);
    String t = ComparisonTable.render(none);
    assertThat(t).contains("alice and bob have no word in common");
    assertThat(t.lines().toList()).contains("alice       bob", "cat    3    owl  2", "dog    1");
    assertThat(ComparisonChart.words(ComparisonChart.dataset(none))).containsExactly("cat", "dog", "owl");
  }
}
