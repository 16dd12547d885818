package dev.trendoff.serving;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The published batch view readers follow ({@code view_pointer['current']}): its version and its cut,
 * Kafka partition -> first offset the version does NOT cover (docs/lambda.md).
 *
 * @param version the published version, or {@code null} when no recompute has published yet
 * @param cut partition -> offset; a partition missing from it has cut 0
 * @param publishedAt when the pointer was flipped, or {@code null}
 */
public record ViewPointer(Long version, Map<Integer, Long> cut, Instant publishedAt) {

  /** No recompute ever ran: the batch side is empty and every speed row counts. */
  public static final ViewPointer NONE = new ViewPointer(null, Map.of(), null);

  public ViewPointer {
    cut = Map.copyOf(new TreeMap<>(cut == null ? Map.of() : cut));
  }

  public boolean exists() {
    return version != null;
  }

  /** The cut of {@code partition}: 0 when the partition is missing from the map. */
  public long cutOf(int partition) {
    return cut.getOrDefault(partition, 0L);
  }

  /**
   * Whether a speed row lies after the cut, i.e. is not in the batch view and so is counted from the
   * speed side: {@code offset >= cut[partition]}. A row without a partition (never seen in practice:
   * the speed layer reads only Kafka) is counted, as if its cut were 0.
   */
  public boolean countsSpeedRow(Integer partition, Long offset) {
    if (partition == null || offset == null) {
      return true;
    }
    return offset >= cutOf(partition);
  }

  /** The cut as text, partitions in order: {@code "0=120,1=98"}; empty when there is no view. */
  public String cutText() {
    return new TreeMap<>(cut).entrySet().stream()
        .map(e -> e.getKey() + "=" + e.getValue())
        .collect(Collectors.joining(","));
  }
}
