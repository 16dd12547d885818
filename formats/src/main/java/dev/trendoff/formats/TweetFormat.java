package dev.trendoff.formats;

import java.util.List;

/**
 * One tweet file format: its name (what {@code produce --source} and {@code load-csv --format} take),
 * a line of help, and how to open a file of it. The list is {@link TweetFormats}: a new format is a
 * class implementing this and a line there.
 */
public interface TweetFormat {

  /** The name users type: lower case, no spaces. */
  String name();

  /** Older names still taken but not listed, so scripts written before a rename keep running. */
  default List<String> aliases() {
    return List.of();
  }

  /** One line for {@code --help}. */
  String description();

  /**
   * Opens {@code file} ({@code -} is standard input; a compressed file is recognised by its first
   * bytes) and reads what comes before the records, such as a header. A format whose files are not
   * a text of records (an archive) opens the whole file here and hands out its records the same way.
   * A missing or unreadable file, or one that is not of this format, is a
   * {@link dev.trendoff.core.UserError}.
   */
  FileRecords open(String file, ReadLimits limits);

  /** {@code file} as produce's source: its records parsed as they are read. */
  default RecordSource source(String file, ReadLimits limits) {
    return new FileRecordSource(open(file, limits));
  }
}
