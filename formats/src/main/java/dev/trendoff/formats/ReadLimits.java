package dev.trendoff.formats;

import com.typesafe.config.Config;

import dev.trendoff.core.UserError;

/**
 * How much one record of a file may take: a longer line is rejected (line-too-long), and a quoted
 * CSV field goes on over at most {@code maxLinesPerRecord} lines before its first line is rejected
 * (broken-quoting). produce and load-csv each read theirs from their own configuration section.
 */
public record ReadLimits(int maxLineBytes, int maxLinesPerRecord) {

  /** The longest line a Java array can hold with room to spare. */
  static final long MAX_LINE_BYTES = Integer.MAX_VALUE - 16;

  /**
   * From the keys {@code lineBytesKey} (a size) and {@code linesKey} of the section at {@code path};
   * a value out of range is a {@link UserError} naming the key.
   */
  public static ReadLimits from(Config config, String path, String lineBytesKey, String linesKey) {
    Config c = config.getConfig(path);
    long bytes = c.getBytes(lineBytesKey);
    if (bytes < 1 || bytes > MAX_LINE_BYTES) {
      throw new UserError(path + "." + lineBytesKey + " must be between 1 and " + MAX_LINE_BYTES + " bytes, got " + bytes);
    }
    int lines = c.getInt(linesKey);
    if (lines < 1) {
      throw new UserError(path + "." + linesKey + " must be at least 1, got " + lines);
    }
    return new ReadLimits((int) bytes, lines);
  }
}
