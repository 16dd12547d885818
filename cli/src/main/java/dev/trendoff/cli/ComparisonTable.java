package dev.trendoff.cli;

import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.trendoff.serving.Comparison;
import dev.trendoff.serving.Rank;
import dev.trendoff.serving.RankedWord;
import dev.trendoff.serving.UserWords;
import dev.trendoff.views.ViewPointer;

/**
 * {@code compare-users} in the terminal (docs/compare.md 'The table'): the users' totals, then the
 * ranked words with each user's count, rate per 10,000 words and z, columns aligned.
 */
public final class ComparisonTable {

  private ComparisonTable() {}

  public static String render(Comparison c) {
    List<UserWords> users = c.users();
    List<String> names = users.stream().map(UserWords::user).toList();
    StringBuilder sb = new StringBuilder();
    sb.append(String.join(" vs ", names)).append(", as of ")
        .append(DateTimeFormatter.ISO_INSTANT.format(c.read().asOf().truncatedTo(ChronoUnit.SECONDS))).append('\n');
    ViewPointer v = c.read().view();
    sb.append(v.exists()
        ? "batch view " + v.version() + " (cut " + (v.cut().isEmpty() ? "empty" : v.cutText()) + ")"
        : "no batch view yet (everything from the speed view)")
        .append(" + ").append(c.read().speedRows()).append(" speed rows after the cut\n\n");

    List<String[]> totals = new ArrayList<>();
    totals.add(row("", names.stream()));
    totals.add(row("tweets", users.stream().map(u -> Long.toString(u.tweets()))));
    totals.add(row("words", users.stream().map(u -> Long.toString(u.tokens()))));
    align(sb, totals);
    sb.append('\n');

    if (c.noMutualWords()) {
      sb.append(String.join(" and ", names)).append(" have no word in common. Their own top words:\n\n");
      List<String[]> rows = new ArrayList<>();
      String[] head = new String[2 * users.size()];
      java.util.Arrays.fill(head, "");
      int n = 0;
      for (int i = 0; i < users.size(); i++) {
        head[2 * i] = names.get(i);
        n = Math.max(n, c.ownTop().get(i).size());
      }
      rows.add(head);
      for (int k = 0; k < n; k++) {
        String[] r = new String[2 * users.size()];
        java.util.Arrays.fill(r, "");
        for (int i = 0; i < users.size(); i++) {
          cell(r, 2 * i, c.ownTop().get(i), k);
        }
        rows.add(r);
      }
      align(sb, rows, true);
      return sb.toString();
    }
    String method = c.method().prior().cliName() + " prior, size " + c.method().priorSizeText();
    if (c.perUserLists()) {
      sb.append(c.vocabulary()).append(" words; each user's most distinctive against the others pooled (").append(method)
          .append(")\n");
      for (int i = 0; i < users.size(); i++) {
        int user = i;
        List<RankedWord> list = c.ranked().stream().filter(w -> w.user() == user).toList();
        sb.append('\n').append(names.get(i)).append(list.size() < c.vocabulary() ? ", top " + list.size() : "").append(":\n");
        words(sb, names, list, w -> new double[] {w.z(user)}, List.of("z"));
      }
      return sb.toString();
    }
    if (c.rank() == Rank.DISTINCTIVE) {
      sb.append(c.vocabulary()).append(" words");
      if (c.ranked().size() < c.vocabulary()) {
        sb.append(", the ").append(c.top()).append(" highest and ").append(c.top()).append(" lowest z");
      }
      sb.append(", ranked by distinctive (").append(method).append("; z > 0: ").append(names.get(0))
          .append(", z < 0: ").append(names.get(1)).append("):\n\n");
    } else {
      sb.append(c.mutualWords()).append(" mutual words");
      if (c.ranked().size() < c.mutualWords()) {
        sb.append(", top ").append(c.ranked().size());
      }
      sb.append(", ranked by ").append(c.rank().cliName()).append(" (z: ").append(method).append("):\n\n");
    }
    if (users.size() == 2) {
      words(sb, names, c.ranked(), w -> new double[] {w.z(0)}, List.of("z"));
    } else {
      words(sb, names, c.ranked(), RankedWord::z, names.stream().map(n -> "z " + n).toList());
    }
    return sb.toString();
  }

  /** The word table: word, each user's count, each user's rate per 10k, the z columns. */
  private static void words(StringBuilder sb, List<String> names, List<RankedWord> words,
      java.util.function.Function<RankedWord, double[]> z, List<String> zHeads) {
    List<String[]> rows = new ArrayList<>();
    List<String> head = new ArrayList<>();
    head.add("word");
    head.addAll(names);
    names.forEach(n -> head.add(n + "/10k"));
    head.addAll(zHeads);
    rows.add(head.toArray(String[]::new));
    for (RankedWord w : words) {
      List<String> r = new ArrayList<>();
      r.add(w.word());
      for (int i = 0; i < names.size(); i++) {
        r.add(Long.toString(w.count(i)));
      }
      for (int i = 0; i < names.size(); i++) {
        r.add(String.format(Locale.ROOT, "%.1f", w.rate(i)));
      }
      for (double d : z.apply(w)) {
        r.add(String.format(Locale.ROOT, "%.2f", d));
      }
      rows.add(r.toArray(String[]::new));
    }
    align(sb, rows);
  }

  private static String[] row(String first, java.util.stream.Stream<String> rest) {
    List<String> r = new ArrayList<>();
    r.add(first);
    rest.forEach(r::add);
    return r.toArray(String[]::new);
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
