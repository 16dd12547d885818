package dev.trendoff.speed;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Comparator;

import dev.trendoff.core.Tokenizer;
import dev.trendoff.core.UserKeys;
import dev.trendoff.spark.KafkaTweet;
import dev.trendoff.views.SpeedRow;

/**
 * From decoded tweets to speed-view rows, grouped into the writes the speed layer sends: per user,
 * that user's rows in offset order ({@code SpeedViewWrites} of the views module cuts them into
 * unlogged batches). Plain Java; the Spark job only calls it.
 *
 * <p>A tweet id met twice (the same tweet produced twice) is one row: the one read at the higher
 * offset, the same row a later micro-batch would leave behind, so the outcome does not depend on
 * where micro-batches begin and end.
 */
public final class SpeedRows {

  private static final Comparator<SpeedRow> IN_KAFKA_ORDER =
      Comparator.comparingInt((SpeedRow r) -> r.kafkaPartition()).thenComparingLong(SpeedRow::kafkaOffset);

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
    return new SpeedRow(UserKeys.of(t.tweet().getUserScreenName().toString()), t.tweet().getId(),
        t.partition(), t.offset(), words, tokens);
  }

  /** user key -> that user's rows (one per tweet id, the highest offset's), in offset order; users in first-seen order. */
  public Map<String, List<SpeedRow>> byUser(Iterator<KafkaTweet> tweets) {
    Map<String, Map<Long, SpeedRow>> byUserAndId = new LinkedHashMap<>();
    while (tweets.hasNext()) {
      SpeedRow r = row(tweets.next());
      byUserAndId.computeIfAbsent(r.userKey(), k -> new LinkedHashMap<>())
          .merge(r.tweetId(), r, (a, b) -> later(a, b));
    }
    Map<String, List<SpeedRow>> out = new LinkedHashMap<>();
    byUserAndId.forEach((user, rows) -> {
      List<SpeedRow> sorted = new ArrayList<>(rows.values());
      sorted.sort(IN_KAFKA_ORDER);
      out.put(user, sorted);
    });
    return out;
  }

  private static SpeedRow later(SpeedRow a, SpeedRow b) {
    return IN_KAFKA_ORDER.compare(a, b) >= 0 ? a : b;
  }
}
