package dev.trendoff.formats;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import dev.trendoff.core.UserError;

/**
 * {@code followthehashtag} (formerly {@code csv}): the followthehashtag CSV ({@link FollowTheHashtagCsv}),
 * UTF-8, a header line first, then records whose quoted fields may span lines.
 */
final class FollowTheHashtagFormat implements TweetFormat {

  @Override
  public String name() {
    return "followthehashtag";
  }

  @Override
  public List<String> aliases() {
    return List.of("csv");
  }

  @Override
  public String description() {
    return "the followthehashtag CSV (header line, UTF-8)";
  }

  /** Reads the header: the parser finds the columns by their names. */
  @Override
  public FileRecords open(String file, ReadLimits limits) {
    Input in = Input.open(file);
    CsvRecordReader records = new CsvRecordReader(
        new LineReader(in.stream(), StandardCharsets.UTF_8, limits.maxLineBytes()), limits.maxLinesPerRecord());
    try {
      return new FileRecords(in, records, parserFor(in.name(), records.next()));
    } catch (IOException e) {
      throw closed(records, new UserError("cannot read " + file + ": " + e.getMessage()));
    } catch (RuntimeException e) {
      throw closed(records, e);
    }
  }

  private static FollowTheHashtagCsv parserFor(String name, TextRecord header) {
    if (header == null) {
      throw new UserError(name + " is empty: a followthehashtag CSV starts with its header line");
    }
    if (!header.ok()) {
      throw new UserError(name + ": cannot read the header line: " + header.problem().detail());
    }
    return FollowTheHashtagCsv.fromHeader(header.text());
  }

  private static RuntimeException closed(CsvRecordReader records, RuntimeException e) {
    try {
      records.close();
    } catch (IOException suppressed) {
      e.addSuppressed(suppressed);
    }
    return e;
  }
}
