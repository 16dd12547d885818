package dev.trendoff.formats;

import java.io.IOException;

/**
 * A tweet file opened by its format ({@link TweetFormat#open}): its records as text, in order, and
 * the parser that makes tweets of them. produce parses each record as it is read
 * ({@link FileRecordSource}); load-csv hands records and parser to Spark tasks.
 */
public final class FileRecords implements RecordReader {

  private final Input input;
  private final RecordReader reader;
  private final RecordParser parser;

  FileRecords(Input input, RecordReader reader, RecordParser parser) {
    this.input = input;
    this.reader = reader;
    this.parser = parser;
  }

  @Override
  public TextRecord next() throws IOException {
    return reader.next();
  }

  @Override
  public java.util.Map<String, Long> skipped() {
    return reader.skipped();
  }

  /** Parses the records of this file (for a file with a header, the parser knows its columns). */
  public RecordParser parser() {
    return parser;
  }

  /** The file's name without its folder, or {@code stdin}. */
  public String name() {
    return input.name();
  }

  long totalBytes() {
    return input.totalBytes();
  }

  long bytesRead() {
    return input.bytesRead();
  }

  void stop() {
    input.stop();
  }

  @Override
  public void close() throws IOException {
    reader.close();
  }
}
