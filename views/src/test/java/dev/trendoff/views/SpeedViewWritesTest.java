package dev.trendoff.views;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class SpeedViewWritesTest {

  @Test
  void batchesKeepOrderAndRespectTheLimit() {
    List<SpeedRow> rows = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      rows.add(new SpeedRow("u", i, 0, (long) i, Map.of(), 0));
    }
    List<List<SpeedRow>> batches = SpeedViewWrites.batches(rows, 3);
    assertThat(batches).extracting(List::size).containsExactly(3, 3, 1);
    assertThat(batches.stream().flatMap(List::stream).toList()).isEqualTo(rows);
    assertThat(SpeedViewWrites.batches(rows, 100)).hasSize(1);
    assertThat(SpeedViewWrites.batches(List.of(), 5)).isEmpty();
    assertThatThrownBy(() -> SpeedViewWrites.batches(rows, 0)).isInstanceOf(IllegalArgumentException.class);
  }
}
