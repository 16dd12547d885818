package dev.trendoff.speed;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.trendoff.core.Tokenizer;
import dev.trendoff.core.UserKeys;
import dev.trendoff.spark.KafkaTweet;
import dev.trendoff.views.SpeedRow;

/**
 * From decoded tweets to speed-view rows, grouped into the writes the speed layer sends: per user,
 * that user's rows in offset order ({@code SpeedViewWrites} of the views module cuts them into
 * unlogged batches). Plain Java; the Spark job only calls it.
 *
 * <p>Every record read is a row, keyed by where it was read: a replay writes the same rows whatever
 * the micro-batch boundaries are. A tweet id met twice (the same tweet produced twice) is two rows;
 * the merge counts it once (docs/lambda.md 'The merge').
 */
public final class SpeedRows {

  private static final Comparator<SpeedRow> IN_KAFKA_ORDER =
      Comparator.comparingInt(SpeedRow::kafkaPartition).thenComparingLong(SpeedRow::kafkaOffset);

  private final Tokenizer tokenizer;

  public SpeedRows(Tokenizer tokenizer) {
    this.tokenizer = tokenizer;
  }

  public static SpeedRows standard() {
    return new SpeedRows(Tokenizer.standard());
  }

  /** The row of one tweet. */
  public SpeedRow row(KafkaTweet t) {
    Map<String, Integer> words = tokenizer.counts(t.tweet().getText().toString());
    int tokens = 0;
    for (int c : words.values()) {
      tokens += c;
    }
    return new SpeedRow(UserKeys.of(t.tweet().getUserScreenName().toString()), t.tweet().getId(), t.topicId(),
        t.partition(), t.offset(), words, tokens);
  }

  /** user key -> that user's rows, in offset order; users in first-seen order. */
  public Map<String, List<SpeedRow>> byUser(Iterator<KafkaTweet> tweets) {
    Map<String, List<SpeedRow>> out = new LinkedHashMap<>();
    while (tweets.hasNext()) {
      SpeedRow r = row(tweets.next());
      out.computeIfAbsent(r.userKey(), k -> new ArrayList<>()).add(r);
    }
    out.values().forEach(rows -> rows.sort(IN_KAFKA_ORDER));
    return out;
  }
}
