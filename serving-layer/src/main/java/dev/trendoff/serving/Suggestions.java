package dev.trendoff.serving;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/** The known names nearest to a mistyped one, by edit distance (Levenshtein, over code points). */
public final class Suggestions {

  private Suggestions() {}

  /** At most {@code n} names of {@code known}, nearest first (ties: code-point order); never {@code name} itself. */
  public static List<String> nearest(String name, Collection<String> known, int n) {
    record Scored(String name, int distance) {}
    return known.stream()
        .filter(k -> !k.equals(name))
        .map(k -> new Scored(k, distance(name, k)))
        .sorted(Comparator.comparingInt(Scored::distance).thenComparing(Scored::name, CodePointOrder.INSTANCE))
        .limit(n)
        .map(Scored::name)
        .toList();
  }

  /** Levenshtein distance: insertions, deletions and substitutions of code points. */
  public static int distance(String a, String b) {
    int[] x = a.codePoints().toArray();
    int[] y = b.codePoints().toArray();
    int[] prev = new int[y.length + 1];
    int[] cur = new int[y.length + 1];
    for (int j = 0; j <= y.length; j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= x.length; i++) {
      cur[0] = i;
      for (int j = 1; j <= y.length; j++) {
        int sub = prev[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1);
        cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[y.length];
  }
}
