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
      rows.add(new SpeedRow("u", i, 0, i, Map.of(), 0));
    }
    List<List<SpeedRow>> batches = SpeedViewWrites.batches(rows, 3);
    assertThat(batches).extracting(List::size).containsExactly(3, 3, 1);
    assertThat(batches.stream().flatMap(List::stream).toList()).isEqualTo(rows);
    assertThat(SpeedViewWrites.batches(rows, 100)).hasSize(1);
    assertThat(SpeedViewWrites.batches(List.of(), 5)).isEmpty();
    assertThatThrownBy(() -> SpeedViewWrites.batches(rows, 0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void batchesAreAlsoBoundedInBytesAndABigRowGoesAlone() {
    Map<String, Integer> words = new java.util.HashMap<>();
    for (int i = 0; i < 20; i++) {
      words.put(i + "y".repeat(29_990), 1); // 20 words of 30 KB: 600 KB a row
    }
    List<SpeedRow> rows = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      rows.add(new SpeedRow("u", i, "t", 0, i, words, 20));
    }
    rows.add(new SpeedRow("u", 9, "t", 0, 9, Map.of("small", 1), 1));
    List<List<SpeedRow>> batches = SpeedViewWrites.batches(rows, 100);
    assertThat(batches).extracting(List::size).containsExactly(1, 1, 1, 1, 2);
    assertThat(batches.stream().flatMap(List::stream).toList()).isEqualTo(rows);
    assertThat(rows.get(0).estimatedBytes()).isGreaterThan(600_000).isLessThan(SpeedViewWrites.MAX_BATCH_BYTES);
  }
}
