package dev.trendoff.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trendoff.core.UserError;
import org.junit.jupiter.api.Test;

class FormatsTest {

  static Comparison comparison(Map<String, Long> a, Map<String, Long> b, ViewPointer v, int top) {
    UserWords ua = new UserWords("alice", 12, 40, a, 3, 1);
    UserWords ub = new UserWords("bob", 7, 21, b, 2, 0);
    return Comparison.of(new ViewsRead(v, List.of(ua, ub), Instant.parse("2026-11-21T23:00:00Z")), Rank.SHARED, top);
  }

  final Comparison c = comparison(Map.of("spark", 10L, "kafka", 2L, "x", 1L, "nation's", 3L),
      Map.of("spark", 1L, "kafka", 2L, "nation's", 30L, "y", 5L), new ViewPointer(42L, Map.of(1, 9L, 0, 5L), null), 20);

  @Test
  void jsonIsExactlyTheDesignShape() throws Exception {
    JsonNode j = new ObjectMapper().readTree(ComparisonJson.render(c));
    assertThat(j.toString()).isEqualTo("{\"users\":[{\"name\":\"alice\",\"tweets\":12,\"words\":40},"
        + "{\"name\":\"bob\",\"tweets\":7,\"words\":21}],"
        + "\"words\":[{\"word\":\"nation's\",\"counts\":[3,30]},{\"word\":\"kafka\",\"counts\":[2,2]},"
        + "{\"word\":\"spark\",\"counts\":[10,1]}],"
        + "\"view\":{\"version\":42,\"cut\":\"0=5,1=9\",\"speedRows\":5}}");
    assertThat(ComparisonJson.render(c)).doesNotContain("\n");
  }

  @Test
  void jsonWithoutAViewHasNullVersion() throws Exception {
    Comparison none = comparison(Map.of("a1", 1L), Map.of("a1", 1L), ViewPointer.NONE, 20);
    JsonNode v = new ObjectMapper().readTree(ComparisonJson.render(none)).get("view");
    assertThat(v.get("version").isNull()).isTrue();
    assertThat(v.get("cut").asText()).isEmpty();
  }

  @Test
  void csvHasHeaderAndRankedRows() {
    assertThat(ComparisonCsv.render(c)).isEqualTo("word,alice,bob\r\nnation's,3,30\r\nkafka,2,2\r\nspark,10,1\r\n");
    assertThat(ComparisonCsv.quote("a,\"b")).isEqualTo("\"a,\"\"b\"");
  }

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
    Comparison none = comparison(Map.of("cat", 3L, "dog", 1L), Map.of("owl", 2L), new ViewPointer(1L, Map.of(), null), 20);
    String t = ComparisonTable.render(none);
    assertThat(t).contains("alice and bob have no word in common");
    assertThat(t.lines().toList()).contains("alice       bob", "cat    3    owl  2", "dog    1");
    assertThat(ComparisonChart.words(ComparisonChart.dataset(none))).containsExactly("cat", "dog", "owl");
  }

  @Test
  void topIsAllOrPositive() {
    assertThat(CompareUsersCommand.parseTop("all")).isEqualTo(Ranking.ALL);
    assertThat(CompareUsersCommand.parseTop("7")).isEqualTo(7);
    assertThatThrownBy(() -> CompareUsersCommand.parseTop("0")).isInstanceOf(UserError.class).hasMessageContaining("at least 1");
    assertThatThrownBy(() -> CompareUsersCommand.parseTop("ten")).isInstanceOf(UserError.class);
  }

  @Test
  void sameUserTwiceAndSuggestions() {
    assertThatThrownBy(() -> CompareUsers.checkNames("Alice", "@alice")).isInstanceOf(UserError.class)
        .hasMessageContaining("same user");
    assertThat(Suggestions.distance("alice", "alcie")).isEqualTo(2);
    assertThat(Suggestions.distance("", "abc")).isEqualTo(3);
    assertThat(Suggestions.nearest("alcie", Set.of("alice", "bob", "malice", "alicia"), 2)).containsExactly("alice", "alicia");
    assertThat(CompareUsers.unknownMessage(List.of("alcie"), Set.of("alice", "bob"), 3))
        .isEqualTo("unknown user \"alcie\" (nearest known names: alice, bob): no tweets counted for it");
  }

  @Test
  void chartDatasetIsTheAnswer() {
    var d = ComparisonChart.dataset(c);
    assertThat(ComparisonChart.words(d)).containsExactly("nation's", "kafka", "spark");
    assertThat(d.getValue("alice", "spark").longValue()).isEqualTo(10);
    assertThat(d.getValue("bob", "nation's").longValue()).isEqualTo(30);
  }
}
