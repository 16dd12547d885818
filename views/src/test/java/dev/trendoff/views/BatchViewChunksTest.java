package dev.trendoff.views;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class BatchViewChunksTest {

  private static Map<String, Integer> words(int n) {
    Map<String, Integer> m = new HashMap<>();
    for (int i = 0; i < n; i++) {
      m.put("w" + i, i + 1);
    }
    return m;
  }

  private static Map<String, Integer> union(List<Map<String, Integer>> chunks) {
    Map<String, Integer> all = new HashMap<>();
    chunks.forEach(c -> c.forEach((w, n) -> assertThat(all.put(w, n)).as("%s in two chunks", w).isNull()));
    return all;
  }

  @Test
  void chunksAreBoundedDisjointAndTogetherTheWholeMap() {
    for (int n : new int[] {1, 6, 7, 8, 20, 21, 1000}) {
      List<Map<String, Integer>> chunks = BatchViewChunks.split(words(n), 7);
      assertThat(chunks).as("%d words", n).hasSize((n + 6) / 7).allSatisfy(c -> assertThat(c).isNotEmpty().hasSizeLessThanOrEqualTo(7));
      assertThat(union(chunks)).isEqualTo(words(n));
    }
  }

  @Test
  void aUserWithoutWordsHasOneEmptyChunk() {
    assertThat(BatchViewChunks.split(Map.of(), 4096)).containsExactly(Map.of());
  }

  @Test
  void aChunkSizeBelowOneIsRefused() {
    assertThatThrownBy(() -> BatchViewChunks.split(words(3), 0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theInsertBindsEveryColumnOnce() {
    String cql = BatchViewChunks.insert("ks");
    assertThat(cql).startsWith("INSERT INTO ks." + ViewTables.BATCH_VIEW + " (" + BatchViewChunks.COLUMNS + ")");
    assertThat(cql.chars().filter(c -> c == '?').count()).isEqualTo(BatchViewChunks.COLUMNS.split(",").length);
  }
}
