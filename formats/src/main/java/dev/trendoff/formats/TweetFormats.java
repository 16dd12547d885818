package dev.trendoff.formats;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import dev.trendoff.core.UserError;

/**
 * The one list of tweet file formats, for {@code produce --source} and {@code load-csv --format}
 * alike. Names are matched in any case; an alias ({@code csv}) is taken but not listed. A new
 * format is a line here: a {@link LinesFormat} with its parser, or a {@link TweetFormat} of its own
 * when its files need more than lines (a header like {@link FollowTheHashtagFormat}, an archive).
 */
public final class TweetFormats {
  private TweetFormats() {}

  private static final List<TweetFormat> ALL = List.of(
      new LinesFormat("jsonl", "Twitter API v1.1 status objects, one JSON a line (UTF-8)",
          StandardCharsets.UTF_8, StatusJson.jsonl()),
      new FollowTheHashtagFormat(),
      new LinesFormat("sentiment140", "the Sentiment140 CSV (no header, Latin-1)",
          Sentiment140Csv.CHARSET, Sentiment140Csv.instance()),
      new XArchiveFormat(),
      new XV2Format());

  public static List<TweetFormat> all() {
    return ALL;
  }

  /** The listed names, in the list's order (aliases left out). */
  public static List<String> names() {
    return ALL.stream().map(TweetFormat::name).toList();
  }

  /** The format called {@code name} or one of its aliases, in any case. */
  public static Optional<TweetFormat> find(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    return ALL.stream().filter(f -> f.name().equals(n) || f.aliases().contains(n)).findFirst();
  }

  /** The format called {@code name}; an unknown name is a usage error listing the names. */
  public static TweetFormat named(String name) {
    return find(name).orElseThrow(() -> UserError.usage(unknown("format", name, List.of())));
  }

  /** {@code unknown WHAT 'NAME' (one of jsonl, ..., OTHERS)}: for a command that takes more names than the formats. */
  public static String unknown(String what, String name, List<String> others) {
    List<String> all = new ArrayList<>(names());
    all.addAll(others);
    return "unknown " + what + " '" + name + "' (one of " + String.join(", ", all) + ")";
  }

  /** One line a format for {@code --help}: its name, then its description, the descriptions aligned. */
  public static List<String> help() {
    return ALL.stream().map(f -> helpLine(f.name(), f.description())).toList();
  }

  /** A line of help in the formats' columns, for a command's other choices (produce's live sources). */
  public static String helpLine(String name, String description) {
    int width = Math.max(name.length(), names().stream().mapToInt(String::length).max().orElse(0));
    return String.format(Locale.ROOT, "  %-" + width + "s  %s", name, description);
  }
}
