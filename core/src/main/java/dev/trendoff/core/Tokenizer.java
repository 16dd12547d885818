package dev.trendoff.core;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words of a tweet, exactly as docs/words.md 'Rules' defines them. The speed layer, the batch
 * recompute and every test use this one implementation. Thread-safe.
 */
public final class Tokenizer {

  private static final Pattern URL =
      Pattern.compile("(?:https?://|www\\.)\\S*", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  private static final Pattern TOKEN =
      Pattern.compile("[#@]?\\w+(?:'\\w+)*", Pattern.UNICODE_CHARACTER_CLASS);
  private static final Pattern DIGITS_AND_UNDERSCORES = Pattern.compile("[\\p{Nd}_]+");

  private static final Tokenizer DEFAULT = new Tokenizer(Stopwords.english());

  private final Set<String> stopwords;

  public Tokenizer(Set<String> stopwords) {
    this.stopwords = Set.copyOf(stopwords);
  }

  /** The tokenizer with the bundled English stopword list. */
  public static Tokenizer standard() {
    return DEFAULT;
  }

  /** The words of {@code text} in order, repeats kept. Null or empty text has none. */
  public List<String> tokens(String text) {
    List<String> out = new ArrayList<>();
    if (text == null || text.isEmpty()) {
      return out;
    }
    if (isAscii(text)) {
      asciiTokens(text, out);
    } else {
      regexTokens(text, out);
    }
    return out;
  }

  /** The contract as written, with regular expressions: any text. */
  void regexTokens(String text, List<String> out) {
    String s = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    s = URL.matcher(s).replaceAll(" ");
    s = s.replace('\u2018', '\'');
    s = s.replace('\u2019', '\'');
    Matcher m = TOKEN.matcher(s);
    while (m.find()) {
      String token = m.group();
      if (keep(token)) {
        out.add(token);
      }
    }
  }

  /**
   * The same rules, hand-scanned, for text that is all ASCII (most tweets; a third of the time of the
   * regular expressions). For ASCII, NFKC changes nothing, there are no curly quotes, word characters
   * are {@code [A-Za-z0-9_]} and white space is what {@code \s} matches. TokenizerTest checks both paths
   * agree on random ASCII text.
   */
  void asciiTokens(String text, List<String> out) {
    String s = text.toLowerCase(Locale.ROOT);
    int n = s.length();
    int i = 0;
    while (i < n) {
      if (startsUrl(s, i)) {
        while (i < n && !isSpace(s.charAt(i))) {
          i++;
        }
        continue;
      }
      char c = s.charAt(i);
      boolean prefixed = (c == '#' || c == '@') && i + 1 < n && isWordChar(s.charAt(i + 1)) && !startsUrl(s, i + 1);
      if (!prefixed && !isWordChar(c)) {
        i++;
        continue;
      }
      int start = i;
      i = prefixed ? i + 1 : i;
      i = endOfWordChars(s, i);
      while (i + 1 < n && s.charAt(i) == '\'' && isWordChar(s.charAt(i + 1)) && !startsUrl(s, i + 1)) {
        i = endOfWordChars(s, i + 1);
      }
      String token = s.substring(start, i);
      if (keep(token)) {
        out.add(token);
      }
    }
  }

  /** The end of the run of word characters from {@code i}; a URL inside the run ends it (it becomes a space). */
  private static int endOfWordChars(String s, int i) {
    int n = s.length();
    while (i < n && isWordChar(s.charAt(i)) && !startsUrl(s, i)) {
      i++;
    }
    return i;
  }

  private static boolean startsUrl(String s, int i) {
    char c = s.charAt(i);
    if (c == 'w') {
      return s.startsWith("www.", i);
    }
    return c == 'h' && (s.startsWith("http://", i) || s.startsWith("https://", i));
  }

  private static boolean isAscii(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) >= 0x80) {
        return false;
      }
    }
    return true;
  }

  private static boolean isWordChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || (c >= 'A' && c <= 'Z');
  }

  /** What {@code \s} matches (no UNICODE_CHARACTER_CLASS on the URL pattern). */
  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
  }

  /** Each word of {@code text} with how often it occurs there. */
  public Map<String, Integer> counts(String text) {
    Map<String, Integer> counts = new HashMap<>();
    for (String t : tokens(text)) {
      counts.merge(t, 1, Integer::sum);
    }
    return counts;
  }

  private boolean keep(String token) {
    char first = token.charAt(0);
    if (first == '@') {
      return false;
    }
    boolean hashtag = first == '#';
    String body = hashtag ? token.substring(1) : token;
    if (body.codePointCount(0, body.length()) < 2 || DIGITS_AND_UNDERSCORES.matcher(body).matches()) {
      return false;
    }
    return hashtag || !stopwords.contains(token);
  }
}
