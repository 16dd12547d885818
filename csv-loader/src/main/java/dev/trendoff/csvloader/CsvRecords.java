package dev.trendoff.csvloader;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import dev.trendoff.core.UserError;
import dev.trendoff.producer.format.CsvRecordReader;
import dev.trendoff.producer.format.LineReader;
import dev.trendoff.producer.format.Rejection;

/**
 * The records of a CSV file in order, with the producer's readers: strict decoding, a length limit,
 * and (for formats with quoted multi-line fields) records spanning lines. The header line, if the
 * format has one, is read first and kept.
 */
public final class CsvRecords implements Closeable {

  /** One record: its first line's number and its text, or why it cannot be used. */
  public record Record(long line, String text, Rejection problem) {}

  private final LineReader lines;
  private final CsvRecordReader multiLine;
  private final String header;

  public CsvRecords(Path file, CsvFormat format, int maxLineBytes, int maxLinesPerRecord) throws IOException {
    InputStream in;
    try {
      in = Files.newInputStream(file);
    } catch (NoSuchFileException e) {
      throw new UserError("no such file: " + file);
    }
    if (Files.isDirectory(file)) {
      in.close();
      throw new UserError("not a file: " + file);
    }
    this.lines = new LineReader(in, format.charset(), maxLineBytes);
    if (format.hasHeader()) {
      LineReader.Line first = lines.next();
      if (first == null || !first.ok()) {
        lines.close();
        throw new UserError("cannot read the header line of " + file
            + (first == null ? ": the file is empty" : ": " + first.problem().detail()));
      }
      this.header = first.text();
      this.multiLine = new CsvRecordReader(lines, maxLinesPerRecord);
    } else {
      this.header = null;
      this.multiLine = null;
    }
  }

  /** The header line, or null for a format without one. */
  public String header() {
    return header;
  }

  /** The next record, or null at the end. */
  public Record next() throws IOException {
    if (multiLine != null) {
      CsvRecordReader.Record r = multiLine.next();
      return r == null ? null : new Record(r.line(), r.text(), r.problem());
    }
    LineReader.Line l = lines.next();
    return l == null ? null : new Record(l.number(), l.text(), l.problem());
  }

  @Override
  public void close() throws IOException {
    lines.close();
  }
}
