package dev.trendoff.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.trendoff.views.ViewRow;

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

    assertThat(Regroup.keys(added.byUser())).containsExactlyInAnyOrder(new ViewRow.Key("ann", ""), new ViewRow.Key("ann", "kafka"),
        new ViewRow.Key("ann", "spark"), new ViewRow.Key("bob", ""), new ViewRow.Key("bob", "spark"));
    // ann's published rows: totals of version 3, kafka of version 2 (her "data" row is not a key: not read)
    Map<ViewRow.Key, ViewRow> published = Map.of(
        new ViewRow.Key("ann", ""), ViewRow.totals("ann", 3, 5, 9),
        new ViewRow.Key("ann", "kafka"), new ViewRow("ann", "kafka", 2, 4, 0, 0));
    assertThat(Regroup.changed(added.byUser(), published, 7)).containsExactlyInAnyOrder(
        ViewRow.totals("ann", 7, 6, 11), new ViewRow("ann", "kafka", 7, 5, 0, 0), new ViewRow("ann", "spark", 7, 1, 0, 0),
        ViewRow.totals("bob", 7, 1, 1), new ViewRow("bob", "spark", 7, 1, 0, 0));
  }

  @Test
  void theFirstCopyInPositionOrderIsTheOneCountedWhateverTheReadingOrder() {
    Regroup.DeltaTweet early = d(9, "ann", "early words", "k/t/0000000000/0000000000000000001");
    Regroup.DeltaTweet late = d(9, "ann", "late text", "k/t/0000000000/0000000000000000002");
    assertThat(Regroup.added(List.of(late, early), id -> false).byUser().get("ann").words())
        .isEqualTo(Map.of("early", 1, "words", 1));
  }

  @Test
  void aTweetWithoutWordsChangesOnlyItsUsersTotals() {
    Regroup.Added added = Regroup.added(List.of(d(5, "cy", "", "k/t/0000000000/0000000000000000001")), id -> false);
    assertThat(Regroup.changed(added.byUser(), Map.of(), 9)).containsExactly(ViewRow.totals("cy", 9, 1, 0));
  }
}
