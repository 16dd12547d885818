package dev.trendoff.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import dev.trendoff.core.Stopwords;
import dev.trendoff.core.Tokenizer;

/**
 * Deterministic synthetic users and their tweets' word lists for the serving benchmark: user i's tweets
 * depend only on (seed, i), so a user's expected counts can be regenerated at any time, independently of
 * what was written. Words follow a Zipf law over a pronounceable vocabulary the tokenizer keeps as is.
 */
final class SyntheticUsers {

  /** A tweet's words (tokens, repeats kept) and its phase: 0 batch only, 1 batch and an absorbed speed row, 2 speed only. */
  record Tweet(long id, List<String> words, int phase) {
    Map<String, Integer> counts() {
      Map<String, Integer> m = new HashMap<>();
      words.forEach(w -> m.merge(w, 1, Integer::sum));
      return m;
    }
  }

  private static final String[] SYLLABLES = {"ka", "lo", "mi", "ren", "tu", "sa", "vo", "ne", "ri", "da", "po", "shi",
      "gan", "el", "mor", "tak", "fi", "bu", "zen", "qua"};

  private final long seed;
  private final int users;
  private final int meanTweets;
  private final String[] vocabulary;
  private final double[] cumulative;

  SyntheticUsers(long seed, int users, int totalTweets, int vocabularySize) {
    this.seed = seed;
    this.users = users;
    this.meanTweets = Math.max(1, Math.round((float) totalTweets / users));
    this.vocabulary = vocabulary(vocabularySize, seed);
    this.cumulative = new double[vocabularySize];
    double sum = 0;
    for (int r = 0; r < vocabularySize; r++) {
      sum += 1.0 / (r + 1);
      cumulative[r] = sum;
    }
    for (int r = 0; r < vocabularySize; r++) {
      cumulative[r] /= sum;
    }
  }

  int users() {
    return users;
  }

  static String key(int i) {
    return "user" + String.format("%06d", i);
  }

  /** User i's tweets, oldest first: the first 80% batch only, the next 10% absorbed, the last 10% after the cut. */
  List<Tweet> tweets(int i) {
    Random r = new Random(seed * 1_000_003L + i);
    int n = 1 + r.nextInt(2 * meanTweets - 1);
    List<Tweet> out = new ArrayList<>(n);
    for (int j = 0; j < n; j++) {
      int len = 6 + r.nextInt(7);
      List<String> words = new ArrayList<>(len);
      for (int k = 0; k < len; k++) {
        words.add(word(r.nextDouble()));
      }
      int phase = j < n * 0.8 ? 0 : j < n * 0.9 ? 1 : 2;
      out.add(new Tweet((long) i * 1000 + j, words, phase));
    }
    return out;
  }

  private String word(double u) {
    int idx = Arrays.binarySearch(cumulative, u);
    return vocabulary[idx >= 0 ? idx : Math.min(-idx - 1, vocabulary.length - 1)];
  }

  /** Distinct syllable words of 2 to 4 syllables, none a stopword, each a single token. */
  private static String[] vocabulary(int size, long seed) {
    Random r = new Random(seed);
    Set<String> stop = Stopwords.english();
    java.util.LinkedHashSet<String> words = new java.util.LinkedHashSet<>();
    while (words.size() < size) {
      StringBuilder sb = new StringBuilder();
      int syll = 2 + r.nextInt(3);
      for (int s = 0; s < syll; s++) {
        sb.append(SYLLABLES[r.nextInt(SYLLABLES.length)]);
      }
      String w = sb.toString();
      if (!stop.contains(w) && Tokenizer.standard().tokens(w).equals(List.of(w))) {
        words.add(w);
      }
    }
    return words.toArray(String[]::new);
  }
}
