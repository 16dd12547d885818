package dev.trendoff.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

class RegroupTest {

  static Regroup.DeltaTweet d(long id, String user, String text, String order) {
    return new Regroup.DeltaTweet(id, user, text, order);
  }

  @Test
  void eachTweetIdOnceAndNotThoseThePublishedVersionCounts() {
    List<Regroup.DeltaTweet> delta = List.of(
        d(1, "ann", "kafka spark", "k/t/0000000000/0000000000000000010"),
        d(1, "ann", "kafka spark", "k/t/0000000001/0000000000000000003"), // the same tweet again, another partition
        d(2, "ann", "cassandra", "k/t/0000000000/0000000000000000011"),   // the published version counts it
        d(3, "bob", "spark", "l/0000000000000000007/0000000000000000003"),
        d(4, "", "a row an old producer wrote", "k/t/0000000000/0000000000000000012"));
    Regroup.Added added = Regroup.added(delta, Set.of(2L)::contains);
    assertThat(added.tweets()).isEqualTo(2);
    assertThat(added.alreadyCounted()).isEqualTo(1);
    assertThat(added.unusable()).isEqualTo(Map.of("bad-user", 1L));
    assertThat(added.byUser().get("ann").words()).isEqualTo(Map.of("kafka", 1, "spark", 1));
    assertThat(added.byUser()).doesNotContainKey("");

    Map<String, UserCounts> touched = Regroup.onto(added.byUser(),
        u -> u.equals("ann") ? new UserCounts(5, 9, Map.of("kafka", 4, "data", 5)) : UserCounts.empty());
    assertThat(touched.keySet()).containsExactlyInAnyOrder("ann", "bob");
    assertThat(touched.get("ann")).isEqualTo(new UserCounts(6, 11, Map.of("kafka", 5, "data", 5, "spark", 1)));
    assertThat(touched.get("bob")).isEqualTo(new UserCounts(1, 1, Map.of("spark", 1)));
  }

  @Test
  void theFirstCopyInPositionOrderIsTheOneCountedWhateverTheReadingOrder() {
    Regroup.DeltaTweet early = d(9, "ann", "early words", "k/t/0000000000/0000000000000000001");
    Regroup.DeltaTweet late = d(9, "ann", "late text", "k/t/0000000000/0000000000000000002");
    assertThat(Regroup.added(List.of(late, early), id -> false).byUser().get("ann").words())
        .isEqualTo(Map.of("early", 1, "words", 1));
  }

  @Test
  void theUsersPreviousCountsAreNotChanged() {
    UserCounts before = new UserCounts(1, 1, Map.of("x1", 1));
    Regroup.onto(Map.of("ann", new UserCounts(1, 1, Map.of("yy", 1))), u -> before);
    assertThat(before).isEqualTo(new UserCounts(1, 1, Map.of("x1", 1)));
  }
}
