package dev.trendoff.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.trendoff.serving.CompareRequest;
import dev.trendoff.serving.Method;
import dev.trendoff.serving.Prior;
import dev.trendoff.serving.QueryError;
import dev.trendoff.serving.Rank;
import dev.trendoff.serving.Ranking;
import org.junit.jupiter.api.Test;

class CompareParamsTest {

  static final HttpSettings LIMITS = new HttpSettings("127.0.0.1", 0, 50, 3, 10, Duration.ofSeconds(1), Duration.ofSeconds(10),
      Duration.ofSeconds(10), 100, Duration.ofSeconds(5), Duration.ofSeconds(10), 16);

  static CompareParams params(Map<String, List<String>> p) {
    return CompareParams.of(p, LIMITS, Set.of("width"));
  }

  static String badParameter(Runnable r) {
    try {
      r.run();
    } catch (QueryError e) {
      assertThat(e.kind()).isEqualTo(QueryError.Kind.BAD_PARAMETER);
      return e.parameter() + ": " + e.getMessage();
    }
    throw new AssertionError("no error");
  }

  @Test
  void namesTheRequestOneForOne() {
    CompareRequest r = params(Map.of("users", List.of("@Alice, bob"), "rank", List.of("total"), "top", List.of("all"))).request();
    assertThat(r.users()).containsExactly("@Alice", "bob");
    assertThat(r.rank()).isEqualTo(Rank.TOTAL);
    assertThat(r.top()).isEqualTo(Ranking.ALL);
    assertThat(params(Map.of("users", List.of("alice", "bob"))).request().top()).isEqualTo(CompareRequest.DEFAULT_TOP);
    CompareRequest d = params(Map.of("users", List.of("alice,bob"), "rank", List.of("distinctive"), "prior", List.of("corpus"),
        "prior_size", List.of("250"))).request();
    assertThat(d.method()).isEqualTo(new Method(Rank.DISTINCTIVE, Prior.CORPUS, 250));
    assertThat(badParameter(() -> params(Map.of("users", List.of("a,b"), "prior_size", List.of("0"))).request()))
        .isEqualTo("prior_size: prior_size must be greater than 0, not 0");
  }

  @Test
  void everySpellingOfOneQuestionIsOneKey() {
    CompareRequest a = params(Map.of("users", List.of("@Alice,BOB"), "top", List.of("5"))).keyed();
    CompareRequest b = params(Map.of("users", List.of("alice", "bob"), "top", List.of("5"))).keyed();
    assertThat(a).isEqualTo(b);
    assertThat(params(Map.of("users", List.of("bob,alice"), "top", List.of("5"))).keyed()).isNotEqualTo(a);
  }

  @Test
  void limitsAndMistakesNameTheParameter() {
    assertThat(badParameter(() -> params(Map.of("users", List.of("a,b"), "top", List.of("51"))).request()))
        .isEqualTo("top: top must be at most 50 (trendoff.http.max-top), or 'all', not 51");
    assertThat(badParameter(() -> params(Map.of("users", List.of("a,b,c,d"))).request()))
        .isEqualTo("users: users names 4 users; at most 3 can be compared (trendoff.http.max-users)");
    assertThat(badParameter(() -> params(Map.of()).request())).startsWith("users: users is missing");
    assertThat(badParameter(() -> params(Map.of("users", List.of("a,b"), "rank", List.of("x", "y"))).request()))
        .isEqualTo("rank: rank is given 2 times: give it once");
    assertThat(badParameter(() -> params(Map.of("users", List.of("a,b"), "colour", List.of("red")))))
        .isEqualTo("colour: colour is not a parameter of this endpoint (it takes users, rank, top, prior, prior_size, width)");
    assertThat(badParameter(() -> params(Map.of("users", List.of("a,b"), "width", List.of("9"))).number("width", 1, 100, 4000)))
        .isEqualTo("width: width must be between 100 and 4000, not 9");
    assertThatThrownBy(() -> params(Map.of("users", List.of("a,b"), "top", List.of("0"))).request())
        .isInstanceOf(QueryError.class).hasMessage("top must be at least 1 (or 'all'), not 0");
  }
}
