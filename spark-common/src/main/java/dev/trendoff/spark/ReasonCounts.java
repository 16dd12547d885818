package dev.trendoff.spark;

import java.util.Map;
import java.util.TreeMap;

import org.apache.spark.util.AccumulatorV2;

/** A Spark accumulator of counts by reason code (dead letters, skipped master rows). */
public final class ReasonCounts extends AccumulatorV2<String, Map<String, Long>> {

  private static final long serialVersionUID = 1L;

  private final TreeMap<String, Long> counts = new TreeMap<>();

  @Override
  public boolean isZero() {
    synchronized (counts) {
      return counts.isEmpty();
    }
  }

  @Override
  public ReasonCounts copy() {
    ReasonCounts c = new ReasonCounts();
    c.merge(this);
    return c;
  }

  @Override
  public void reset() {
    synchronized (counts) {
      counts.clear();
    }
  }

  @Override
  public void add(String reason) {
    add(reason, 1);
  }

  public void add(String reason, long n) {
    synchronized (counts) {
      counts.merge(reason, n, Long::sum);
    }
  }

  @Override
  public void merge(AccumulatorV2<String, Map<String, Long>> other) {
    other.value().forEach(this::add);
  }

  /** A copy: reason -> count, in reason order. */
  @Override
  public Map<String, Long> value() {
    synchronized (counts) {
      return new TreeMap<>(counts);
    }
  }

  public long total() {
    return value().values().stream().mapToLong(Long::longValue).sum();
  }
}
