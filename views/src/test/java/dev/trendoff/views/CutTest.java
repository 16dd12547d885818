package dev.trendoff.views;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

class CutTest {

  @Test
  void fileRowsAreAlwaysCoveredKafkaRowsOnlyBelowTheCut() {
    Cut cut = Cut.of(Map.of(0, 10L, 1, 0L));
    assertThat(cut.covers(null, null)).isTrue();
    assertThat(cut.covers(0, 9L)).isTrue();
    assertThat(cut.covers(0, 10L)).isFalse();
    assertThat(cut.covers(1, 0L)).isFalse();
    assertThat(cut.covers(2, 0L)).as("a partition missing from the cut has cut 0").isFalse();
  }

  @Test
  void atLeastKeepsThePreviousCoverage() {
    Cut now = Cut.of(Map.of(0, 5L, 1, 20L));
    Cut previous = Cut.of(Map.of(0, 8L, 2, 3L));
    assertThat(now.atLeast(previous).asMap()).isEqualTo(Map.of(0, 8L, 1, 20L, 2, 3L));
    assertThat(now.atLeast(null)).isEqualTo(now);
  }

  @Test
  void aVersionIsNowButAlwaysAboveThePublishedOne() {
    assertThat(ViewPointer.NONE.nextVersion(1000L)).isEqualTo(1000L);
    ViewPointer p = ViewPointer.of(5000L, Map.of());
    assertThat(p.nextVersion(1000L)).isEqualTo(5001L);
    assertThat(p.nextVersion(9000L)).isEqualTo(9000L);
  }

  @Test
  void aSpeedRowCountsFromItsCutOn() {
    ViewPointer v = ViewPointer.of(1L, Map.of(0, 10L));
    assertThat(v.countsSpeedRow(0, 9L)).isFalse();
    assertThat(v.countsSpeedRow(0, 10L)).isTrue();
    assertThat(v.countsSpeedRow(3, 0L)).as("a partition missing from the cut has cut 0").isTrue();
    assertThat(ViewPointer.NONE.countsSpeedRow(0, 0L)).as("no version: every speed row counts").isTrue();
  }

  @Test
  void theCutKnowsItsTopicAndTheTopicsRetiredBeforeIt() {
    Cut cut = Cut.of("new", Set.of("old"), Map.of(0, 10L));
    assertThat(cut.covers("new", 0, 9L)).isTrue();
    assertThat(cut.covers("new", 0, 10L)).isFalse();
    assertThat(cut.covers("old", 0, 1_000_000L)).as("a retired topic is all on the batch side").isTrue();
    assertThat(cut.covers("other", 0, 0L)).as("a topic the cut does not know is not covered").isFalse();
    assertThat(cut.covers(null, 0, 9L)).as("a row without a topic id is taken as of the cut's topic").isTrue();
    assertThat(cut.covers("other", null, null)).as("a file row").isTrue();
    assertThat(Cut.of(Map.of(0, 10L)).covers("anything", 0, 9L)).as("a cut without a topic id takes every topic as its own").isTrue();
  }

  @Test
  void aSpeedRowOfARecreatedTopicCannotBeSplitOnTheCut() {
    ViewPointer v = new ViewPointer(1L, Cut.of("t1", Set.of("t0"), Map.of(0, 10L)), null);
    assertThat(v.countsSpeedRow(new SpeedRow("u", 1, "t1", 0, 10, Map.of(), 0))).isTrue();
    assertThat(v.countsSpeedRow(new SpeedRow("u", 1, "t1", 0, 9, Map.of(), 0))).isFalse();
    assertThat(v.countsSpeedRow(new SpeedRow("u", 1, "t0", 0, 99, Map.of(), 0))).as("retired: absorbed").isFalse();
    assertThat(v.countsSpeedRow(new SpeedRow("u", 1, SpeedRow.NO_TOPIC, 0, 10, Map.of(), 0))).isTrue();
    assertThatThrownBy(() -> v.countsSpeedRow(new SpeedRow("u", 1, "t2", 0, 0, Map.of(), 0)))
        .isInstanceOf(TopicChangedException.class)
        .hasMessageContaining("topic id t1").hasMessageContaining("id t2").hasMessageContaining("--adopt-topic")
        .hasMessageContaining("docs/lambda.md");
    assertThat(ViewPointer.NONE.countsSpeedRow(new SpeedRow("u", 1, "t2", 0, 0, Map.of(), 0))).isTrue();
  }

  @Test
  void atLeastRaisesOnlyOffsetsOfTheSameTopicAndKeepsTheRetiredOnes() {
    Cut previous = Cut.of("t1", Set.of("t0"), Map.of(0, 8L));
    assertThat(Cut.of("t1", Set.of(), Map.of(0, 5L)).atLeast(previous)).isEqualTo(Cut.of("t1", Set.of("t0"), Map.of(0, 8L)));
    assertThat(Cut.of("t2", Set.of("t1"), Map.of(0, 5L)).atLeast(previous))
        .isEqualTo(Cut.of("t2", Set.of("t0", "t1"), Map.of(0, 5L)));
  }

  @Test
  void printsPartitionsInOrder() {
    assertThat(Cut.of(Map.of(1, 98L, 0, 120L)).toString()).isEqualTo("0:120,1:98");
    assertThat(Cut.of(Map.of()).toString()).isEqualTo("(empty)");
    assertThat(Cut.of(Map.of(2, 7L, 0, 3L, 10, 1L)).text()).isEqualTo("0=3,2=7,10=1");
    assertThat(Cut.EMPTY.text()).isEmpty();
  }
}
