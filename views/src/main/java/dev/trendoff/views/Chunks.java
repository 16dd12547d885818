package dev.trendoff.views;

import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * Word counts split into chunks of at most a given number of words, in the order given: the layout of
 * the batch view ({@link BatchViewChunks}) and of the corpus ({@link CorpusChunks}), one row per chunk.
 * There is always at least one chunk (empty when there are no words), so every version of a user, and
 * every version's corpus, has a row 0.
 */
final class Chunks {

  /** Receives each chunk with its number (0, 1, ...). */
  interface Sink<V, X extends Exception> {
    void chunk(int number, Map<String, V> words) throws X;
  }

  private Chunks() {}

  /** Feeds {@code words} to {@code sink} in chunks of at most {@code size}; returns the words fed. */
  static <V, X extends Exception> long split(Iterator<? extends Map.Entry<String, V>> words, int size, Sink<V, X> sink)
      throws X {
    if (size < 1) {
      throw new IllegalArgumentException("words per chunk must be at least 1, got " + size);
    }
    int number = 0;
    long fed = 0;
    Map<String, V> chunk = new HashMap<>();
    while (words.hasNext()) {
      Map.Entry<String, V> e = words.next();
      if (chunk.size() == size) {
        sink.chunk(number++, chunk);
        chunk = new HashMap<>();
      }
      chunk.put(e.getKey(), e.getValue());
      fed++;
    }
    sink.chunk(number, chunk);
    return fed;
  }
}
