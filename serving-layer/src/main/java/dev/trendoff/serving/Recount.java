package dev.trendoff.serving;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import dev.trendoff.avro.Tweet;
import dev.trendoff.core.Tokenizer;
import dev.trendoff.core.UserKeys;

/**
 * What compare-users must answer for a user, counted from scratch over tweets in memory with the same
 * tokenizer: the lambda equation's right-hand side, which the tests and benchmarks check the merge against.
 */
public record Recount(long tweets, long tokens, Map<String, Long> words) {

  /** user key -> its recount over {@code tweets} (each tweet id once). */
  public static Map<String, Recount> of(Iterable<Tweet> tweets) {
    Map<String, long[]> totals = new HashMap<>();
    Map<String, Map<String, Long>> words = new HashMap<>();
    Set<Long> seen = new HashSet<>();
    for (Tweet t : tweets) {
      if (!seen.add(t.getId())) {
        continue;
      }
      String u = UserKeys.of(t.getUserScreenName());
      long[] tt = totals.computeIfAbsent(u, k -> new long[2]);
      tt[0]++;
      Map<String, Long> w = words.computeIfAbsent(u, k -> new HashMap<>());
      for (Map.Entry<String, Integer> e : Tokenizer.standard().counts(t.getText()).entrySet()) {
        w.merge(e.getKey(), (long) e.getValue(), Long::sum);
        tt[1] += e.getValue();
      }
    }
    Map<String, Recount> out = new HashMap<>();
    totals.forEach((u, tt) -> out.put(u, new Recount(tt[0], tt[1], Map.copyOf(words.get(u)))));
    return out;
  }

  /** The same figures of a merged answer, to compare with {@link #equals}. */
  public static Recount of(UserWords merged) {
    return new Recount(merged.tweets(), merged.tokens(), merged.words());
  }
}
