package dev.trendoff.serving;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code compare-users --csv} (docs/compare.md '--csv'): a header and one line per ranked word, RFC 4180
 * quoting, CRLF. Two users: {@code word,<a>,<b>,rate_<a>,rate_<b>,z}; more: the counts, rates and one
 * {@code z_<user>} per user, and for distinctive a first column {@code user} (whose list the word is in).
 * Rates and z at full double precision, in plain decimal notation.
 */
public final class ComparisonCsv {

  private ComparisonCsv() {}

  public static String render(Comparison c) {
    StringBuilder sb = new StringBuilder();
    List<UserWords> users = c.users();
    int n = users.size();
    List<String> header = new ArrayList<>();
    if (c.perUserLists()) {
      header.add("user");
    }
    header.add("word");
    users.forEach(u -> header.add(u.user()));
    users.forEach(u -> header.add("rate_" + u.user()));
    if (n == 2) {
      header.add("z");
    } else {
      users.forEach(u -> header.add("z_" + u.user()));
    }
    line(sb, header);
    for (RankedWord w : c.ranked()) {
      List<String> fields = new ArrayList<>();
      if (c.perUserLists()) {
        fields.add(users.get(w.user()).user());
      }
      fields.add(w.word());
      for (int i = 0; i < n; i++) {
        fields.add(Long.toString(w.count(i)));
      }
      for (int i = 0; i < n; i++) {
        fields.add(decimal(w.rate(i)));
      }
      for (int i = 0; i < (n == 2 ? 1 : n); i++) {
        fields.add(decimal(w.z(i)));
      }
      line(sb, fields);
    }
    return sb.toString();
  }

  /** The double's shortest exact text (as {@link Double#toString}) without an exponent: 0.00012, not 1.2E-4. */
  static String decimal(double d) {
    return BigDecimal.valueOf(d).toPlainString();
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
