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
        .contains("3 mutual words, ranked by shared (z: pooled prior, size 1000):");
    List<String> lines = t.lines().toList();
    int header = lines.indexOf(lines.stream().filter(l -> l.startsWith("word ")).findFirst().orElseThrow());
    assertThat(lines.subList(header, header + 4)).containsExactly(
        "word      alice  bob  alice/10k  bob/10k      z",
        "nation's      3   30      750.0  14285.7  -2.43",
        "kafka         2    2      500.0    952.4  -0.11",
        "spark        10    1     2500.0    476.2   0.35");
    assertThat(lines).contains("tweets     12    7", "words      40   21");
  }

  static final UserWords CAROL = new UserWords("carol", 3, 6, Map.of("spark", 2L, "kafka", 4L), 0, 0);

  static List<String> from(String table, String first, int n) {
    List<String> lines = table.lines().toList();
    int at = lines.indexOf(first);
    assertThat(at).as(table).isNotNegative();
    return lines.subList(at, at + n);
  }

  @Test
  void distinctiveShowsTheHighestAndLowestZWithRates() {
    Comparison d = Comparison.of(c.read(), Rank.DISTINCTIVE, 2);
    String t = ComparisonTable.render(d);
    assertThat(t).contains("5 words, the 2 highest and 2 lowest z, ranked by distinctive (pooled prior, size 1000; "
        + "z > 0: alice, z < 0: bob):");
    // z: 0.3527 spark, 0.1204 x, -0.5494 y, -2.4329 nation's (LogOddsRatioTest's 50-digit values); rates per 10,000 words
    assertThat(from(t, "word      alice  bob  alice/10k  bob/10k      z", 5)).containsExactly(
        "word      alice  bob  alice/10k  bob/10k      z",
        "spark        10    1     2500.0    476.2   0.35",
        "x             1    0      250.0      0.0   0.12",
        "y             0    5        0.0   2381.0  -0.55",
        "nation's      3   30      750.0  14285.7  -2.43");
  }

  @Test
  void moreUsersHaveAColumnEachAndDistinctiveAListEach() {
    ViewsRead three = new ViewsRead(c.read().view(), List.of(c.a(), c.b(), CAROL), c.read().asOf());
    String shared = ComparisonTable.render(Comparison.of(three, Rank.SHARED, 20));
    assertThat(shared).startsWith("alice vs bob vs carol, as of 2026-11-21T23:00:00Z\n");
    assertThat(shared.lines().toList()).contains("tweets     12    7      3", "words      40   21      6");
    assertThat(from(shared, "word   alice  bob  carol  alice/10k  bob/10k  carol/10k  z alice  z bob  z carol", 3)).containsExactly(
        "word   alice  bob  carol  alice/10k  bob/10k  carol/10k  z alice  z bob  z carol",
        "kafka      2    2      4      500.0    952.4     6666.7    -0.40  -0.07     0.47",
        "spark     10    1      2     2500.0    476.2     3333.3     0.28  -0.38     0.10");
    String d = ComparisonTable.render(Comparison.of(three, Rank.DISTINCTIVE, 1));
    assertThat(d).contains("5 words; each user's most distinctive against the others pooled (pooled prior, size 1000)");
    assertThat(from(d, "bob, top 1:", 3)).containsExactly(
        "bob, top 1:",
        "word      alice  bob  carol  alice/10k  bob/10k  carol/10k     z",
        "nation's      3   30      0      750.0  14285.7        0.0  2.43");
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
