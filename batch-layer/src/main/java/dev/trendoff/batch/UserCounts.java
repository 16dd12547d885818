package dev.trendoff.batch;

import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;

import dev.trendoff.core.Tokenizer;

/**
 * What the batch view holds for one user: how many tweets, how many tokens, and the count of every
 * word. Built per tweet with {@link #ofText} and combined with {@link #merge} (associative and
 * commutative, so Spark may combine in any order).
 */
public final class UserCounts implements Serializable {

  private static final long serialVersionUID = 1L;

  private long tweets;
  private long tokens;
  private final HashMap<String, Integer> words;

  public UserCounts(long tweets, long tokens, Map<String, Integer> words) {
    this.tweets = tweets;
    this.tokens = tokens;
    this.words = new HashMap<>(words);
  }

  /** One tweet's counts. */
  public static UserCounts ofText(String text, Tokenizer tokenizer) {
    Map<String, Integer> counts = tokenizer.counts(text);
    long tokens = 0;
    for (int n : counts.values()) {
      tokens += n;
    }
    return new UserCounts(1, tokens, counts);
  }

  /** An empty aggregate: no tweets yet. */
  public static UserCounts empty() {
    return new UserCounts(0, 0, Map.of());
  }

  /** Adds one tweet's words to this aggregate (what {@code merge(ofText(text))} does, without the per-tweet map). */
  public UserCounts addText(String text, Tokenizer tokenizer) {
    tweets++;
    for (String token : tokenizer.tokens(text)) {
      words.merge(token, 1, Integer::sum);
      tokens++;
    }
    return this;
  }

  /** Adds {@code other} into this one and returns this (the bigger map is kept, the smaller added). */
  public UserCounts merge(UserCounts other) {
    if (other.words.size() > words.size()) {
      return other.merge(this);
    }
    tweets += other.tweets;
    tokens += other.tokens;
    other.words.forEach((w, n) -> words.merge(w, n, Integer::sum));
    return this;
  }

  public long tweets() {
    return tweets;
  }

  public long tokens() {
    return tokens;
  }

  public Map<String, Integer> words() {
    return java.util.Collections.unmodifiableMap(words);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof UserCounts u && u.tweets == tweets && u.tokens == tokens && u.words.equals(words);
  }

  @Override
  public int hashCode() {
    return words.hashCode();
  }

  @Override
  public String toString() {
    return "UserCounts[tweets=" + tweets + ", tokens=" + tokens + ", words=" + words.size() + "]";
  }
}
