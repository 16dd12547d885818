package dev.trendoff.formats;

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
public final class CsvRecordReader implements RecordReader {

  private final LineReader lines;
  private final int maxLinesPerRecord;
  private final Deque<TextRecord> pushedBack = new ArrayDeque<>();

  public CsvRecordReader(LineReader lines, int maxLinesPerRecord) {
    this.lines = lines;
    this.maxLinesPerRecord = maxLinesPerRecord;
  }

  /** The next record (its {@link TextRecord#line()} is the number of its first line), or null at the end. */
  @Override
  public TextRecord next() throws IOException {
    TextRecord first = take();
    if (first == null) {
      return null;
    }
    if (!first.ok()) {
      return first;
    }
    int quotes = countQuotes(first.text());
    if (quotes % 2 == 0) {
      return first;
    }
    List<TextRecord> taken = new ArrayList<>();
    StringBuilder text = new StringBuilder(first.text());
    while (quotes % 2 != 0) {
      TextRecord l = take();
      if (l == null || !l.ok() || taken.size() + 1 >= maxLinesPerRecord) {
        if (l != null) {
          pushedBack.addFirst(l);
        }
        for (int i = taken.size() - 1; i >= 0; i--) {
          pushedBack.addFirst(taken.get(i));
        }
        return new TextRecord(first.line(), null, new Rejection(RejectReason.BROKEN_QUOTING,
            "line " + first.line() + ": a quoted field is not closed", first.text()));
      }
      taken.add(l);
      text.append('\n').append(l.text());
      quotes += countQuotes(l.text());
    }
    return new TextRecord(first.line(), text.toString(), null);
  }

  private TextRecord take() throws IOException {
    TextRecord l = pushedBack.pollFirst();
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
