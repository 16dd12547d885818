package dev.trendoff.serving;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trendoff.views.ViewPointer;
import org.junit.jupiter.api.Test;

class FormatsTest {

  static Comparison comparison(Map<String, Long> a, Map<String, Long> b, ViewPointer v, int top) {
    return comparison(a, b, v, Method.of(Rank.SHARED), top);
  }

  static Comparison comparison(Map<String, Long> a, Map<String, Long> b, ViewPointer v, Method method, int top) {
    UserWords ua = new UserWords("alice", 12, 40, a, 3, 1);
    UserWords ub = new UserWords("bob", 7, 21, b, 2, 0);
    return Comparison.of(new ViewsRead(v, List.of(ua, ub), Instant.parse("2026-11-21T23:00:00Z")), method, top);
  }

  static final Map<String, Long> ALICE = Map.of("spark", 10L, "kafka", 2L, "x", 1L, "nation's", 3L);
  static final Map<String, Long> BOB = Map.of("spark", 1L, "kafka", 2L, "nation's", 30L, "y", 5L);

  /** The example of docs/compare.md ranked by {@code method}. */
  static Comparison comparison(Method method, int top) {
    return comparison(ALICE, BOB, ViewPointer.of(42L, Map.of(1, 9L, 0, 5L)), method, top);
  }

  final Comparison c = comparison(Method.of(Rank.SHARED), 20);

  /** The 50-digit z of the example's words (Python's decimal module, as in LogOddsRatioTest): A = alice, B = bob. */
  static final Map<String, Double> Z = Map.of("nation's", -2.43293757809507082968e+00, "kafka", -1.14696127123730215458e-01,
      "spark", 3.52713317480928045811e-01, "x", 1.20423151329373853691e-01, "y", -5.49437596669797190252e-01);

  @Test
  void jsonIsExactlyTheDesignShape() throws Exception {
    String json = ComparisonJson.render(c);
    // the shape to the last character, with each z (a JSON number at full precision) captured
    String z = "(-?[0-9]\\.[0-9]+(?:E-?[0-9]+)?)";
    Matcher m = Pattern.compile(Pattern.quote("{\"users\":[{\"name\":\"alice\",\"tweets\":12,\"words\":40},"
        + "{\"name\":\"bob\",\"tweets\":7,\"words\":21}],"
        + "\"words\":[{\"word\":\"nation's\",\"counts\":[3,30],\"rates\":[750.0,14285.714285714286],\"z\":") + z
        + Pattern.quote("},{\"word\":\"kafka\",\"counts\":[2,2],\"rates\":[500.0,952.3809523809524],\"z\":") + z
        + Pattern.quote("},{\"word\":\"spark\",\"counts\":[10,1],\"rates\":[2500.0,476.1904761904762],\"z\":") + z
        + Pattern.quote("}],\"view\":{\"version\":42,\"cut\":\"0=5,1=9\",\"speedRows\":5},"
        + "\"method\":{\"rank\":\"shared\",\"prior\":\"pooled\",\"prior_size\":1000}}")).matcher(json);
    assertThat(m.matches()).as(json).isTrue();
    LogOddsRatioTest.close(Double.parseDouble(m.group(1)), Z.get("nation's"));
    LogOddsRatioTest.close(Double.parseDouble(m.group(2)), Z.get("kafka"));
    LogOddsRatioTest.close(Double.parseDouble(m.group(3)), Z.get("spark"));
    // full double precision: the number read back is the double computed
    assertThat(new ObjectMapper().readTree(json).get("words").get(2).get("z").doubleValue()).isEqualTo(c.ranked().get(2).z(0));
    assertThat(json).doesNotContain("\n");
  }

  @Test
  void distinctiveJsonOfTwoUsersHasTheSameShapeAndSaysTheMethod() throws Exception {
    Method small = new Method(Rank.DISTINCTIVE, Prior.POOLED, 2.5);
    JsonNode j = new ObjectMapper().readTree(ComparisonJson.render(comparison(small, 1)));
    assertThat(j.get("method").toString()).isEqualTo("{\"rank\":\"distinctive\",\"prior\":\"pooled\",\"prior_size\":2.5}");
    // --top 1: the highest and the lowest z of all five words
    List<RankedWord> all5 = comparison(small, Ranking.ALL).ranked();
    assertThat(j.get("words")).extracting(w -> w.get("word").asText()).containsExactly(all5.get(0).word(), all5.get(4).word());
    assertThat(j.get("words").get(1).get("z").doubleValue()).isEqualTo(all5.get(4).z(0)).isNegative();
    List<String> fields = new ArrayList<>();
    j.fieldNames().forEachRemaining(fields::add);
    assertThat(fields).containsExactly("users", "words", "view", "method");
    // the users' own top words are not in the JSON: a word with a count of 0 is
    JsonNode all = new ObjectMapper().readTree(ComparisonJson.render(comparison(new Method(Rank.DISTINCTIVE, Prior.POOLED, 1000), Ranking.ALL)));
    assertThat(all.get("words")).extracting(w -> w.get("word").asText()).containsExactly("spark", "x", "kafka", "y", "nation's");
    assertThat(all.get("words").get(1).get("counts").toString()).isEqualTo("[1,0]");
    assertThat(all.get("words").get(1).get("rates").toString()).isEqualTo("[250.0,0.0]");
  }

