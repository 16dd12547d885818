package dev.trendoff.batch;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongPredicate;

import dev.trendoff.core.Tokenizer;
import dev.trendoff.core.TweetChecks;
import dev.trendoff.views.ViewRow;

/**
 * What an incremental recompute makes of the tweets that came in since the published version
 * (docs/lambda.md 'Incremental recomputes'): each tweet id once, those the published version already
 * counted (another copy of them is covered by its cut) left out, the rest counted into their users'
 * previous counts. Plain Java; the recompute feeds it from Kafka, the loads and Cassandra, the
 * property tests (speed-layer's LambdaEquationPropertyTest) from a model.
 */
public final class Regroup {

  private Regroup() {}

  /**
   * A tweet that came in since the published cut: read from Kafka between the published cut and the
   * new one ({@code order}: its position), or loaded by a load the published version does not cover.
   */
  public record DeltaTweet(long tweetId, String userKey, String text, String order) {}

  /** The delta's new tweets counted per user, and the figures of the summary. */
  public record Added(Map<String, UserCounts> byUser, long tweets, long alreadyCounted, Map<String, Long> unusable) {}

  /**
   * The delta counted per user: each tweet id once (its first copy in {@code order}, so that the outcome
   * does not depend on reading order), without those the published version already counts, without
   * those no layer could write.
   *
   * @param delta the tweets that came in, in any order, possibly several copies of a tweet
   * @param countedBefore whether the published version counts a tweet id (a copy covered by its cut)
   */
  public static Added added(List<DeltaTweet> delta, LongPredicate countedBefore) {
    Map<Long, DeltaTweet> once = new LinkedHashMap<>();
    List<DeltaTweet> sorted = new ArrayList<>(delta);
    sorted.sort(Comparator.comparing(DeltaTweet::order));
    for (DeltaTweet t : sorted) {
      once.putIfAbsent(t.tweetId(), t);
    }
    Map<String, UserCounts> byUser = new LinkedHashMap<>();
    Map<String, Long> unusable = new TreeMap<>();
    Tokenizer tokenizer = Tokenizer.standard();
    long tweets = 0;
    long already = 0;
    for (DeltaTweet t : once.values()) {
      TweetChecks.Unusable u = TweetChecks.checkKey(t.tweetId(), t.userKey(), t.text());
      if (u != null) {
        unusable.merge(u.problem().code(), 1L, Long::sum);
        continue;
      }
      if (countedBefore.test(t.tweetId())) {
        already++;
        continue;
      }
      byUser.computeIfAbsent(t.userKey(), k -> UserCounts.empty()).addText(t.text(), tokenizer);
      tweets++;
    }
    return new Added(byUser, tweets, already, unusable);
  }

  /**
   * The keys of the batch view rows an incremental run replaces (docs/lambda.md 'Incremental
   * recomputes'): the totals of every user {@code added} touches, and each word it added to them.
   */
  public static List<ViewRow.Key> keys(Map<String, UserCounts> added) {
    List<ViewRow.Key> out = new ArrayList<>();
    added.forEach((user, counts) -> {
      out.add(new ViewRow.Key(user, ViewRow.TOTALS));
      counts.words().keySet().forEach(w -> out.add(new ViewRow.Key(user, w)));
    });
    return out;
  }

  /**
   * The rows version {@code version} writes for the users {@code added} touches: each of {@link #keys}
   * as the row serving reads in the published version ({@code published}: keyed as {@link #keys}; a key
   * missing from it has none) plus what {@code added} counts. Every other row stays as it is: the
   * counts of the words the delta did not add are unchanged.
   */
  public static List<ViewRow> changed(Map<String, UserCounts> added, Map<ViewRow.Key, ViewRow> published, long version) {
    List<ViewRow> rows = new ArrayList<>();
    added.forEach((user, counts) -> {
      ViewRow before = published.get(new ViewRow.Key(user, ViewRow.TOTALS));
      rows.add(ViewRow.totals(user, version, (before == null ? 0 : before.tweets()) + counts.tweets(),
          (before == null ? 0 : before.tokens()) + counts.tokens()));
      counts.words().forEach((w, n) -> {
        ViewRow was = published.get(new ViewRow.Key(user, w));
        rows.add(new ViewRow(user, w, version, (was == null ? 0 : was.count()) + n, 0, 0));
      });
    });
    return rows;
  }
}
