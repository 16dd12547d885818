package dev.trendoff.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import dev.trendoff.views.Cut;

class MasterScanTest {

  static final class Counted implements MasterScan.Tally {
    long above;
    final Map<String, Long> skipped = new TreeMap<>();

    @Override
    public void aboveCut() {
      above++;
    }

    @Override
    public void skipped(String reason) {
      skipped.merge(reason, 1L, Long::sum);
    }
  }

  static MasterScan.Scanned row(long id, String user, String text, String topic, Integer p, Long o) {
    return new MasterScan.Scanned(id, user, text, topic, p, o);
  }

  @Test
  void rowsTheRecomputeCannotUseAreSkippedByReasonAndTheOthersCounted() {
    Cut cut = Cut.of("t1", Set.of("t0"), Map.of(0, 100L));
    List<MasterScan.Scanned> rows = List.of(
        row(1, "alice", "hello world", "t1", 0, 5L),
        row(2, "", "a row an old ingest wrote for the screen name @", "t1", 0, 6L),
        row(3, null, "no user at all", null, null, null),
        row(4, "x".repeat(600), "an over-long user", "t1", 0, 7L),
        row(5, "bob", "y".repeat(40_000), null, null, null),
        row(6, "bob", null, "t1", 0, 8L),
        row(7, "bob", "above the cut", "t1", 0, 100L),
        row(8, "carol", "of a retired topic", "t0", 3, 1_000_000L),
        row(9, "dave", "of a topic the cut does not know", "t9", 0, 1L),
        row(10, "alice", "hello again", null, null, null));
    Counted tally = new Counted();
    Map<String, UserCounts> byUser = MasterScan.count(rows.iterator(), cut, tally);
    assertThat(byUser.keySet()).containsExactlyInAnyOrder("alice", "carol");
    assertThat(byUser.get("alice").tweets()).isEqualTo(2);
    assertThat(byUser.get("alice").words()).isEqualTo(Map.of("hello", 2, "world", 1));
    assertThat(tally.above).isEqualTo(1);
    assertThat(tally.skipped).isEqualTo(Map.of("bad-user", 3L, "text-too-long", 1L, "missing-text", 1L,
        MasterScan.UNKNOWN_TOPIC, 1L));
  }
}
