package dev.trendoff.cli;

import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.trendoff.serving.Comparison;
import dev.trendoff.serving.UserWords;
import dev.trendoff.serving.WordCounts;
import dev.trendoff.views.ViewPointer;

/** {@code compare-users} in the terminal: both users' totals, then the ranked words, columns aligned. */
public final class ComparisonTable {

  private ComparisonTable() {}

  public static String render(Comparison c) {
    UserWords a = c.a();
    UserWords b = c.b();
    StringBuilder sb = new StringBuilder();
    sb.append(a.user()).append(" vs ").append(b.user()).append(", as of ")
        .append(DateTimeFormatter.ISO_INSTANT.format(c.read().asOf().truncatedTo(ChronoUnit.SECONDS))).append('\n');
    ViewPointer v = c.read().view();
    sb.append(v.exists()
        ? "batch view " + v.version() + " (cut " + (v.cut().isEmpty() ? "empty" : v.cutText()) + ")"
        : "no batch view yet (everything from the speed view)")
        .append(" + ").append(c.read().speedRows()).append(" speed rows after the cut\n\n");

    List<String[]> totals = new ArrayList<>();
    totals.add(new String[] {"", a.user(), b.user()});
    totals.add(new String[] {"tweets", Long.toString(a.tweets()), Long.toString(b.tweets())});
    totals.add(new String[] {"words", Long.toString(a.tokens()), Long.toString(b.tokens())});
    align(sb, totals);
    sb.append('\n');

    if (c.noMutualWords()) {
      sb.append(a.user()).append(" and ").append(b.user()).append(" have no word in common. Their own top words:\n\n");
      List<String[]> rows = new ArrayList<>();
      rows.add(new String[] {a.user(), "", b.user(), ""});
      int n = Math.max(c.ownTopA().size(), c.ownTopB().size());
      for (int i = 0; i < n; i++) {
        String[] r = new String[] {"", "", "", ""};
        cell(r, 0, c.ownTopA(), i);
        cell(r, 2, c.ownTopB(), i);
        rows.add(r);
      }
      align(sb, rows, true);
      return sb.toString();
    }
    sb.append(c.mutualWords()).append(" mutual words");
    if (c.words().size() < c.mutualWords()) {
      sb.append(", top ").append(c.words().size());
    }
    sb.append(", ranked by ").append(c.rank().cliName()).append(":\n\n");
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"word", a.user(), b.user()});
    for (WordCounts w : c.words()) {
      rows.add(new String[] {w.word(), Long.toString(w.a()), Long.toString(w.b())});
    }
    align(sb, rows);
    return sb.toString();
  }

  private static void cell(String[] r, int at, List<Map.Entry<String, Long>> list, int i) {
    if (i < list.size()) {
      r[at] = list.get(i).getKey();
      r[at + 1] = Long.toString(list.get(i).getValue());
    }
  }

  /** First column left-aligned, the others right-aligned (counts), two spaces between. */
  static void align(StringBuilder sb, List<String[]> rows) {
    align(sb, rows, false);
  }

  /** With {@code pairs}: columns are (word, count) pairs, words left- and counts right-aligned. */
  static void align(StringBuilder sb, List<String[]> rows, boolean pairs) {
    int cols = rows.get(0).length;
    int[] width = new int[cols];
    for (String[] r : rows) {
      for (int i = 0; i < cols; i++) {
        width[i] = Math.max(width[i], displayWidth(r[i]));
      }
    }
    for (String[] r : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < cols; i++) {
        if (i > 0) {
          line.append(pairs && i % 2 == 0 ? "    " : "  ");
        }
        boolean left = pairs ? i % 2 == 0 : i == 0;
        String pad = " ".repeat(width[i] - displayWidth(r[i]));
        line.append(left ? r[i] + pad : pad + r[i]);
      }
      sb.append(line.toString().stripTrailing()).append('\n');
    }
  }

  /** Columns a string takes in a terminal: East Asian wide characters take two. */
  static int displayWidth(String s) {
    return s.codePoints().map(cp -> isWide(cp) ? 2 : Character.getType(cp) == Character.NON_SPACING_MARK ? 0 : 1).sum();
  }

  private static boolean isWide(int cp) {
    return (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) || (cp >= 0xAC00 && cp <= 0xD7A3)
        || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60)
        || (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x1F300 && cp <= 0x1FAFF) || (cp >= 0x20000 && cp <= 0x3FFFD);
  }
}
