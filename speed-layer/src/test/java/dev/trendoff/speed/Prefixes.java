package dev.trendoff.speed;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.trendoff.avro.Tweet;
import dev.trendoff.core.Tokenizer;
import dev.trendoff.core.UserKeys;
import dev.trendoff.serving.Recount;
import dev.trendoff.serving.UserWords;

/**
 * Each user's tweets in the order they were produced (= their Kafka order: one producer, one partition
 * per user). While the speed layer writes, what the merge counts for a user must be exactly the
 * user's first N tweets for some N: none skipped, none twice.
 */
final class Prefixes {

  private final Map<String, List<Map<String, Integer>>> wordsByUser = new HashMap<>();

  Prefixes(List<Tweet> inProducedOrder) {
    for (Tweet t : inProducedOrder) {
      wordsByUser.computeIfAbsent(UserKeys.of(t.getUserScreenName().toString()), k -> new ArrayList<>())
          .add(Tokenizer.standard().counts(t.getText().toString()));
    }
  }

  int tweetsOf(String user) {
    return wordsByUser.getOrDefault(user, List.of()).size();
  }

  /** The recount of {@code user}'s first {@code n} tweets, or null if the user has fewer. */
  Recount first(String user, long n) {
    List<Map<String, Integer>> all = wordsByUser.getOrDefault(user, List.of());
    if (n > all.size()) {
      return null;
    }
    Map<String, Long> words = new HashMap<>();
    long tokens = 0;
    for (int i = 0; i < n; i++) {
      for (Map.Entry<String, Integer> e : all.get(i).entrySet()) {
        words.merge(e.getKey(), (long) e.getValue(), Long::sum);
        tokens += e.getValue();
      }
    }
    return new Recount(n, tokens, Map.copyOf(words));
  }

  /** Null if {@code merged} is a prefix of at least {@code atLeast} tweets; otherwise what is wrong. */
  String check(UserWords merged, long atLeast) {
    Recount want = first(merged.user(), merged.tweets());
    if (want == null) {
      return merged.user() + ": " + merged.tweets() + " tweets counted, only " + tweetsOf(merged.user()) + " produced";
    }
    if (!want.equals(Recount.of(merged))) {
      return merged.user() + ": counts are not those of the first " + merged.tweets() + " tweets";
    }
    if (merged.tweets() < atLeast) {
      return merged.user() + ": " + merged.tweets() + " tweets counted, fewer than the " + atLeast + " committed";
    }
    return null;
  }
}
