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
 * The words of a tweet, exactly as DESIGN.md 'Words' defines them. The speed layer, the batch
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
    String s = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    s = URL.matcher(s).replaceAll(" ");
    s = s.replace('\u2018', '\'').replace('\u2019', '\'');
    Matcher m = TOKEN.matcher(s);
    while (m.find()) {
      String token = m.group();
      if (keep(token)) {
        out.add(token);
      }
    }
    return out;
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
