package dev.trendoff.serving;

import java.util.List;

/** {@code compare-users --csv}: a header {@code word,<a>,<b>} and one line per ranked word (RFC 4180 quoting). */
public final class ComparisonCsv {

  private ComparisonCsv() {}

  public static String render(Comparison c) {
    StringBuilder sb = new StringBuilder();
    line(sb, List.of("word", c.a().user(), c.b().user()));
    for (WordCounts w : c.words()) {
      line(sb, List.of(w.word(), Long.toString(w.a()), Long.toString(w.b())));
    }
    return sb.toString();
  }

  private static void line(StringBuilder sb, List<String> fields) {
    for (int i = 0; i < fields.size(); i++) {
      if (i > 0) {
        sb.append(',');
      }
      sb.append(quote(fields.get(i)));
    }
    sb.append("\r\n");
  }

  static String quote(String s) {
    if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
      return s;
    }
    return '"' + s.replace("\"", "\"\"") + '"';
  }
}
