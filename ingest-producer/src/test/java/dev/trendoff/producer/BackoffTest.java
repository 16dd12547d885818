package dev.trendoff.producer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** The waits of X's "Handling disconnections": linear 250 ms to 16 s, 5 s doubling to 320 s, 1 min doubling for 429. */
class BackoffTest {

  static Backoff xs() {
    return new Backoff(Duration.ofMillis(250), Duration.ofSeconds(16), Duration.ofSeconds(5), Duration.ofSeconds(320),
        Duration.ofMinutes(1), Duration.ofMinutes(16));
  }

  static long ms(Duration d) {
    return d.toMillis();
  }

  @Test
  void networkErrorsBackOffLinearlyUpToSixteenSeconds() {
    Backoff b = xs();
    assertThat(ms(b.after(Backoff.Failure.NETWORK))).isEqualTo(250);
    assertThat(ms(b.after(Backoff.Failure.NETWORK))).isEqualTo(500);
    assertThat(ms(b.after(Backoff.Failure.NETWORK))).isEqualTo(750);
    for (int i = 0; i < 100; i++) {
      b.after(Backoff.Failure.NETWORK);
    }
    assertThat(ms(b.after(Backoff.Failure.NETWORK))).isEqualTo(16_000);
  }

  @Test
  void httpErrorsDoubleFromFiveSecondsUpTo320() {
    Backoff b = xs();
    assertThat(b.after(Backoff.Failure.HTTP)).hasSeconds(5);
    assertThat(b.after(Backoff.Failure.HTTP)).hasSeconds(10);
    assertThat(b.after(Backoff.Failure.HTTP)).hasSeconds(20);
    for (int i = 0; i < 40; i++) {
      b.after(Backoff.Failure.HTTP);
    }
    assertThat(b.after(Backoff.Failure.HTTP)).hasSeconds(320);
  }

  @Test
  void tooManyRequestsDoublesFromAMinute() {
    Backoff b = xs();
    assertThat(b.after(Backoff.Failure.RATE_LIMIT)).hasMinutes(1);
    assertThat(b.after(Backoff.Failure.RATE_LIMIT)).hasMinutes(2);
    assertThat(b.after(Backoff.Failure.RATE_LIMIT)).hasMinutes(4);
  }

  @Test
  void aConnectionThatCameUpResetsTheCountsAndItsDropIsRetriedAtOnce() {
    Backoff b = xs();
    b.after(Backoff.Failure.HTTP);
    b.after(Backoff.Failure.HTTP);
    b.after(Backoff.Failure.NETWORK);
    b.connected();
    assertThat(b.afterDrop()).isZero();
    assertThat(b.after(Backoff.Failure.HTTP)).hasSeconds(5);
    assertThat(ms(b.after(Backoff.Failure.NETWORK))).isEqualTo(250);
  }

  @Test
  void sleepEndsEarlyWhenStopped() {
    long t0 = System.nanoTime();
    assertThat(Backoff.sleep(Duration.ofSeconds(30), () -> System.nanoTime() - t0 > 200_000_000L)).isFalse();
    assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(5));
    assertThat(Backoff.sleep(Duration.ofMillis(20), () -> false)).isTrue();
  }
}
