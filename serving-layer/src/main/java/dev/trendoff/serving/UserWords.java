package dev.trendoff.serving;

import java.util.Map;

/**
 * What trendoff counts for one user: distinct tweets, tokens (stopwords excluded) and each word's count,
 * batch view plus the speed rows after the cut.
 *
 * @param user the user key ({@code UserKeys.of})
 * @param speedRows how many speed rows were counted (those after the cut)
 * @param speedRowsSkipped speed rows read but not counted: below the cut (already in the batch view), or a
 *     copy of a tweet counted from another row
 */
public record UserWords(String user, long tweets, long tokens, Map<String, Long> words, int speedRows,
    int speedRowsSkipped) {

  public UserWords {
    words = Map.copyOf(words);
  }

  public long count(String word) {
    return words.getOrDefault(word, 0L);
  }

  /** Nothing counted for this user: no batch tweets and no speed rows after the cut. */
  public boolean isEmpty() {
    return tweets == 0 && words.isEmpty();
  }
}
