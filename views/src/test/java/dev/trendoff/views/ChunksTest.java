package dev.trendoff.views;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

class ChunksTest {

  private static Map<String, Integer> words(int n) {
    Map<String, Integer> m = new HashMap<>();
    for (int i = 0; i < n; i++) {
      m.put("w" + i, i + 1);
    }
    return m;
  }

  /** The chunks of {@code words} in word order, as the corpus is written. */
  private static List<Map<String, Integer>> split(Map<String, Integer> words, int size) {
    List<Map<String, Integer>> out = new ArrayList<>();
    Chunks.split(new TreeMap<>(words).entrySet().iterator(), size, (i, chunk) -> {
      assertThat(i).as("chunk numbers count up from 0").isEqualTo(out.size());
      out.add(chunk);
    });
    return out;
  }

  private static Map<String, Integer> union(List<Map<String, Integer>> chunks) {
    Map<String, Integer> all = new HashMap<>();
    chunks.forEach(c -> c.forEach((w, n) -> assertThat(all.put(w, n)).as("%s in two chunks", w).isNull()));
    return all;
  }

  @Test
  void chunksAreBoundedDisjointAndTogetherTheWholeMap() {
    for (int n : new int[] {1, 6, 7, 8, 20, 21, 1000}) {
      List<Map<String, Integer>> chunks = split(words(n), 7);
      assertThat(chunks).as("%d words", n).hasSize((n + 6) / 7).allSatisfy(c -> assertThat(c).isNotEmpty().hasSizeLessThanOrEqualTo(7));
      assertThat(union(chunks)).isEqualTo(words(n));
    }
  }

  @Test
  void chunksAreAlsoBoundedInBytesSoThatNoMutationIsTooBigForCassandra() {
    // 400 words of 30,000 bytes each (the longest a word of an accepted text can be is 32 KiB)
    Map<String, Integer> big = new HashMap<>();
    for (int i = 0; i < 400; i++) {
      big.put(String.format("%05d", i) + "x".repeat(29_995), 1);
    }
    List<Map<String, Integer>> chunks = split(big, 4096);
    assertThat(chunks).hasSize(12).allSatisfy(c -> assertThat(c.size() * 30_008).isLessThanOrEqualTo(Chunks.MAX_BYTES));
    assertThat(union(chunks)).isEqualTo(big);
  }

  @Test
  void noWordsMakeOneEmptyChunk() {
    assertThat(split(Map.of(), 4096)).containsExactly(Map.of());
  }

  @Test
  void aChunkSizeBelowOneIsRefused() {
    assertThatThrownBy(() -> split(words(3), 0)).isInstanceOf(IllegalArgumentException.class);
  }

}
