package dev.trendoff.producer.bluesky;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class WatermarkTest {

  @Test
  void theCursorStopsBeforeTheOldestOpenEventAndListsWhatWasSentAfterIt() {
    Watermark w = new Watermark(null);
    assertThat(w.empty()).isTrue();
    w.received(10);
    w.received(20);
    w.received(30);
    w.received(40);
    w.handed(10, 100);
    w.handed(30, 300);
    w.settled(40);
    // 20 waits (for its author's handle): a restart replays from after 19 and passes over 300
    assertThat(w.cursor()).isEqualTo(new Watermark.Cursor(19, List.of(new Watermark.Sent(30, 300))));
    w.handed(20, 200);
    assertThat(w.cursor()).isEqualTo(new Watermark.Cursor(40, List.of()));
  }

  @Test
  void aResumedRunKeepsTheListItResumedWithUntilItsCursorPassesIt() {
    Watermark w = new Watermark(new Watermark.Cursor(19, List.of(new Watermark.Sent(30, 300))));
    assertThat(w.empty()).isFalse();
    assertThat(w.cursor()).isEqualTo(new Watermark.Cursor(19, List.of(new Watermark.Sent(30, 300))));
    w.received(20);
    w.received(30);
    w.settled(30);
    assertThat(w.cursor().timeUs()).isEqualTo(19);
    w.handed(20, 200);
    assertThat(w.cursor()).isEqualTo(new Watermark.Cursor(30, List.of()));
  }

  @Test
  void twoEventsOfTheSameMicrosecondAreBothWaitedFor() {
    Watermark w = new Watermark(null);
    w.received(50);
    w.received(50);
    w.handed(50, 1);
    assertThat(w.cursor()).isEqualTo(new Watermark.Cursor(49, List.of(new Watermark.Sent(50, 1))));
    w.handed(50, 2);
    assertThat(w.cursor()).isEqualTo(new Watermark.Cursor(50, List.of()));
  }
}
