package dev.trendoff.formats;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** Splits one CSV record (RFC 4180, commons-csv) into its fields; broken quoting is a {@link BadField}. */
final class CsvFields {
  private CsvFields() {}

  private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
      .setRecordSeparator("\n")
      .setIgnoreEmptyLines(false)
      .build();

  static List<String> split(String record) throws BadField {
    try (CSVParser parser = CSVParser.parse(record, FORMAT)) {
      Iterator<CSVRecord> it = parser.iterator();
      if (!it.hasNext()) {
        return List.of("");
      }
      CSVRecord r = it.next();
      if (it.hasNext()) {
        throw new BadField(RejectReason.BROKEN_QUOTING, "more than one record: a line break outside quotes");
      }
      List<String> fields = new ArrayList<>(r.size());
      r.forEach(fields::add);
      return fields;
    } catch (IOException | UncheckedIOException | IllegalStateException e) {
      String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      throw new BadField(RejectReason.BROKEN_QUOTING, "broken quoting: " + m);
    }
  }
}
