package dev.trendoff.spark;

import java.util.concurrent.atomic.AtomicLong;

import org.apache.spark.util.AccumulatorV2;

/**
 * A Spark accumulator of the highest value added ({@link Long#MIN_VALUE} when none): a task run twice
 * adds the same values again, which leaves a maximum as it was.
 */
public final class MaxAccumulator extends AccumulatorV2<Long, Long> {

  private static final long serialVersionUID = 1L;

  private final AtomicLong max = new AtomicLong(Long.MIN_VALUE);

  @Override
  public boolean isZero() {
    return max.get() == Long.MIN_VALUE;
  }

  @Override
  public MaxAccumulator copy() {
    MaxAccumulator c = new MaxAccumulator();
    c.add(value());
    return c;
  }

  @Override
  public void reset() {
    max.set(Long.MIN_VALUE);
  }

  @Override
  public void add(Long v) {
    max.accumulateAndGet(v, Math::max);
  }

  @Override
  public void merge(AccumulatorV2<Long, Long> other) {
    add(other.value());
  }

  @Override
  public Long value() {
    return max.get();
  }
}
