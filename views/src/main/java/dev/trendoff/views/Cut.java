package dev.trendoff.views;

import java.io.Serializable;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The boundary a batch view version covers (docs/lambda.md 'The cut'): the Kafka topic's id, per
 * partition the first offset NOT covered, and the load-csv runs it covers. A version counts every row
 * of a retired topic (one deleted and created again before: all of it is on the batch side), every row
 * of the cut's topic below the cut of its partition (a partition absent from the map has cut 0), and
 * every tweet a covered load loaded; a tweet id once, when any of its copies is covered
 * ({@link TweetCopies}). A row or a cut without a topic id (written before ids were recorded, or by a
 * fixture) is taken as of the cut's topic.
 */
public final class Cut implements Serializable {

  private static final long serialVersionUID = 3L;

  /** The cut of no version: covers no Kafka offset. */
  public static final Cut EMPTY = new Cut(null, Set.of(), Set.of(), Map.of());

  private final String topicId;
  private final TreeSet<String> retired;
  private final TreeSet<Long> loads;
  private final TreeMap<Integer, Long> offsets;

  private Cut(String topicId, Set<String> retired, Set<Long> loads, Map<Integer, Long> offsets) {
    this.topicId = topicId == null || topicId.isEmpty() ? null : topicId;
    this.retired = new TreeSet<>(retired == null ? Set.of() : retired);
    this.loads = new TreeSet<>(loads == null ? Set.of() : loads);
    this.offsets = new TreeMap<>(offsets == null ? Map.of() : offsets);
  }

  /** A cut of no recorded topic. */
  public static Cut of(Map<Integer, Long> offsets) {
    return of(null, Set.of(), offsets);
  }

  /** A cut of topic {@code topicId} (null: not recorded), with the topics retired before it. */
  public static Cut of(String topicId, Set<String> retired, Map<Integer, Long> offsets) {
    return of(topicId, retired, Set.of(), offsets);
  }

  /** A cut of topic {@code topicId}, the topics retired before it, and the load-csv runs it covers. */
  public static Cut of(String topicId, Set<String> retired, Set<Long> loads, Map<Integer, Long> offsets) {
    Cut c = new Cut(topicId, retired, loads, offsets);
    return c.equals(EMPTY) ? EMPTY : c;
  }

  /** Whether a master row read at {@code partition}/{@code offset} (both null: a file row) of no recorded topic is in the version. */
  public boolean covers(Integer partition, Long offset) {
    return covers(null, partition, offset);
  }

  /**
   * Whether a master row read at {@code partition}/{@code offset} of topic {@code topic} is in the
   * version: a file row (no partition) always, a row of a retired topic always, a row of the cut's
   * topic below the cut, a row of a topic the cut does not know never.
   */
  public boolean covers(String topic, Integer partition, Long offset) {
    if (partition == null || offset == null) {
      return true;
    }
    if (isRetired(topic)) {
      return true;
    }
    return isCurrent(topic) && offset < offsets.getOrDefault(partition, 0L);
  }

  /** Whether rows of {@code topic} are the cut's topic's (null or empty: of no recorded topic, taken as the cut's). */
  public boolean isCurrent(String topic) {
    return topic == null || topic.isEmpty() || topicId == null || topic.equals(topicId);
  }

  /** Whether {@code topic} was deleted and created again before this cut: all its rows are on the batch side. */
  public boolean isRetired(String topic) {
    return topic != null && !topic.isEmpty() && retired.contains(topic) && !topic.equals(topicId);
  }

  /** The first offset not covered on {@code partition}. */
  public long of(int partition) {
    return offsets.getOrDefault(partition, 0L);
  }

  public boolean isEmpty() {
    return offsets.isEmpty() && topicId == null && retired.isEmpty() && loads.isEmpty();
  }

  /** The load-csv runs (their ids) whose tweets the version counts (docs/lambda.md 'Copies of a tweet'). */
  public Set<Long> loads() {
    return Collections.unmodifiableSet(loads);
  }

  /** The same cut, covering the loads {@code more} too. */
  public Cut withLoads(Set<Long> more) {
    TreeSet<Long> l = new TreeSet<>(loads);
    l.addAll(more);
    return of(topicId, retired, l, offsets);
  }

  /** The Kafka topic id the offsets are of; null when not recorded. */
  public String topicId() {
    return topicId;
  }

  /** Topic ids deleted and created again before this cut, whose rows are all in the version. */
  public Set<String> retired() {
    return Collections.unmodifiableSet(retired);
  }

  /**
   * This cut raised, partition by partition, to at least {@code previous} when both are of the same
   * topic. Committed offsets only go back when someone resets the group; a new version must still
   * cover what the previous one did, since the previous publish deleted the speed rows below its cut.
   * The topics {@code previous} retired stay retired.
   */
  public Cut atLeast(Cut previous) {
    if (previous == null) {
      return this;
    }
    TreeMap<Integer, Long> m = new TreeMap<>(offsets);
    if (previous.topicId == null || topicId == null || previous.topicId.equals(topicId)) {
      previous.offsets.forEach((p, o) -> m.merge(p, o, Math::max));
    }
    Set<String> r = new TreeSet<>(retired);
    r.addAll(previous.retired);
    Set<Long> l = new TreeSet<>(loads);
    l.addAll(previous.loads);
    return of(topicId != null ? topicId : previous.topicId, r, l, m);
  }

  public Map<Integer, Long> asMap() {
    return Collections.unmodifiableMap(offsets);
  }

  /** Partitions in order as {@code 0=120,1=98}, empty for an empty cut: the form of the JSON answers and status. */
  public String text() {
    return offsets.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(","));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Cut c && c.offsets.equals(offsets) && Objects.equals(c.topicId, topicId) && c.retired.equals(retired)
        && c.loads.equals(loads);
  }

  @Override
  public int hashCode() {
    return offsets.hashCode();
  }

  /** Like {@code 0:120,1:98}; empty: {@code (empty)} (the recompute's summary line). */
  @Override
  public String toString() {
    return offsets.isEmpty() ? "(empty)"
        : offsets.entrySet().stream().map(e -> e.getKey() + ":" + e.getValue()).collect(Collectors.joining(","));
  }
}
