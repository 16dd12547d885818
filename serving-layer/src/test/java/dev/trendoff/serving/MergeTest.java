package dev.trendoff.serving;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.trendoff.views.BatchSide;
import dev.trendoff.views.SpeedRow;
import dev.trendoff.views.ViewPointer;

class MergeTest {

  final BatchSide batch = new BatchSide(3, 7, Map.of("ai", 4L, "data", 3L));

  static SpeedRow row(long id, int p, long off, Map<String, Integer> words) {
    return new SpeedRow("u", id, p, off, words, words.values().stream().mapToInt(Integer::intValue).sum());
  }

  @Test
  void countsOnlySpeedRowsAtOrAboveTheCut() {
    ViewPointer v = ViewPointer.of(100L, Map.of(0, 10L, 1, 5L));
    List<SpeedRow> speed = List.of(
        row(1, 0, 9L, Map.of("ai", 1)),          // below cut 10: already in the batch view
        row(2, 0, 10L, Map.of("ai", 2)),         // exactly at the cut: counted
        row(3, 1, 4L, Map.of("spark", 1)),       // below cut 5
        row(4, 1, 7L, Map.of("spark", 1, "data", 1)));
    UserWords u = Merge.merge("u", v, batch, speed);
    assertThat(u.tweets()).isEqualTo(3 + 2);
    assertThat(u.tokens()).isEqualTo(7 + 2 + 2);
    assertThat(u.words()).isEqualTo(Map.of("ai", 6L, "data", 4L, "spark", 1L));
    assertThat(u.speedRows()).isEqualTo(2);
    assertThat(u.speedRowsSkipped()).isEqualTo(2);
  }

  @Test
  void aPartitionMissingFromTheCutHasCutZero() {
    ViewPointer v = ViewPointer.of(100L, Map.of(0, 10L));
    UserWords u = Merge.merge("u", v, batch, List.of(row(1, 3, 0L, Map.of("kafka", 1)), row(2, 3, 99L, Map.of("kafka", 2))));
    assertThat(u.count("kafka")).isEqualTo(3);
    assertThat(u.tweets()).isEqualTo(5);
    assertThat(v.cutOf(3)).isZero();
  }

  @Test
  void noPointerMeansEmptyBatchSideAndEverySpeedRowCounts() {
    UserWords u = Merge.merge("u", ViewPointer.NONE, batch, List.of(row(1, 0, 0L, Map.of("ai", 1)), row(2, 2, 1000L, Map.of("ml", 1))));
    assertThat(u.words()).isEqualTo(Map.of("ai", 1L, "ml", 1L));
    assertThat(u.tweets()).isEqualTo(2);
    assertThat(u.tokens()).isEqualTo(2);
  }

  @Test
  void userOnlyInTheBatchViewOrNowhere() {
    ViewPointer v = ViewPointer.of(1L, Map.of());
    assertThat(Merge.merge("u", v, batch, List.of()).words()).isEqualTo(batch.words());
    UserWords none = Merge.merge("u", v, BatchSide.EMPTY, List.of());
    assertThat(none.isEmpty()).isTrue();
    // a user whose only speed rows were absorbed and whose batch row is missing counts nothing
    assertThat(Merge.merge("u", ViewPointer.of(1L, Map.of(0, 5L)), BatchSide.EMPTY,
        List.of(row(1, 0, 2L, Map.of("x1", 1)))).isEmpty()).isTrue();
  }

  @Test
  void aTweetReadTwiceAfterTheCutIsCountedOnce() {
    ViewPointer v = ViewPointer.of(100L, Map.of(0, 10L));
    UserWords u = Merge.merge("u", v, BatchSide.EMPTY, List.of(
        row(7, 0, 12L, Map.of("ai", 1)), row(7, 0, 30L, Map.of("ai", 1)), row(8, 0, 31L, Map.of("ml", 1))));
    assertThat(u.tweets()).isEqualTo(2);
    assertThat(u.words()).isEqualTo(Map.of("ai", 1L, "ml", 1L));
    assertThat(u.speedRows()).isEqualTo(2);
    assertThat(u.speedRowsSkipped()).isEqualTo(1);
  }

  @Test
  void aSpeedRowOfARecreatedTopicStopsTheMergeWithTheRecovery() {
    ViewPointer v = new ViewPointer(100L, dev.trendoff.views.Cut.of("t1", java.util.Set.of(), Map.of(0, 10L)), null);
    SpeedRow fromTheNewTopic = new SpeedRow("u", 1, "t2", 0, 3, Map.of("ai", 1), 1);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Merge.merge("u", v, batch, List.of(fromTheNewTopic)))
        .isInstanceOf(dev.trendoff.views.TopicChangedException.class).hasMessageContaining("--adopt-topic");
  }

  @Test
  void cutTextListsPartitionsInOrder() {
    assertThat(ViewPointer.of(1L, Map.of(2, 7L, 0, 3L, 10, 1L)).cutText()).isEqualTo("0=3,2=7,10=1");
    assertThat(ViewPointer.NONE.cutText()).isEmpty();
  }
}
