package dev.trendoff.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * The times a watched count showed each new value, as one observer saw it (the page in the browser, an
 * event stream client, the serving merge): {@code bench http live}'s raw figures. Marker {@code k}
 * raises the count to {@code k}, so the count showing {@code k} or more means marker {@code k} is shown;
 * its latency is that time minus the time marker {@code k} was sent (both {@code System.currentTimeMillis()}
 * / {@code Date.now()} of the same machine).
 */
final class CountTrace {

  /** One change: the wall-clock time in ms and the value shown from then on. */
  record Change(long millis, long value) {
  }

  /** The latencies in ms of the markers shown, in marker order, and how many markers were never shown. */
  record Latencies(List<Long> millis, int missing) {
  }

  private final List<Change> changes = new ArrayList<>();

  /** Notes the value seen at {@code millis}; only a value different from the last one is kept. */
  synchronized void saw(long millis, long value) {
    if (changes.isEmpty() || changes.get(changes.size() - 1).value() != value) {
      changes.add(new Change(millis, value));
    }
  }

  /** The value seen last; 0 before any. */
  synchronized long latest() {
    return changes.isEmpty() ? 0 : changes.get(changes.size() - 1).value();
  }

  synchronized List<Change> changes() {
    return List.copyOf(changes);
  }

  /**
   * For markers {@code first..last} (1-based; {@code sentMillis[k - 1]} is when marker k was sent): the time
   * from sending marker k to the first change to a value of k or more.
   */
  static Latencies latencies(long[] sentMillis, int first, int last, List<Change> changes) {
    List<Long> out = new ArrayList<>();
    int missing = 0;
    int i = 0;
    long shown = Long.MIN_VALUE;
    for (int k = first; k <= last; k++) {
      while (shown < k && i < changes.size()) {
        shown = Math.max(shown, changes.get(i).value());
        i++;
      }
      if (shown >= k) {
        out.add(changes.get(i - 1).millis() - sentMillis[k - 1]);
      } else {
        missing++;
      }
    }
    return new Latencies(out, missing);
  }
}
