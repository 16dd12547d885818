package dev.trendoff.producer;

import java.io.IOException;

import dev.trendoff.core.UserError;
import dev.trendoff.producer.format.CsvRecordReader;
import dev.trendoff.producer.format.FollowTheHashtagCsv;
import dev.trendoff.producer.format.ParseResult;

/** A followthehashtag CSV: the header first (a {@link UserError} if it is not one), then one record each. */
final class CsvSource extends FileRecordSource {

  private final CsvRecordReader records;
  private final FollowTheHashtagCsv format;
  private long line;

  CsvSource(Input input, CsvRecordReader records) throws IOException {
    super(input);
    this.records = records;
    CsvRecordReader.Record header = records.next();
    if (header == null) {
      throw new UserError(input.name() + " is empty: a followthehashtag CSV starts with its header line");
    }
    if (!header.ok()) {
      throw new UserError(input.name() + ": cannot read the header line: " + header.problem().detail());
    }
    this.format = FollowTheHashtagCsv.fromHeader(header.text());
  }

  @Override
  public ParseResult next() throws IOException {
    CsvRecordReader.Record r = records.next();
    if (r == null) {
      return null;
    }
    line = r.line();
    return parsed(r.line(), r.text(), r.problem(), format::parse);
  }

  @Override
  public String position() {
    return input.name() + ":" + line;
  }

  @Override
  public void close() throws IOException {
    records.close();
  }
}
