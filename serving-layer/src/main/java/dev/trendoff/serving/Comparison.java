package dev.trendoff.serving;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The answer of {@code compare-users A B [C ...]} (docs/compare.md): the users' counts as read, the
 * method, the ranked words with their counts, rates and z (at most top; for {@link Rank#DISTINCTIVE}
 * with two users the top highest and lowest z, with more users each user's top list in turn), how many
 * words the rank chose from, and, when shared/total/alternate find no mutual word, each user's own top words.
 *
 * @param mutualWords how many words every user used
 * @param vocabulary how many words any user used (V)
 * @param ownTop per user, its own top words; empty lists unless there is no mutual word (and the rank is not distinctive)
 */
public record Comparison(ViewsRead read, Method method, int top, List<RankedWord> ranked, int mutualWords,
    int vocabulary, List<List<Map.Entry<String, Long>>> ownTop) {

  public Comparison {
    ranked = List.copyOf(ranked);
    ownTop = ownTop.stream().<List<Map.Entry<String, Long>>>map(List::copyOf).toList();
  }

  public List<UserWords> users() {
    return read.users();
  }

  public UserWords a() {
    return read.users().get(0);
  }

  public UserWords b() {
    return read.users().get(1);
  }

  public Rank rank() {
    return method.rank();
  }

  /** The ranked words' counts, in order. */
  public List<WordCounts> words() {
    return ranked.stream().map(RankedWord::counts).toList();
  }

  /** How many words the rank chose from: the vocabulary for distinctive, else the mutual words. */
  public int candidates() {
    return method.rank() == Rank.DISTINCTIVE ? vocabulary : mutualWords;
  }

  /** Shared, total or alternate found no word every user used: the answer shows each user's own top words. */
  public boolean noMutualWords() {
    return method.rank() != Rank.DISTINCTIVE && mutualWords == 0;
  }

  /** Distinctive words of more than two users: one list per user, each against the others pooled. */
  public boolean perUserLists() {
    return method.rank() == Rank.DISTINCTIVE && read.users().size() > 2;
  }

  public List<Map.Entry<String, Long>> ownTopA() {
    return ownTop.get(0);
  }

  public List<Map.Entry<String, Long>> ownTopB() {
    return ownTop.get(1);
  }

  /** Builds the answer from one read of two users, with the default prior. */
  public static Comparison of(ViewsRead read, Rank rank, int top) {
    return of(read, Method.of(rank), top);
  }

  /** Builds the answer from one read of the users (for {@link Prior#CORPUS}, a read with the corpus). */
  public static Comparison of(ViewsRead read, Method method, int top) {
    List<UserWords> users = read.users();
    WordScorer scorer = new WordScorer(users, method, read.corpus());
    List<WordCounts> mutual = Ranking.mutual(users);
    List<RankedWord> ranked = new ArrayList<>();
    List<List<Map.Entry<String, Long>>> ownTop = new ArrayList<>();
    if (method.rank() == Rank.DISTINCTIVE) {
      List<RankedWord> scored = Ranking.vocabulary(users).stream().map(scorer::score).toList();
      if (users.size() == 2) {
        ranked.addAll(Ranking.distinctive(scored, 0, top, true));
      } else {
        for (int i = 0; i < users.size(); i++) {
          int user = i;
          Ranking.distinctive(scored, i, top, false).forEach(r -> ranked.add(r.inListOf(user)));
        }
      }
      users.forEach(u -> ownTop.add(List.of()));
      return new Comparison(read, method, top, ranked, mutual.size(), scored.size(), ownTop);
    }
    Ranking.rank(mutual, method.rank(), top).forEach(w -> ranked.add(scorer.score(w)));
    users.forEach(u -> ownTop.add(mutual.isEmpty() ? Ranking.ownTop(u, top) : List.of()));
    return new Comparison(read, method, top, ranked, mutual.size(), Ranking.vocabularySize(users), ownTop);
  }
}
