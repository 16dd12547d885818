package dev.trendoff.views;

import java.time.Instant;
import java.util.Map;

/**
 * The published batch view readers follow (the pointer row {@code 'current'}): its version and the
 * cut it covers (docs/lambda.md).
 *
 * @param version the published version, or {@code null} when no recompute has published yet
 * @param cut partition -> first offset the version does NOT cover; a partition missing from it has cut 0
 * @param publishedAt when the pointer was flipped, or {@code null}
 * @param base the full run the version builds on, whose partitions hold its rows ({@link BatchViewWords}):
 *     the version itself for a full run; {@code null} when no version is published
 */
public record ViewPointer(Long version, Cut cut, Instant publishedAt, Long base) {

  /** No recompute ever ran: the batch side is empty and every speed row counts. */
  public static final ViewPointer NONE = new ViewPointer(null, Cut.EMPTY, null, null);

  public ViewPointer {
    cut = cut == null ? Cut.EMPTY : cut;
    base = base == null ? version : base;
  }

  /** A full run's version (its own base). */
  public ViewPointer(Long version, Cut cut, Instant publishedAt) {
    this(version, cut, publishedAt, version);
  }

  /** A published version and its cut, as a map. */
  public static ViewPointer of(long version, Map<Integer, Long> cut) {
    return new ViewPointer(version, Cut.of(cut), null);
  }

  public boolean exists() {
    return version != null;
  }

  /** The Kafka topic id the cut's offsets are of; null when not recorded (or no version). */
  public String topicId() {
    return cut.topicId();
  }

  /** The cut of {@code partition}: 0 when the partition is missing from the map. */
  public long cutOf(int partition) {
    return cut.of(partition);
  }

  /**
   * Whether a speed row lies after the cut, i.e. is not in the batch view and so is counted from the
   * speed side: {@code offset >= cut[partition]} for a row of the cut's topic. A row of a retired topic
   * is absorbed (that topic is all on the batch side). A row of a topic the pointer does not know means
   * the topic was deleted and created again (or Kafka lost its data) since the version was published:
   * its offsets cannot be compared with the cut, and {@link TopicChangedException} says so.
   */
  public boolean countsSpeedRow(SpeedRow r) {
    if (!exists()) {
      return true;
    }
    if (cut.isRetired(r.topicId())) {
      return false;
    }
    if (!cut.isCurrent(r.topicId())) {
      throw new TopicChangedException(cut.topicId(), r.topicId());
    }
    return !cut.covers(r.topicId(), r.kafkaPartition(), r.kafkaOffset());
  }

  /** Whether a speed row of the pointer's topic at {@code partition}/{@code offset} lies after the cut. */
  public boolean countsSpeedRow(int partition, long offset) {
    return !exists() || !cut.covers(partition, offset);
  }

  /** The cut as text, partitions in order: {@code "0=120,1=98"}; empty when there is no view. */
  public String cutText() {
    return cut.text();
  }

  /**
   * A version number for a run starting at {@code nowMillis}: epoch milliseconds, strictly above this
   * pointer's version.
   */
  public long nextVersion(long nowMillis) {
    return exists() ? Math.max(nowMillis, version + 1) : nowMillis;
  }
}
