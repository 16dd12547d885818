package dev.trendoff.formats;

/**
 * One record of a file as text, before any parsing: the number of its first line and either its
 * text or why it cannot be read (an over-long line, bad encoding, an unclosed quote). Serializable:
 * load-csv hands records to Spark tasks, which parse them.
 */
public record TextRecord(long line, String text, Rejection problem) implements java.io.Serializable {

  public boolean ok() {
    return problem == null;
  }
}
