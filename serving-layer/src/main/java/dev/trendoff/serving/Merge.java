package dev.trendoff.serving;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.trendoff.views.BatchSide;
import dev.trendoff.views.SpeedRow;
import dev.trendoff.views.ViewPointer;

/**
 * The lambda merge of docs/lambda.md, as plain arithmetic:
 * {@code answer(U) = batch_view(U, V) + sum of speed rows of U with kafka_offset >= cut_V[kafka_partition]}.
 */
public final class Merge {

  private Merge() {}

  public static UserWords merge(String user, ViewPointer view, BatchSide batch, List<SpeedRow> speedRows) {
    BatchSide b = view.exists() ? batch : BatchSide.EMPTY;
    Map<String, Long> words = new HashMap<>(b.words());
    long tweets = b.tweets();
    long tokens = b.tokens();
    int counted = 0;
    int skipped = 0;
    for (SpeedRow r : speedRows) {
      if (!view.countsSpeedRow(r.kafkaPartition(), r.kafkaOffset())) {
        skipped++;
        continue;
      }
      counted++;
      tweets++;
      tokens += r.tokens();
      for (Map.Entry<String, Integer> e : r.words().entrySet()) {
        words.merge(e.getKey(), (long) e.getValue(), Long::sum);
      }
    }
    words.values().removeIf(c -> c <= 0);
    return new UserWords(user, tweets, tokens, words, counted, skipped);
  }
}
