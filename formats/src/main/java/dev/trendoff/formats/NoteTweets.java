package dev.trendoff.formats;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The long posts of an X archive ({@code note-tweet.js}) matched to their tweets. A post longer than
 * 280 characters appears in {@code tweets.js} cut short (its start, an ellipsis, a link), and whole in
 * {@code note-tweet.js}, where nothing names the tweet. A note belongs to a tweet when it was created
 * within {@link #WINDOW} of it and its text begins with the tweet's text, both compared without links,
 * HTML entities, a closing ellipsis and extra white space; the nearest in time wins, and each note
 * goes to one tweet at most.
 */
final class NoteTweets {

  static final Duration WINDOW = Duration.ofSeconds(10);
  private static final Pattern LINK = Pattern.compile("https?://\\S*");
  private static final Pattern SPACE = Pattern.compile("\\s+");

  private final NavigableMap<Instant, List<XArchive.Note>> notes;

  NoteTweets(NavigableMap<Instant, List<XArchive.Note>> notes) {
    this.notes = notes;
  }

  /** Whether any note is left to match. */
  boolean any() {
    return !notes.isEmpty();
  }

  /** The whole text of the tweet with this (cut) text and time, when a note holds it. */
  Optional<String> fullText(String tweetText, Instant createdAt) {
    if (notes.isEmpty() || tweetText == null || createdAt == null) {
      return Optional.empty();
    }
    String start = comparable(tweetText);
    XArchive.Note best = null;
    long bestDistance = Long.MAX_VALUE;
    for (Map.Entry<Instant, List<XArchive.Note>> e : notes.subMap(createdAt.minus(WINDOW), true, createdAt.plus(WINDOW), true).entrySet()) {
      for (XArchive.Note n : e.getValue()) {
        long distance = Math.abs(Duration.between(createdAt, n.createdAt()).toMillis());
        if (distance < bestDistance && comparable(n.text()).startsWith(start)) {
          best = n;
          bestDistance = distance;
        }
      }
    }
    if (best == null) {
      return Optional.empty();
    }
    List<XArchive.Note> same = new ArrayList<>(notes.get(best.createdAt()));
    same.remove(best);
    if (same.isEmpty()) {
      notes.remove(best.createdAt());
    } else {
      notes.put(best.createdAt(), same);
    }
    return Optional.of(best.text());
  }

  static String comparable(String text) {
    String s = LINK.matcher(HtmlEntities.unescape(text)).replaceAll(" ");
    s = SPACE.matcher(s).replaceAll(" ").strip();
    while (s.endsWith("\u2026") || s.endsWith("...")) {
      s = s.endsWith("\u2026") ? s.substring(0, s.length() - 1).strip() : s.substring(0, s.length() - 3).strip();
    }
    return s;
  }
}
