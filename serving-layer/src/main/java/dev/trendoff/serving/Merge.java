package dev.trendoff.serving;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongPredicate;

import dev.trendoff.views.BatchSide;
import dev.trendoff.views.SpeedRow;
import dev.trendoff.views.ViewPointer;

/**
 * The lambda merge of docs/lambda.md, as plain arithmetic:
 * {@code answer(U) = batch_view(U, V) + sum of speed rows of U with kafka_offset >= cut_V[kafka_partition]},
 * a tweet id among those speed rows counted once (the row read last), and not at all when the version
 * counts it through another copy. A speed row of a topic the pointer does not know throws
 * {@link dev.trendoff.views.TopicChangedException}.
 */
public final class Merge {

  private Merge() {}

  public static UserWords merge(String user, ViewPointer view, BatchSide batch, List<SpeedRow> speedRows) {
    return merge(user, view, batch, speedRows, id -> false);
  }

  /**
   * @param countedByBatch whether the version counts a tweet id through another copy of it (one its
   *     cut covers: docs/lambda.md 'Copies of a tweet'); such speed rows are not counted again
   */
  public static UserWords merge(String user, ViewPointer view, BatchSide batch, List<SpeedRow> speedRows,
      LongPredicate countedByBatch) {
    BatchSide b = view.exists() ? batch : BatchSide.EMPTY;
    Map<String, Long> words = new HashMap<>(b.words());
    long tweets = b.tweets();
    long tokens = b.tokens();
    Map<Long, SpeedRow> after = new LinkedHashMap<>();
    for (SpeedRow r : speedRows) {
      if (view.countsSpeedRow(r) && !countedByBatch.test(r.tweetId())) {
        after.merge(r.tweetId(), r, Merge::later);
      }
    }
    for (SpeedRow r : after.values()) {
      tweets++;
      tokens += r.tokens();
      for (Map.Entry<String, Integer> e : r.words().entrySet()) {
        words.merge(e.getKey(), (long) e.getValue(), Long::sum);
      }
    }
    words.values().removeIf(c -> c <= 0);
    // skipped: rows below the cut, and copies of a tweet counted by the version or from another row
    return new UserWords(user, tweets, tokens, words, after.size(), speedRows.size() - after.size());
  }

  /** Of two rows of one tweet, the one read last (the higher partition, then offset). */
  private static SpeedRow later(SpeedRow a, SpeedRow b) {
    int c = Integer.compare(a.kafkaPartition(), b.kafkaPartition());
    if (c == 0) {
      c = Long.compare(a.kafkaOffset(), b.kafkaOffset());
    }
    return c >= 0 ? a : b;
  }
}
