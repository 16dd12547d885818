package dev.trendoff.batch;

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
  void printsPartitionsInOrder() {
    assertThat(Cut.of(Map.of(1, 98L, 0, 120L)).toString()).isEqualTo("0:120,1:98");
    assertThat(Cut.of(Map.of()).toString()).isEqualTo("(empty)");
  }
}
