package dev.trendoff.producer.format;

import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Groups the lines of a CSV file into records: a record goes on over line breaks while a quoted
 * field is open. A quote that is never closed within {@code maxLinesPerRecord} lines (or before a
 * bad line or the end) rejects only its first line as broken quoting; the lines after it are read
 * again as records of their own, so one stray quote does not swallow the rest of the file.
 */
public final class CsvRecordReader implements Closeable {

  /** One record: the number of its first line and either its text or why it cannot be used. */
  public record Record(long line, String text, Rejection problem) {
    public boolean ok() {
      return problem == null;
    }
  }

  private final LineReader lines;
  private final int maxLinesPerRecord;
  private final Deque<LineReader.Line> pushedBack = new ArrayDeque<>();

  public CsvRecordReader(LineReader lines, int maxLinesPerRecord) {
    this.lines = lines;
    this.maxLinesPerRecord = maxLinesPerRecord;
  }

  /** The next record, or null at the end. */
  public Record next() throws IOException {
    LineReader.Line first = take();
    if (first == null) {
      return null;
    }
    if (!first.ok()) {
      return new Record(first.number(), null, first.problem());
    }
    int quotes = countQuotes(first.text());
    if (quotes % 2 == 0) {
      return new Record(first.number(), first.text(), null);
    }
    List<LineReader.Line> taken = new ArrayList<>();
    StringBuilder text = new StringBuilder(first.text());
    while (quotes % 2 != 0) {
      LineReader.Line l = take();
      if (l == null || !l.ok() || taken.size() + 1 >= maxLinesPerRecord) {
        if (l != null) {
          pushedBack.addFirst(l);
        }
        for (int i = taken.size() - 1; i >= 0; i--) {
          pushedBack.addFirst(taken.get(i));
        }
        return new Record(first.number(), null, new Rejection(RejectReason.BROKEN_QUOTING,
            "line " + first.number() + ": a quoted field is not closed", first.text()));
      }
      taken.add(l);
      text.append('\n').append(l.text());
      quotes += countQuotes(l.text());
    }
    return new Record(first.number(), text.toString(), null);
  }

  private LineReader.Line take() throws IOException {
    LineReader.Line l = pushedBack.pollFirst();
    return l != null ? l : lines.next();
  }

  private static int countQuotes(String s) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) == '"') {
        n++;
      }
    }
    return n;
  }

  @Override
  public void close() throws IOException {
    lines.close();
  }
}
