package dev.trendoff.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class CompareRequestTest {

  @Test
  void twoToEightUsersEachOnce() {
    List<String> eight = List.of("a", "b", "c", "d", "e", "f", "g", "h");
    assertThat(CompareRequest.parse(eight, "distinctive", "5").users()).isEqualTo(eight);
    List<String> nine = new java.util.ArrayList<>(eight);
    nine.add("i");
    assertThat(error(() -> CompareRequest.parse(nine, null, null)).getMessage()).isEqualTo("name at most 8 users, not 9");
    assertThat(error(() -> CompareRequest.parse(List.of("a", "b", "@A"), null, null)).getMessage())
        .isEqualTo("\"a\" and \"@A\" are the same user (a): name each user once");
  }

  @Test
  void priorAndItsSize() {
    CompareRequest d = CompareRequest.parse(List.of("a", "b"), null, null);
    assertThat(d.method()).isEqualTo(new Method(Rank.SHARED, Prior.POOLED, 1000));
    CompareRequest r = CompareRequest.parse(List.of("a", "b"), "distinctive", "all", " Corpus", "2.5e2");
    assertThat(r.method()).isEqualTo(new Method(Rank.DISTINCTIVE, Prior.CORPUS, 250));
    assertThat(r.top()).isEqualTo(Ranking.ALL);
    QueryError prior = error(() -> CompareRequest.parse(List.of("a", "b"), null, null, "flat", null));
    assertThat(prior.parameter()).isEqualTo("prior");
    assertThat(prior.getMessage()).isEqualTo("prior must be one of pooled, corpus, not 'flat'");
    for (String bad : new String[] {"0", "-1", "x", "NaN", "Infinity", "1e999", ""}) {
      QueryError e = error(() -> CompareRequest.parse(List.of("a", "b"), null, null, null, bad));
      assertThat(e.parameter()).as(bad).isEqualTo("prior_size");
      assertThat(e.exitCode()).isEqualTo(2);
    }
    assertThat(error(() -> CompareRequest.priorSize("0")).getMessage()).isEqualTo("prior_size must be greater than 0, not 0");
    assertThat(error(() -> CompareRequest.priorSize("ten")).detail()).isEqualTo("must be a positive number, not 'ten'");
    assertThat(CompareRequest.priorSize("0.001")).isEqualTo(0.001);
  }

  static QueryError error(Runnable r) {
    try {
      r.run();
    } catch (QueryError e) {
      return e;
    }
    throw new AssertionError("no QueryError");
  }

  @Test
  void defaultsAreSharedAndTwenty() {
    CompareRequest r = CompareRequest.parse(List.of("@Alice", "bob"), null, null);
    assertThat(r.users()).containsExactly("@Alice", "bob");
    assertThat(r.rank()).isEqualTo(Rank.SHARED);
    assertThat(r.top()).isEqualTo(20);
  }

  @Test
  void topIsAllOrPositive() {
    assertThat(CompareRequest.top("all")).isEqualTo(Ranking.ALL);
    assertThat(CompareRequest.top(" ALL ")).isEqualTo(Ranking.ALL);
    assertThat(CompareRequest.top("7")).isEqualTo(7);
    QueryError zero = error(() -> CompareRequest.top("0"));
    assertThat(zero.kind()).isEqualTo(QueryError.Kind.BAD_PARAMETER);
    assertThat(zero.parameter()).isEqualTo("top");
    assertThat(zero.getMessage()).isEqualTo("top must be at least 1 (or 'all'), not 0");
    assertThat(zero.exitCode()).isEqualTo(2);
    assertThat(error(() -> CompareRequest.top("ten")).detail()).isEqualTo("must be a positive whole number or 'all', not 'ten'");
  }

  @Test
  void rankByNameAnyCase() {
    assertThat(CompareRequest.rank("ALTERNATE")).isEqualTo(Rank.ALTERNATE);
    assertThat(CompareRequest.rank(" total")).isEqualTo(Rank.TOTAL);
    QueryError bad = error(() -> CompareRequest.rank("loudest"));
    assertThat(bad.parameter()).isEqualTo("rank");
    assertThat(bad.getMessage()).isEqualTo("rank must be one of shared, total, alternate, distinctive, not 'loudest'");
    assertThat(CompareRequest.rank("Distinctive")).isEqualTo(Rank.DISTINCTIVE);
  }

  @Test
  void twoDifferentNonEmptyUsers() {
    assertThat(error(() -> CompareRequest.parse(List.of("Alice", "@alice"), null, null)).getMessage())
        .isEqualTo("\"Alice\" and \"@alice\" are the same user (alice): name two different users");
    assertThat(error(() -> CompareRequest.parse(List.of("alice", " @ "), null, null)).getMessage())
        .isEqualTo("a user name must not be empty");
    QueryError one = error(() -> CompareRequest.parse(List.of("a"), null, null));
    assertThat(one.parameter()).isEqualTo("users");
    assertThat(one.getMessage()).isEqualTo("name at least two users, not 1");
    assertThatThrownBy(() -> CompareRequest.parse(List.of("a", "b"), "shared", "-1")).isInstanceOf(QueryError.class);
  }
}
