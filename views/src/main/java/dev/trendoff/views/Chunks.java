package dev.trendoff.views;

import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

import dev.trendoff.core.TweetChecks;

/**
 * Word counts split into chunks of at most a given number of words and {@link #MAX_BYTES} bytes, in the order given: the layout of
 * the corpus ({@link CorpusChunks}), one row per chunk. There is always at least one chunk (empty when
 * there are no words), so every version's corpus has a row 0.
 */
final class Chunks {

  /** Receives each chunk with its number (0, 1, ...). */
  interface Sink<V, X extends Exception> {
    void chunk(int number, Map<String, V> words) throws X;
  }

  /**
   * The most bytes of words in one chunk (each word's UTF-8 and 8 for its count): a chunk is one
   * frozen map, one cell of one mutation, and Cassandra refuses a mutation over half its commit log
   * segment (16 MiB by default). Real users' words are far below: 4,096 words of 15 bytes are 60 KB.
   */
  static final int MAX_BYTES = 1024 * 1024;

  private Chunks() {}

  /**
   * Feeds {@code words} to {@code sink} in chunks of at most {@code size} words and {@link #MAX_BYTES}
   * bytes; returns the words fed.
   */
  static <V, X extends Exception> long split(Iterator<? extends Map.Entry<String, V>> words, int size, Sink<V, X> sink)
      throws X {
    if (size < 1) {
      throw new IllegalArgumentException("words per chunk must be at least 1, got " + size);
    }
    int number = 0;
    long fed = 0;
    Map<String, V> chunk = new HashMap<>();
    int bytes = 0;
    while (words.hasNext()) {
      Map.Entry<String, V> e = words.next();
      int b = TweetChecks.utf8Length(e.getKey()) + 8;
      if (!chunk.isEmpty() && (chunk.size() == size || bytes + b > MAX_BYTES)) {
        sink.chunk(number++, chunk);
        chunk = new HashMap<>();
        bytes = 0;
      }
      chunk.put(e.getKey(), e.getValue());
      bytes += b;
      fed++;
    }
    sink.chunk(number, chunk);
    return fed;
  }
}
