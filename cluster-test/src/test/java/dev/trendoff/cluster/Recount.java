package dev.trendoff.cluster;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.trendoff.avro.Tweet;
import dev.trendoff.core.Tokenizer;
import dev.trendoff.core.UserKeys;

/** What compare-users must answer for one user: counted from scratch over every tweet produced. */
record Recount(long tweets, long tokens, Map<String, Long> words) {

  /** user key -> its recount (each tweet id once). */
  static Map<String, Recount> of(List<Tweet> produced) {
    Map<String, long[]> totals = new HashMap<>();
    Map<String, Map<String, Long>> words = new HashMap<>();
    Set<Long> seen = new HashSet<>();
    for (Tweet t : produced) {
      if (!seen.add(t.getId())) {
        continue;
      }
      String u = UserKeys.of(t.getUserScreenName().toString());
      long[] tt = totals.computeIfAbsent(u, k -> new long[2]);
      tt[0]++;
      Map<String, Long> w = words.computeIfAbsent(u, k -> new HashMap<>());
      for (Map.Entry<String, Integer> e : Tokenizer.standard().counts(t.getText().toString()).entrySet()) {
        w.merge(e.getKey(), (long) e.getValue(), Long::sum);
        tt[1] += e.getValue();
      }
    }
    Map<String, Recount> out = new HashMap<>();
    totals.forEach((u, tt) -> out.put(u, new Recount(tt[0], tt[1], Map.copyOf(words.get(u)))));
    return out;
  }
}
