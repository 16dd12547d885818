package dev.trendoff.formats;

import java.io.Serializable;

/**
 * Makes a tweet, or a rejection, of one record's text. Serializable and thread-safe: load-csv ships
 * it to Spark tasks (csv-loader/src/main/java/dev/trendoff/csvloader/LoadCsv.java), produce calls it
 * on the thread that reads the file.
 */
@FunctionalInterface
public interface RecordParser extends Serializable {

  ParseResult parse(String record);
}
