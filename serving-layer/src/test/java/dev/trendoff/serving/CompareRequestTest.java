package dev.trendoff.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class CompareRequestTest {

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
    assertThat(bad.getMessage()).isEqualTo("rank must be one of shared, total, alternate, not 'loudest'");
  }

  @Test
  void twoDifferentNonEmptyUsers() {
    assertThat(error(() -> CompareRequest.parse(List.of("Alice", "@alice"), null, null)).getMessage())
        .isEqualTo("\"Alice\" and \"@alice\" are the same user (alice): name two different users");
    assertThat(error(() -> CompareRequest.parse(List.of("alice", " @ "), null, null)).getMessage())
        .isEqualTo("a user name must not be empty");
    QueryError three = error(() -> CompareRequest.parse(List.of("a", "b", "c"), null, null));
    assertThat(three.parameter()).isEqualTo("users");
    assertThat(three.getMessage()).isEqualTo("name two users, not 3");
    assertThatThrownBy(() -> CompareRequest.parse(List.of("a", "b"), "shared", "-1")).isInstanceOf(QueryError.class);
  }
}
