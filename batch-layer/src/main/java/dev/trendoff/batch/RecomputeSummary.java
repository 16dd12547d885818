package dev.trendoff.batch;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import dev.trendoff.views.Cut;
import dev.trendoff.views.ViewStore;

/**
 * What one recompute did: the figures it prints and records in view_versions.
 *
 * @param incremental the run added what came in since the published version; false: it counted the
 *     whole master table
 * @param fallback why a run asked to be incremental was full (null when it was not asked, or was not)
 * @param flip how the pointer flip ended (published, lost to another recompute, or a timeout the serial
 *     read resolved or could not)
 * @param tweets tweets counted: all of them (full) or the new ones (incremental)
 * @param notCovered master rows the cut does not cover, left to the speed side (full runs)
 * @param alreadyCounted tweets that came in again that the published version counted already (incremental runs)
 * @param skipped tweets the run could not use, by reason
 * @param users users written: every user (full) or the users the new tweets touched (incremental)
 * @param adoptedTopic the run took the cut on a topic created again ({@code --adopt-topic})
 */
public record RecomputeSummary(long version, boolean incremental, String fallback, Cut cut, ViewStore.Flip flip,
    boolean adoptedTopic, long tweets, long notCovered, long alreadyCounted, Map<String, Long> skipped, long users,
    long distinctWords, long tokens, long speedRowsDeleted, double seconds) {

  public RecomputeSummary {
    skipped = Map.copyOf(skipped);
  }

  public boolean published() {
    return flip.published();
  }

  /** Master rows above the cut, left to the speed side (full runs). */
  public long skippedAboveCut() {
    return notCovered;
  }

  /** Tweets skipped, all reasons. */
  public long skippedRows() {
    return skipped.values().stream().mapToLong(Long::longValue).sum();
  }

  /** {@code recompute --json}: one object a run, the fields of docs/json.md 'batch-layer recompute'. */
  public Map<String, Object> json() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("kind", incremental ? "incremental" : "full");
    m.put("fullBecause", fallback);
    m.put("version", version);
    m.put("published", published());
    m.put("cut", cut.text());
    m.put("topicId", cut.topicId());
    m.put("flip", flip.outcome().name().toLowerCase(Locale.ROOT));
    m.put("flipTimedOut", flip.timedOut());
    m.put("adoptedTopic", adoptedTopic);
    m.put("tweets", tweets);
    m.put("skippedAboveCut", notCovered);
    m.put("alreadyCounted", alreadyCounted);
    m.put("skippedMasterRows", new TreeMap<>(skipped));
    m.put("users", users);
    m.put("distinctWords", distinctWords);
    m.put("tokens", tokens);
    m.put("speedRowsDeleted", speedRowsDeleted);
    m.put("seconds", Math.round(seconds * 10) / 10.0);
    return m;
  }

  /** The one line the command prints. */
  public String line() {
    String what = incremental
        ? String.format(Locale.ROOT, "%d new tweets counted (%d that came in again already counted%s), %d users touched"
            + " (their changed rows written, the others kept), %d distinct words, %d tokens",
            tweets, alreadyCounted, skippedText(), users, distinctWords, tokens)
        : String.format(Locale.ROOT, "%d tweets read (%d above the cut left to the speed side%s), %d users, "
            + "%d distinct words, %d tokens", tweets, notCovered, skippedText(), users, distinctWords, tokens);
    return String.format(Locale.ROOT, "recompute %s: version %d %s: %s, cut %s%s%s, %d absorbed speed rows deleted, %.1f s",
        incremental ? "incremental" : "full" + (fallback == null ? "" : " (not incremental: " + fallback + ")"),
        version, outcome(), what, cut, cut.loads().isEmpty() ? "" : " and " + cut.loads().size() + " loads",
        adoptedTopic ? " of topic id " + cut.topicId() + " (adopted; retired " + String.join(",", cut.retired()) + ")" : "",
        speedRowsDeleted, seconds);
  }

  private String outcome() {
    return switch (flip.outcome()) {
      case PUBLISHED -> flip.timedOut() ? "published (the flip got no answer; a serial read of the pointer found it published)"
          : "published";
      case LOST -> flip.timedOut()
          ? "NOT published (the flip got no answer; a serial read found the pointer at version "
              + (flip.pointer() == null || !flip.pointer().exists() ? "(none)" : flip.pointer().version())
              + "; this version is withdrawn, its rows left to the next run's clean-up)"
          : "NOT published (another recompute published first, or took over its lease; its rows deleted)";
      case UNKNOWN -> "NOT confirmed (the flip got no answer, nor did a serial read of the pointer;"
          + " the next run settles it)";
    };
  }

  private String skippedText() {
    if (skipped.isEmpty()) {
      return "";
    }
    return "; " + skippedRows() + (incremental ? " skipped" : " master rows skipped") + ", unusable: "
        + new TreeMap<>(skipped).entrySet().stream()
        .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
  }
}
