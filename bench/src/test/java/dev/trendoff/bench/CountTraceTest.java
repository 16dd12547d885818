package dev.trendoff.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class CountTraceTest {

  @Test
  void keepsOnlyChanges() {
    CountTrace t = new CountTrace();
    t.saw(100, 0);
    t.saw(120, 0);
    t.saw(140, 2);
    t.saw(160, 2);
    t.saw(180, 3);
    assertThat(t.changes()).containsExactly(new CountTrace.Change(100, 0), new CountTrace.Change(140, 2),
        new CountTrace.Change(180, 3));
    assertThat(t.latest()).isEqualTo(3);
    assertThat(new CountTrace().latest()).isZero();
  }

  @Test
  void aMarkerIsShownByTheFirstChangeToItsNumberOrMore() {
    // markers 1..5 sent at 1000, 1200, 1400, 1600, 1800 ms
    long[] sent = {1000, 1200, 1400, 1600, 1800};
    // one event brought 1 and 2 together (at 2100), the next 3 (2500), then 5 jumped over 4 (3000)
    List<CountTrace.Change> seen = List.of(new CountTrace.Change(900, 0), new CountTrace.Change(2100, 2),
        new CountTrace.Change(2500, 3), new CountTrace.Change(3000, 5));
    CountTrace.Latencies l = CountTrace.latencies(sent, 1, 5, seen);
    assertThat(l.millis()).containsExactly(1100L, 900L, 1100L, 1400L, 1200L);
    assertThat(l.missing()).isZero();
  }

  @Test
  void onlyTheMarkersAskedForAndThoseNeverShownAreMissing() {
    long[] sent = {1000, 1200, 1400, 1600};
    List<CountTrace.Change> seen = List.of(new CountTrace.Change(1300, 1), new CountTrace.Change(1700, 2),
        new CountTrace.Change(2000, 3));
    CountTrace.Latencies l = CountTrace.latencies(sent, 2, 4, seen);
    assertThat(l.millis()).containsExactly(500L, 600L);
    assertThat(l.missing()).isEqualTo(1);
  }

  @Test
  void aCountThatDropsBackDoesNotUnshowAMarker() {
    // a stale answer (an older read) after a newer one: marker 2 stays shown from 1500
    long[] sent = {1000, 1100, 1200};
    List<CountTrace.Change> seen = List.of(new CountTrace.Change(1500, 2), new CountTrace.Change(1600, 1),
        new CountTrace.Change(1900, 3));
    assertThat(CountTrace.latencies(sent, 1, 3, seen).millis()).containsExactly(500L, 400L, 700L);
  }
}
