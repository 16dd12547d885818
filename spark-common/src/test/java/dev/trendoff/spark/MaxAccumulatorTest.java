package dev.trendoff.spark;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MaxAccumulatorTest {

  @Test
  void keepsTheHighestValueAcrossAddsCopiesAndMerges() {
    MaxAccumulator a = new MaxAccumulator();
    assertThat(a.isZero()).isTrue();
    a.add(7L);
    a.add(-3L);
    MaxAccumulator b = new MaxAccumulator();
    b.add(12L);
    MaxAccumulator c = a.copy();
    c.merge(b);
    assertThat(a.value()).isEqualTo(7L);
    assertThat(c.value()).isEqualTo(12L);
    c.merge(a); // a task's values merged twice leave the maximum as it was
    assertThat(c.value()).isEqualTo(12L);
    c.reset();
    assertThat(c.isZero()).isTrue();
    assertThat(c.value()).isEqualTo(Long.MIN_VALUE);
  }
}
