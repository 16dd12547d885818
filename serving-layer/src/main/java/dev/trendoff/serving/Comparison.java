package dev.trendoff.serving;

import java.util.List;
import java.util.Map;

/**
 * The answer of {@code compare-users A B}: both users' counts as read, the mutual words in rank order
 * (at most top), how many mutual words there are, and, when there are none, each user's own top words.
 */
public record Comparison(ViewsRead read, Rank rank, int top, List<WordCounts> words, int mutualWords,
    List<Map.Entry<String, Long>> ownTopA, List<Map.Entry<String, Long>> ownTopB) {

  public Comparison {
    words = List.copyOf(words);
    ownTopA = List.copyOf(ownTopA);
    ownTopB = List.copyOf(ownTopB);
  }

  public UserWords a() {
    return read.users().get(0);
  }

  public UserWords b() {
    return read.users().get(1);
  }

  public boolean noMutualWords() {
    return mutualWords == 0;
  }

  /** Builds the answer from one read of two users. */
  public static Comparison of(ViewsRead read, Rank rank, int top) {
    UserWords a = read.users().get(0);
    UserWords b = read.users().get(1);
    List<WordCounts> mutual = Ranking.mutual(a, b);
    List<WordCounts> ranked = Ranking.rank(mutual, rank, top);
    boolean none = mutual.isEmpty();
    return new Comparison(read, rank, top, ranked, mutual.size(),
        none ? Ranking.ownTop(a, top) : List.of(), none ? Ranking.ownTop(b, top) : List.of());
  }
}
