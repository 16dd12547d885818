package dev.trendoff.serving;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The words of some users and their order (docs/compare.md 'Ranks'). Plain Java, no I/O. */
public final class Ranking {

  /** {@code --top all}. */
  public static final int ALL = Integer.MAX_VALUE;

  private static final Comparator<WordCounts> BY_WORD = Comparator.comparing(WordCounts::word, CodePointOrder.INSTANCE);
  private static final Comparator<WordCounts> SHARED = Comparator.comparingLong(WordCounts::min).reversed()
      .thenComparing(Comparator.comparingLong(WordCounts::sum).reversed())
      .thenComparing(BY_WORD);
  private static final Comparator<WordCounts> TOTAL = Comparator.comparingLong(WordCounts::sum).reversed()
      .thenComparing(BY_WORD);

  private Ranking() {}

  /** Every word both users used at least once, in no particular order. */
  public static List<WordCounts> mutual(UserWords a, UserWords b) {
    return mutual(List.of(a, b));
  }

  /** Every word all {@code users} used at least once, in no particular order. */
  public static List<WordCounts> mutual(List<UserWords> users) {
    UserWords smallest = users.get(0);
    for (UserWords u : users) {
      if (u.words().size() < smallest.words().size()) {
        smallest = u;
      }
    }
    List<WordCounts> out = new ArrayList<>();
    for (String w : smallest.words().keySet()) {
      WordCounts counts = new WordCounts(w, counts(users, w));
      if (counts.min() > 0) {
        out.add(counts);
      }
    }
    return out;
  }

  /** Every word any of {@code users} used (the vocabulary V), in no particular order. */
  public static List<WordCounts> vocabulary(List<UserWords> users) {
    Map<String, long[]> all = new HashMap<>();
    for (int i = 0; i < users.size(); i++) {
      int user = i;
      users.get(i).words().forEach((w, n) -> all.computeIfAbsent(w, k -> new long[users.size()])[user] = n);
    }
    List<WordCounts> out = new ArrayList<>(all.size());
    all.forEach((w, counts) -> out.add(new WordCounts(w, counts)));
    return out;
  }

  /** How many words any of {@code users} used (the size of {@link #vocabulary}, without building it). */
  public static int vocabularySize(List<UserWords> users) {
    int n = 0;
    for (int i = 0; i < users.size(); i++) {
      for (String w : users.get(i).words().keySet()) {
        boolean seen = false;
        for (int k = 0; k < i && !seen; k++) {
          seen = users.get(k).count(w) > 0;
        }
        n += seen ? 0 : 1;
      }
    }
    return n;
  }

  private static long[] counts(List<UserWords> users, String w) {
    long[] counts = new long[users.size()];
    for (int i = 0; i < counts.length; i++) {
      counts[i] = users.get(i).count(w);
    }
    return counts;
  }

  /** The mutual words in {@code rank} order, at most {@code top} of them ({@link #ALL} for every one). */
  public static List<WordCounts> rank(UserWords a, UserWords b, Rank rank, int top) {
    return rank(mutual(a, b), rank, top);
  }

  /** {@code mutual} in the order of {@code rank} (shared, total or alternate), at most {@code top}. */
  public static List<WordCounts> rank(List<WordCounts> mutual, Rank rank, int top) {
    checkTop(top);
    List<WordCounts> ordered = switch (rank) {
      case SHARED -> sorted(mutual, SHARED);
      case TOTAL -> sorted(mutual, TOTAL);
      case ALTERNATE -> alternate(mutual);
      case DISTINCTIVE -> throw new IllegalArgumentException("distinctive ranks scored words: Ranking.distinctive");
    };
    return ordered.size() <= top ? ordered : List.copyOf(ordered.subList(0, top));
  }

  /**
   * Scored words by user {@code user}'s z desc, ties by the word (code-point order). With
   * {@code bothEnds} (two users): the {@code top} highest and the {@code top} lowest, still z desc (all
   * of them when there are at most 2 · top); otherwise the {@code top} highest.
   */
  public static List<RankedWord> distinctive(List<RankedWord> scored, int user, int top, boolean bothEnds) {
    checkTop(top);
    List<RankedWord> out = new ArrayList<>(scored);
    out.sort(Comparator.comparingDouble((RankedWord r) -> r.z(user)).reversed()
        .thenComparing(RankedWord::word, CodePointOrder.INSTANCE));
    if (!bothEnds) {
      return out.size() <= top ? out : List.copyOf(out.subList(0, top));
    }
    if (out.size() <= 2L * top) {
      return out;
    }
    List<RankedWord> ends = new ArrayList<>(out.subList(0, top));
    ends.addAll(out.subList(out.size() - top, out.size()));
    return ends;
  }

  private static void checkTop(int top) {
    if (top <= 0) {
      throw new IllegalArgumentException("top must be positive: " + top);
    }
  }

  /** One user's own words, by count desc then word: for when the users share none. */
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

  /** In turn each user's next word by that user's count (ties: the word), skipping words taken; user 0 starts. */
  private static List<WordCounts> alternate(List<WordCounts> mutual) {
    if (mutual.isEmpty()) {
      return List.of();
    }
    int users = mutual.get(0).users();
    List<Iterator<WordCounts>> lists = new ArrayList<>();
    for (int i = 0; i < users; i++) {
      int user = i;
      lists.add(sorted(mutual, Comparator.comparingLong((WordCounts w) -> w.count(user)).reversed().thenComparing(BY_WORD)).iterator());
    }
    LinkedHashMap<String, WordCounts> taken = new LinkedHashMap<>();
    for (int turn = 0; taken.size() < mutual.size(); turn = (turn + 1) % users) {
      Iterator<WordCounts> it = lists.get(turn);
      while (it.hasNext()) {
        WordCounts w = it.next();
        if (taken.putIfAbsent(w.word(), w) == null) {
          break;
        }
      }
    }
    return new ArrayList<>(taken.values());
  }
}
