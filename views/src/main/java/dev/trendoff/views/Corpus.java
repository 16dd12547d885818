package dev.trendoff.views;

import java.util.Map;

/**
 * The corpus of one batch view version: each word's count over all users of the version, and their
 * total C (docs/compare.md '--prior corpus'). Empty before the first recompute.
 *
 * @param version the batch view version it belongs to; null for {@link #NONE}
 */
public record Corpus(Long version, Map<String, Long> words, long total) {

  /** No version published yet: no word is in the corpus. */
  public static final Corpus NONE = new Corpus(null, Map.of(), 0);

  public Corpus {
    words = Map.copyOf(words);
  }

  /** {@code words} of {@code version}; the total is their sum. */
  public static Corpus of(Long version, Map<String, Long> words) {
    long total = 0;
    for (long n : words.values()) {
      total += n;
    }
    return new Corpus(version, words, total);
  }

  /** The word's count over all users; 0 when the corpus lacks it. */
  public long count(String word) {
    return words.getOrDefault(word, 0L);
  }
}
