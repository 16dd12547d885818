package dev.trendoff.formats;

import java.io.Closeable;
import java.io.IOException;

/** The records of a file, in order: a line each ({@link LineReader}) or a CSV record each ({@link CsvRecordReader}). */
public interface RecordReader extends Closeable {

  /** The next record, or null at the end. */
  TextRecord next() throws IOException;
}
