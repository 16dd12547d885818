package dev.trendoff.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import dev.trendoff.views.Cut;
import dev.trendoff.views.TweetCopies;

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

  /** A master row written before copies were recorded: its one Kafka position, or none (a file row). */
  static MasterScan.Scanned row(long id, String user, String text, String topic, Integer p, Long o) {
    return new MasterScan.Scanned(id, user, text, TweetCopies.of(id, null, null, topic, p, o));
  }

  static MasterScan.Scanned copies(long id, String user, String text, Set<String> positions, Set<Long> loads) {
    return new MasterScan.Scanned(id, user, text, TweetCopies.of(id, positions, loads, null, null, null));
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

  @Test
  void aTweetCountsWhenAnyOfItsCopiesIsCoveredAndOnlyOnce() {
    Cut cut = Cut.of("t1", Set.of(), Set.of(7L), Map.of(0, 100L));
    List<MasterScan.Scanned> rows = List.of(
        // sent twice: once below the cut, once above it: the version counts it (the speed side will not)
        copies(1, "ann", "first copy", Set.of("t1/0/5", "t1/0/150"), Set.of()),
        // only above the cut: left to the speed side
        copies(2, "ann", "above", Set.of("t1/0/150"), Set.of()),
        // loaded by a covered load, and sent through Kafka above the cut
        copies(3, "bob", "loaded", Set.of("t1/1/9999"), Set.of(7L)),
        // loaded by a load still loading (not covered)
        copies(4, "bob", "loading", Set.of(), Set.of(8L)),
        // a file row from before loads were recorded: every version counts it
        copies(5, "cid", "old file row", Set.of(), Set.of()));
    Counted tally = new Counted();
    Map<String, UserCounts> byUser = MasterScan.count(rows.iterator(), cut, tally);
    assertThat(byUser.get("ann").tweets()).isEqualTo(1);
    assertThat(byUser.get("bob").tweets()).isEqualTo(1);
    assertThat(byUser.get("cid").tweets()).isEqualTo(1);
    assertThat(tally.above).isEqualTo(2);
    assertThat(tally.skipped).isEmpty();
  }
}
