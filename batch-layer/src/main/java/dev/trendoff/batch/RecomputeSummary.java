package dev.trendoff.batch;

import java.util.Locale;

import dev.trendoff.views.Cut;

/** What one recompute did: the figures it prints and records in view_versions. */
public record RecomputeSummary(long version, Cut cut, boolean published, long tweets, long skippedAboveCut,
    long users, long distinctWords, long tokens, long speedRowsDeleted, double seconds) {

  /** The one line the command prints. */
  public String line() {
    return String.format(Locale.ROOT,
        "recompute: version %d %s: %d tweets read (%d above the cut left to the speed side), %d users, "
            + "%d distinct words, %d tokens, cut %s, %d absorbed speed rows deleted, %.1f s",
        version, published ? "published" : "NOT published (another recompute published first; its rows deleted)",
        tweets, skippedAboveCut, users, distinctWords, tokens, cut, speedRowsDeleted, seconds);
  }
}
