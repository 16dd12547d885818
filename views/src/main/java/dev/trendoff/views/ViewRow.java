package dev.trendoff.views;

/**
 * One row of the batch view ({@link BatchViewWords}): a user's count of one word, or (word
 * {@value #TOTALS}) its tweet and token totals, and the version that wrote it.
 */
public record ViewRow(String user, String word, long version, long count, long tweets, long tokens) {

  /** The word of a user's totals row (the tokenizer never makes an empty word). */
  public static final String TOTALS = "";

  /** Which user and word a row is of, whatever its version. */
  public record Key(String user, String word) {}

  public static ViewRow totals(String user, long version, long tweets, long tokens) {
    return new ViewRow(user, TOTALS, version, 0, tweets, tokens);
  }

  public Key key() {
    return new Key(user, word);
  }

  public boolean totals() {
    return word.isEmpty();
  }

  /** The same row stamped with another version. */
  public ViewRow at(long v) {
    return new ViewRow(user, word, v, count, tweets, tokens);
  }
}
