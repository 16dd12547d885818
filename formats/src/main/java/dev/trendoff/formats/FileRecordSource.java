package dev.trendoff.formats;

import java.io.IOException;

/**
 * A file or standard input as produce's source: each record parsed as it is read, an empty line
 * rejected as such; its progress is the bytes of the file read.
 */
public final class FileRecordSource implements RecordSource {

  private final FileRecords records;
  private TextRecord last;

  public FileRecordSource(FileRecords records) {
    this.records = records;
  }

  @Override
  public ParseResult next() throws IOException {
    TextRecord r = records.next();
    if (r == null) {
      return null;
    }
    last = r;
    return parsed(r, records.parser());
  }

  /** {@code name:line} of the last record read, or where inside the file it was read (an archive's part). */
  @Override
  public String position() {
    if (last == null) {
      return records.name() + ":0";
    }
    return last.at() != null ? last.at() : records.name() + ":" + last.line();
  }

  @Override
  public java.util.Map<String, Long> skipped() {
    return records.skipped();
  }

  @Override
  public long total() {
    return records.totalBytes();
  }

  @Override
  public long done() {
    return records.bytesRead();
  }

  @Override
  public String unit() {
    return "bytes";
  }

  @Override
  public void stop() {
    records.stop();
  }

  @Override
  public void close() throws IOException {
    records.close();
  }

  /**
   * One record read from the file as a parse result: the reader's own rejection (an unreadable line
   * or record), an empty line's, or what {@code parser} makes of the text.
   */
  static ParseResult parsed(TextRecord r, RecordParser parser) {
    if (!r.ok()) {
      return ParseResult.rejected(r.problem());
    }
    if (r.text().isBlank()) {
      return ParseResult.rejected(RejectReason.EMPTY_LINE, "line " + r.line() + " is empty", r.text());
    }
    return parser.parse(r.text());
  }
}