  @Test
  void jsonOfMoreUsersHasAZPerUserAndDistinctiveWordsNameTheirUser() throws Exception {
    UserWords carol = new UserWords("carol", 3, 6, Map.of("spark", 2L, "kafka", 4L), 0, 0);
    JsonNode shared = new ObjectMapper().readTree(ComparisonJson.render(Comparison.of(
        new ViewsRead(ViewPointer.NONE, List.of(c.a(), c.b(), carol), Instant.EPOCH), Rank.SHARED, 20)));
    assertThat(shared.get("users")).hasSize(3);
    assertThat(shared.get("words")).extracting(w -> w.get("word").asText()).containsExactly("kafka", "spark");
    JsonNode kafka = shared.get("words").get(0);
    assertThat(kafka.get("counts").toString()).isEqualTo("[2,2,4]");
    assertThat(kafka.get("rates")).hasSize(3);
    assertThat(kafka.get("z").isArray()).isTrue();
    assertThat(kafka.get("z")).hasSize(3);
    JsonNode d = new ObjectMapper().readTree(ComparisonJson.render(Comparison.of(
        new ViewsRead(ViewPointer.NONE, List.of(c.a(), c.b(), carol), Instant.EPOCH), Method.of(Rank.DISTINCTIVE), 1)));
    assertThat(d.get("words")).extracting(w -> w.get("user").asText()).containsExactly("alice", "bob", "carol");
    JsonNode bobs = d.get("words").get(1);
    assertThat(bobs.get("word").asText()).isEqualTo("nation's");
    List<String> fields = new ArrayList<>();
    bobs.fieldNames().forEachRemaining(fields::add);
    assertThat(fields).containsExactly("user", "word", "counts", "rates", "z");
    assertThat(bobs.get("z").get(1).doubleValue()).isPositive();
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
    String csv = ComparisonCsv.render(c);
    List<String> lines = List.of(csv.split("\r\n"));
    assertThat(csv).endsWith("\r\n");
    assertThat(lines).hasSize(4);
    assertThat(lines.get(0)).isEqualTo("word,alice,bob,rate_alice,rate_bob,z");
    assertThat(lines.get(1)).startsWith("nation's,3,30,750.0,14285.714285714286,-2.43293757809");
    assertThat(lines.get(2)).startsWith("kafka,2,2,500.0,952.3809523809524,-0.1146961271237");
    assertThat(lines.get(3)).startsWith("spark,10,1,2500.0,476.1904761904762,0.352713317480");
    LogOddsRatioTest.close(Double.parseDouble(lines.get(1).split(",")[5]), Z.get("nation's"));
    assertThat(ComparisonCsv.quote("a,\"b")).isEqualTo("\"a,\"\"b\"");
    assertThat(ComparisonCsv.decimal(1.2e-4)).isEqualTo("0.00012");
    assertThat(ComparisonCsv.decimal(-3.0)).isEqualTo("-3.0");
    assertThat(new Method(Rank.SHARED, Prior.POOLED, 1e3).priorSizeText()).isEqualTo("1000");
    assertThat(new Method(Rank.SHARED, Prior.POOLED, 0.25).priorSizeText()).isEqualTo("0.25");
    assertThat(new Method(Rank.SHARED, Prior.POOLED, 1e20).priorSizeText()).isEqualTo("100000000000000000000");
    // more users: a z per user; distinctive: whose list a word is in
    UserWords carol = new UserWords("carol", 3, 6, Map.of("spark", 2L, "kafka", 4L), 0, 0);
    Comparison three = Comparison.of(new ViewsRead(ViewPointer.NONE, List.of(c.a(), c.b(), carol), Instant.EPOCH),
        Method.of(Rank.DISTINCTIVE), 1);
    List<String> d = List.of(ComparisonCsv.render(three).split("\r\n"));
    assertThat(d.get(0)).isEqualTo("user,word,alice,bob,carol,rate_alice,rate_bob,rate_carol,z_alice,z_bob,z_carol");
    assertThat(d.get(2)).startsWith("bob,nation's,3,30,0,750.0,14285.714285714286,0.0,-");
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
  void distinctiveChartIsOneBarOfZPerWordLabelledWithTheCounts() {
    Comparison d = comparison(new Method(Rank.DISTINCTIVE, Prior.POOLED, 1000), 2);
    var data = ComparisonChart.dataset(d);
    assertThat(data.getRowKeys()).containsExactly("z");
    assertThat(ComparisonChart.words(data)).containsExactly("spark (10 / 1)", "x (1 / 0)", "y (0 / 5)", "nation's (3 / 30)");
    assertThat(data.getValue("z", "nation's (3 / 30)").doubleValue()).isEqualTo(d.ranked().get(3).z(0)).isNegative();
    var chart = ComparisonChart.chart(d);
    assertThat(chart.getTitle().getText()).isEqualTo("alice vs bob: distinctive words (pooled prior, size 1000)");
    assertThat(chart.getCategoryPlot().getOrientation()).isEqualTo(org.jfree.chart.plot.PlotOrientation.HORIZONTAL);
    // A's words one colour, B's the other
    var r = chart.getCategoryPlot().getRenderer();
    assertThat(r.getItemPaint(0, 0)).isEqualTo(ComparisonChart.COLOURS[0]);
    assertThat(r.getItemPaint(0, 3)).isEqualTo(ComparisonChart.COLOURS[1]);
  }

  @Test
  void chartDatasetIsTheAnswer() {
    var d = ComparisonChart.dataset(c);
    assertThat(ComparisonChart.words(d)).containsExactly("nation's", "kafka", "spark");
    assertThat(d.getValue("alice", "spark").longValue()).isEqualTo(10);
    assertThat(d.getValue("bob", "nation's").longValue()).isEqualTo(30);
  }
}
