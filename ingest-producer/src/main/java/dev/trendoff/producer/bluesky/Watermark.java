package dev.trendoff.producer.bluesky;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Where a restart may resume the firehose without losing or repeating a post. Each event received
 * is open until it is settled: passed over, rejected, or handed to the run as a tweet. At a checkpoint
 * (every tweet handed acknowledged by Kafka) the {@link Cursor} is the time just before the oldest open
 * event (or the newest received when none is open), with the posts handed after that time, which a
 * replay from the cursor must pass over. Events come in {@code time_us} order. Not thread-safe.
 */
final class Watermark {

  /** A post handed to the run: its time and tweet id. */
  record Sent(long timeUs, long id) {}

  /** What a restart resumes from: replay after {@code timeUs}, passing over {@code sentAfter}. */
  record Cursor(long timeUs, List<Sent> sentAfter) {}

  private final TreeMap<Long, Integer> open = new TreeMap<>();
  private final TreeMap<Long, List<Long>> sent = new TreeMap<>();
  private long newest;

  /** Resumes from a recorded cursor. */
  Watermark(Cursor from) {
    if (from != null) {
      newest = from.timeUs();
      from.sentAfter().forEach(s -> sent.computeIfAbsent(s.timeUs(), k -> new ArrayList<>()).add(s.id()));
    }
  }

  void received(long timeUs) {
    open.merge(timeUs, 1, Integer::sum);
    newest = Math.max(newest, timeUs);
  }

  /** The event of {@code timeUs} was passed over or rejected. */
  void settled(long timeUs) {
    open.computeIfPresent(timeUs, (k, n) -> n > 1 ? n - 1 : null);
  }

  /** The post {@code id} of {@code timeUs} was handed to the run. */
  void handed(long timeUs, long id) {
    settled(timeUs);
    sent.computeIfAbsent(timeUs, k -> new ArrayList<>()).add(id);
  }

  /** Nothing received yet (nor resumed from). */
  boolean empty() {
    return newest == 0;
  }

  /** The cursor now; call it when everything handed is acknowledged. */
  Cursor cursor() {
    long at = open.isEmpty() ? newest : open.firstKey() - 1;
    sent.headMap(at, true).clear();
    List<Sent> after = new ArrayList<>();
    sent.forEach((t, ids) -> ids.forEach(id -> after.add(new Sent(t, id))));
    return new Cursor(at, after);
  }
}
