package dev.trendoff.formats;

import java.io.Closeable;
import java.io.IOException;

/** The records of a file, in order: a line each ({@link LineReader}) or a CSV record each ({@link CsvRecordReader}). */
public interface RecordReader extends Closeable {

  /** The next record, or null at the end. */
  TextRecord next() throws IOException;

  /** Records passed over that are not bad input (an X archive's earlier versions of an edited post), by kind. */
  default java.util.Map<String, Long> skipped() {
    return java.util.Map.of();
  }
}
