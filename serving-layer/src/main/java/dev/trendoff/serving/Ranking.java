package dev.trendoff.serving;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Mutual words of two users and their order (docs/compare.md 'Ranks'). Plain Java, no I/O. */
public final class Ranking {

  /** {@code --top all}. */
  public static final int ALL = Integer.MAX_VALUE;

  private static final Comparator<WordCounts> BY_WORD = Comparator.comparing(WordCounts::word, CodePointOrder.INSTANCE);
  private static final Comparator<WordCounts> SHARED = Comparator.comparingLong(WordCounts::min).reversed()
      .thenComparing(Comparator.comparingLong(WordCounts::sum).reversed())
      .thenComparing(BY_WORD);
  private static final Comparator<WordCounts> TOTAL = Comparator.comparingLong(WordCounts::sum).reversed()
      .thenComparing(BY_WORD);
  private static final Comparator<WordCounts> BY_A = Comparator.comparingLong(WordCounts::a).reversed()
      .thenComparing(BY_WORD);
  private static final Comparator<WordCounts> BY_B = Comparator.comparingLong(WordCounts::b).reversed()
      .thenComparing(BY_WORD);

  private Ranking() {}

  /** Every word both users used at least once, in no particular order. */
  public static List<WordCounts> mutual(UserWords a, UserWords b) {
    Map<String, Long> smaller = a.words().size() <= b.words().size() ? a.words() : b.words();
    List<WordCounts> out = new ArrayList<>();
    for (String w : smaller.keySet()) {
      long ca = a.count(w);
      long cb = b.count(w);
      if (ca > 0 && cb > 0) {
        out.add(new WordCounts(w, ca, cb));
      }
    }
    return out;
  }

  /** The mutual words in {@code rank} order, at most {@code top} of them ({@link #ALL} for every one). */
  public static List<WordCounts> rank(UserWords a, UserWords b, Rank rank, int top) {
    return rank(mutual(a, b), rank, top);
  }

  public static List<WordCounts> rank(List<WordCounts> mutual, Rank rank, int top) {
    if (top <= 0) {
      throw new IllegalArgumentException("top must be positive: " + top);
    }
    List<WordCounts> ordered = switch (rank) {
      case SHARED -> sorted(mutual, SHARED);
      case TOTAL -> sorted(mutual, TOTAL);
      case ALTERNATE -> alternate(mutual);
    };
    return ordered.size() <= top ? ordered : List.copyOf(ordered.subList(0, top));
  }

  /** One user's own words, by count desc then word: for when two users share none. */
  public static List<Map.Entry<String, Long>> ownTop(UserWords u, int top) {
    Comparator<Map.Entry<String, Long>> order = Map.Entry.<String, Long>comparingByValue().reversed()
        .thenComparing(Map.Entry.comparingByKey(CodePointOrder.INSTANCE));
    return u.words().entrySet().stream().sorted(order).limit(top).<Map.Entry<String, Long>>map(e -> Map.entry(e.getKey(), e.getValue())).toList();
  }

  private static List<WordCounts> sorted(List<WordCounts> words, Comparator<WordCounts> order) {
    List<WordCounts> out = new ArrayList<>(words);
    out.sort(order);
    return out;
  }

  private static List<WordCounts> alternate(List<WordCounts> mutual) {
    Iterator<WordCounts> byA = sorted(mutual, BY_A).iterator();
    Iterator<WordCounts> byB = sorted(mutual, BY_B).iterator();
    LinkedHashMap<String, WordCounts> taken = new LinkedHashMap<>();
    boolean turnA = true;
    while (taken.size() < mutual.size()) {
      Iterator<WordCounts> it = turnA ? byA : byB;
      while (it.hasNext()) {
        WordCounts w = it.next();
        if (taken.putIfAbsent(w.word(), w) == null) {
          break;
        }
      }
      turnA = !turnA;
    }
    return new ArrayList<>(taken.values());
  }
}
