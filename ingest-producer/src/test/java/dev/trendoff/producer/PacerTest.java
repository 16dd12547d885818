package dev.trendoff.producer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.trendoff.avro.Tweet;

class PacerTest {

  /** A clock that only moves when the pacer sleeps. */
  static final class FakeTime {
    long now = 1_000_000_000L;
    final List<Long> sends = new ArrayList<>();
  }

  static Tweet at(String instant) {
    return Tweet.newBuilder().setId(1).setUserScreenName("u").setText("t").setCreatedAt(Instant.parse(instant)).build();
  }

  @Test
  void rateSpacesTweetsEvenly() throws InterruptedException {
    FakeTime time = new FakeTime();
    Pacer p = new Pacer(4, 0, () -> time.now, n -> time.now += n);
    for (int i = 0; i < 5; i++) {
      p.await(at("2016-01-01T00:00:00Z"), () -> false);
      time.sends.add(time.now);
    }
    long start = time.sends.get(0);
    assertThat(time.sends).containsExactly(start, start + 250_000_000L, start + 500_000_000L, start + 750_000_000L,
        start + 1_000_000_000L);
  }

  @Test
  void speedupReplaysTheTweetsOwnTiming() throws InterruptedException {
    FakeTime time = new FakeTime();
    Pacer p = new Pacer(0, 10, () -> time.now, n -> time.now += n);
    String[] created = {"2016-01-01T00:00:00Z", "2016-01-01T00:00:10Z", "2016-01-01T00:00:05Z", "2016-01-01T00:01:00Z"};
    for (String c : created) {
      p.await(at(c), () -> false);
      time.sends.add(time.now);
    }
    long start = time.sends.get(0);
    // 10 s of tweet time is 1 s; a tweet older than one already sent goes at once
    assertThat(time.sends).containsExactly(start, start + 1_000_000_000L, start + 1_000_000_000L, start + 6_000_000_000L);
  }

  @Test
  void stopEndsAWait() throws InterruptedException {
    FakeTime time = new FakeTime();
    Pacer p = new Pacer(0.001, 0, () -> time.now, n -> time.now += n);
    p.await(at("2016-01-01T00:00:00Z"), () -> false);
    long before = time.now;
    int[] checks = {0};
    p.await(at("2016-01-01T00:00:00Z"), () -> ++checks[0] > 3);
    assertThat(time.now - before).isLessThan(1_000_000_000L);
  }

  @Test
  void unlimitedNeverWaits() throws InterruptedException {
    FakeTime time = new FakeTime();
    Pacer p = new Pacer(0, 0, () -> time.now, n -> {
      throw new AssertionError("slept");
    });
    for (int i = 0; i < 1000; i++) {
      p.await(at("2016-01-01T00:00:00Z"), () -> false);
    }
    assertThat(Pacer.unlimited().unlimitedPace()).isTrue();
  }
}
