package dev.trendoff.views;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import com.datastax.oss.driver.api.core.DriverTimeoutException;

/** What a recompute concludes when its flip timed out, from what serial reads of the pointer return. */
class FlipOutcomeTest {

  static Supplier<ViewPointer> reads(Object... answers) {
    Deque<Object> left = new ArrayDeque<>(java.util.List.of(answers));
    return () -> {
      Object a = left.pop();
      if (a instanceof RuntimeException e) {
        throw e;
      }
      return (ViewPointer) a;
    };
  }

  @Test
  void thePointerAtTheNewVersionMeansItPublished() {
    ViewStore.Flip f = ViewStore.resolve(7, reads(ViewPointer.of(7, Map.of())), Duration.ZERO);
    assertThat(f.outcome()).isEqualTo(ViewStore.FlipOutcome.PUBLISHED);
    assertThat(f.timedOut()).isTrue();
    assertThat(f.pointer().version()).isEqualTo(7);
  }

  @Test
  void thePointerStillAtThePreviousOrAtAnotherVersionMeansItDidNot() {
    assertThat(ViewStore.resolve(7, reads(ViewPointer.of(5, Map.of())), Duration.ZERO).outcome())
        .isEqualTo(ViewStore.FlipOutcome.LOST);
    assertThat(ViewStore.resolve(7, reads(ViewPointer.of(8, Map.of())), Duration.ZERO).outcome())
        .isEqualTo(ViewStore.FlipOutcome.LOST);
    assertThat(ViewStore.resolve(7, reads(ViewPointer.NONE), Duration.ZERO).outcome()).isEqualTo(ViewStore.FlipOutcome.LOST);
  }

  @Test
  void serialReadsThatTimeOutAreTriedAgainAndThenTheOutcomeIsUnknown() {
    DriverTimeoutException timeout = new DriverTimeoutException("slow");
    assertThat(ViewStore.resolve(7, reads(timeout, timeout, ViewPointer.of(7, Map.of())), Duration.ZERO).outcome())
        .isEqualTo(ViewStore.FlipOutcome.PUBLISHED);
    ViewStore.Flip unknown = ViewStore.resolve(7, reads(timeout, timeout, timeout, timeout, timeout), Duration.ZERO);
    assertThat(unknown.outcome()).isEqualTo(ViewStore.FlipOutcome.UNKNOWN);
    assertThat(unknown.pointer()).isNull();
  }
}
