package dev.trendoff.serving;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trendoff.views.ViewPointer;
import org.junit.jupiter.api.Test;

class FormatsTest {

  static Comparison comparison(Map<String, Long> a, Map<String, Long> b, ViewPointer v, int top) {
    UserWords ua = new UserWords("alice", 12, 40, a, 3, 1);
    UserWords ub = new UserWords("bob", 7, 21, b, 2, 0);
    return Comparison.of(new ViewsRead(v, List.of(ua, ub), Instant.parse("2026-11-21T23:00:00Z")), Rank.SHARED, top);
  }

  final Comparison c = comparison(Map.of("spark", 10L, "kafka", 2L, "x", 1L, "nation's", 3L),
      Map.of("spark", 1L, "kafka", 2L, "nation's", 30L, "y", 5L), ViewPointer.of(42L, Map.of(1, 9L, 0, 5L)), 20);

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
  void suggestionsAndTheUnknownUserLine() {
    assertThat(Suggestions.distance("alice", "alcie")).isEqualTo(2);
    assertThat(Suggestions.distance("", "abc")).isEqualTo(3);
    assertThat(Suggestions.nearest("alcie", Set.of("alice", "bob", "malice", "alicia"), 2)).containsExactly("alice", "alicia");
    assertThat(CompareUsers.unknownMessage(Map.of("alcie", List.of("alice", "bob")), false))
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
