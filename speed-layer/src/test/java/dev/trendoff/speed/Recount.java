package dev.trendoff.speed;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.trendoff.avro.Tweet;
import dev.trendoff.core.Tokenizer;
import dev.trendoff.core.UserKeys;
import dev.trendoff.serving.UserWords;

/** What the serving merge must answer for a user, counted from scratch over the tweets produced. */
record Recount(long tweets, long tokens, Map<String, Long> words) {

  /** user key -> recount over {@code produced} (each tweet id once). */
  static Map<String, Recount> of(List<Tweet> produced) {
    Map<String, Long> tweets = new HashMap<>();
    Map<String, Long> tokens = new HashMap<>();
    Map<String, Map<String, Long>> words = new HashMap<>();
    Set<Long> seen = new HashSet<>();
    for (Tweet t : produced) {
      if (!seen.add(t.getId())) {
        continue;
      }
      String u = UserKeys.of(t.getUserScreenName().toString());
      tweets.merge(u, 1L, Long::sum);
      Map<String, Long> w = words.computeIfAbsent(u, k -> new HashMap<>());
      Tokenizer.standard().counts(t.getText().toString()).forEach((word, c) -> {
        w.merge(word, (long) c, Long::sum);
        tokens.merge(u, (long) c, Long::sum);
      });
    }
    Map<String, Recount> out = new HashMap<>();
    tweets.forEach((u, n) -> out.put(u, new Recount(n, tokens.getOrDefault(u, 0L), Map.copyOf(words.get(u)))));
    return out;
  }

  static Recount of(UserWords merged) {
    return new Recount(merged.tweets(), merged.tokens(), merged.words());
  }
}
