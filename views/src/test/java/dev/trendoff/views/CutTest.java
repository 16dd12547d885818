package dev.trendoff.views;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

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
  void aSpeedRowCountsFromItsCutOnAndWithoutAPositionAlways() {
    ViewPointer v = ViewPointer.of(1L, Map.of(0, 10L));
    assertThat(v.countsSpeedRow(0, 9L)).isFalse();
    assertThat(v.countsSpeedRow(0, 10L)).isTrue();
    assertThat(v.countsSpeedRow(3, 0L)).as("a partition missing from the cut has cut 0").isTrue();
    assertThat(v.countsSpeedRow(null, null)).isTrue();
  }

  @Test
  void printsPartitionsInOrder() {
    assertThat(Cut.of(Map.of(1, 98L, 0, 120L)).toString()).isEqualTo("0:120,1:98");
    assertThat(Cut.of(Map.of()).toString()).isEqualTo("(empty)");
    assertThat(Cut.of(Map.of(2, 7L, 0, 3L, 10, 1L)).text()).isEqualTo("0=3,2=7,10=1");
    assertThat(Cut.EMPTY.text()).isEmpty();
  }
}
