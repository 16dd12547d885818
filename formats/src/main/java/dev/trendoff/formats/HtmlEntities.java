package dev.trendoff.formats;

/**
 * Twitter's APIs (v1.1, v2, the account archive) and the Sentiment140 CSV, which was collected from
 * them, write {@code &}, {@code <} and {@code >} in a tweet's text as {@code &amp;}, {@code &lt;} and
 * {@code &gt;} (and Sentiment140 also {@code "} as {@code &quot;}). The parsers of those formats give
 * the text back as it was typed, so that {@code &lt;3} is not counted as the word {@code lt}
 * (docs/formats.md, "Text").
 */
public final class HtmlEntities {
  private HtmlEntities() {}

  /**
   * {@code &amp;}, {@code &lt;}, {@code &gt;} and {@code &quot;} replaced by their characters in one
   * pass, so an escaped entity stays one ({@code &amp;lt;} becomes {@code &lt;}); every other
   * {@code &} is left as it is.
   */
  public static String unescape(String s) {
    if (s == null) {
      return null;
    }
    int amp = s.indexOf('&');
    if (amp < 0) {
      return s;
    }
    StringBuilder b = new StringBuilder(s.length());
    int from = 0;
    while (amp >= 0) {
      b.append(s, from, amp);
      int next = amp + 1;
      if (s.startsWith("amp;", next)) {
        b.append('&');
        from = next + 4;
      } else if (s.startsWith("lt;", next)) {
        b.append('<');
        from = next + 3;
      } else if (s.startsWith("gt;", next)) {
        b.append('>');
        from = next + 3;
      } else if (s.startsWith("quot;", next)) {
        b.append('"');
        from = next + 5;
      } else {
        b.append('&');
        from = next;
      }
      amp = s.indexOf('&', from);
    }
    return b.append(s, from, s.length()).toString();
  }
}
