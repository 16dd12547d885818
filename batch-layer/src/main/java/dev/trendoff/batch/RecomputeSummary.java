package dev.trendoff.batch;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import dev.trendoff.views.Cut;

/** What one recompute did: the figures it prints and records in view_versions. */
public record RecomputeSummary(long version, Cut cut, boolean published, long tweets, long skippedAboveCut,
    long users, long distinctWords, long tokens, long speedRowsDeleted, double seconds) {

  /** {@code recompute --json}: one object a run, the fields of docs/json.md 'batch-layer recompute'. */
  public Map<String, Object> json() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("version", version);
    m.put("published", published);
    m.put("cut", cut.text());
    m.put("tweets", tweets);
    m.put("skippedAboveCut", skippedAboveCut);
    m.put("users", users);
    m.put("distinctWords", distinctWords);
    m.put("tokens", tokens);
    m.put("speedRowsDeleted", speedRowsDeleted);
    m.put("seconds", Math.round(seconds * 10) / 10.0);
    return m;
  }

  /** The one line the command prints. */
  public String line() {
    return String.format(Locale.ROOT,
        "recompute: version %d %s: %d tweets read (%d above the cut left to the speed side), %d users, "
            + "%d distinct words, %d tokens, cut %s, %d absorbed speed rows deleted, %.1f s",
        version, published ? "published" : "NOT published (another recompute published first; its rows deleted)",
        tweets, skippedAboveCut, users, distinctWords, tokens, cut, speedRowsDeleted, seconds);
  }
}
