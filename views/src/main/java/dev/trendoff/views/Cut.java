package dev.trendoff.views;

import java.io.Serializable;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The boundary a batch view version covers: Kafka partition -> first offset NOT covered. A version
 * counts every master row loaded from a file (no partition) and every row below the cut of its
 * partition; a partition absent from the map has cut 0 (docs/lambda.md 'The cut').
 */
public final class Cut implements Serializable {

  private static final long serialVersionUID = 1L;

  /** The cut of no version: covers no Kafka offset. */
  public static final Cut EMPTY = new Cut(Map.of());

  private final TreeMap<Integer, Long> offsets;

  private Cut(Map<Integer, Long> offsets) {
    this.offsets = new TreeMap<>(offsets);
  }

  public static Cut of(Map<Integer, Long> offsets) {
    return offsets == null || offsets.isEmpty() ? EMPTY : new Cut(offsets);
  }

  /** Whether a master row read at {@code partition}/{@code offset} (both null: a file row) is in the version. */
  public boolean covers(Integer partition, Long offset) {
    if (partition == null || offset == null) {
      return true;
    }
    return offset < offsets.getOrDefault(partition, 0L);
  }

  /** The first offset not covered on {@code partition}. */
  public long of(int partition) {
    return offsets.getOrDefault(partition, 0L);
  }

  public boolean isEmpty() {
    return offsets.isEmpty();
  }

  /**
   * This cut raised, partition by partition, to at least {@code previous}. Committed offsets only go
   * back when someone resets the group; a new version must still cover what the previous one did,
   * since the previous publish deleted the speed rows below its cut.
   */
  public Cut atLeast(Cut previous) {
    TreeMap<Integer, Long> m = new TreeMap<>(offsets);
    if (previous != null) {
      previous.offsets.forEach((p, o) -> m.merge(p, o, Math::max));
    }
    return of(m);
  }

  public Map<Integer, Long> asMap() {
    return Collections.unmodifiableMap(offsets);
  }

  /** Partitions in order as {@code 0=120,1=98}, empty for an empty cut: the form of the JSON answers and status. */
  public String text() {
    return offsets.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(","));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Cut c && c.offsets.equals(offsets);
  }

  @Override
  public int hashCode() {
    return offsets.hashCode();
  }

  /** Like {@code 0:120,1:98}; empty: {@code (empty)} (the recompute's summary line). */
  @Override
  public String toString() {
    return offsets.isEmpty() ? "(empty)"
        : offsets.entrySet().stream().map(e -> e.getKey() + ":" + e.getValue()).collect(Collectors.joining(","));
  }
}
