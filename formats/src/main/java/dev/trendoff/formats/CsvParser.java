package dev.trendoff.formats;

import java.util.List;

/** The parser of a CSV format: splits a record into its fields ({@link CsvFields}), then makes a tweet of them. */
interface CsvParser extends RecordParser {

  /** One record already split into fields; {@code raw} is kept in a rejection. */
  ParseResult parse(List<String> fields, String raw);

  /** One CSV record (without its line end); broken quoting is a rejection. */
  @Override
  default ParseResult parse(String record) {
    try {
      return parse(CsvFields.split(record), record);
    } catch (BadField e) {
      return e.toResult(record);
    }
  }
}
