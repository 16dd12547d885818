package dev.trendoff.formats;

/**
 * One record of a file as text, before any parsing: the number of its first line, either its text or
 * why it cannot be read (an over-long line, bad encoding, an unclosed quote), and, for records that
 * do not come from lines of the file itself (a tweet inside an X archive), where it was read.
 * Serializable: load-csv hands records to Spark tasks, which parse them.
 */
public record TextRecord(long line, String text, Rejection problem, String at) implements java.io.Serializable {

  /** A record of the file's own lines: its place is its line number. */
  public TextRecord(long line, String text, Rejection problem) {
    this(line, text, problem, null);
  }

  public boolean ok() {
    return problem == null;
  }

  /** Where the record was read, for a reject file: {@code line 12}, or e.g. {@code alice.zip data/tweets.js:40}. */
  public String where() {
    return at != null ? at : "line " + line;
  }
}
