package dev.trendoff.csvloader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.trendoff.core.UserError;

/** The plain parts of load-csv: reading records, parsing them to master rows or rejections. */
class LoadCsvLogicTest {

  static final Path FIXTURE = Path.of("src/test/resources/fixtures/followthehashtag-sample.csv");

  static List<CsvRecords.Record> readAll(Path file, CsvFormat format) throws Exception {
    List<CsvRecords.Record> out = new ArrayList<>();
    try (CsvRecords r = new CsvRecords(file, format, 1 << 16, 50)) {
      for (CsvRecords.Record rec = r.next(); rec != null; rec = r.next()) {
        out.add(rec);
      }
    }
    return out;
  }

  @Test
  void recordsSpanLinesInsideQuotesAndABrokenQuoteIsARejectedRecord() throws Exception {
    List<CsvRecords.Record> records = readAll(FIXTURE, CsvFormat.FOLLOWTHEHASHTAG);
    assertThat(records).hasSize(17);
    assertThat(records).filteredOn(r -> r.text() != null && r.text().contains("Engineer\nlikes")).hasSize(1);
    assertThat(records).filteredOn(r -> r.problem() != null).extracting(CsvRecords.Record::line).containsExactly(19L);
  }

  @Test
  void goodRecordsBecomeFileRowsAndBadOnesRejections() throws Exception {
    List<CsvRecords.Record> records = readAll(FIXTURE, CsvFormat.FOLLOWTHEHASHTAG);
    String header;
    try (CsvRecords r = new CsvRecords(FIXTURE, CsvFormat.FOLLOWTHEHASHTAG, 1 << 16, 50)) {
      header = r.header();
    }
    CsvFormat.Parser parser = CsvFormat.FOLLOWTHEHASHTAG.parser(header);
    List<Long> rejectedLines = new ArrayList<>();
    int good = 0;
    for (CsvRecords.Record rec : records) {
      if (rec.problem() != null) {
        rejectedLines.add(rec.line());
        continue;
      }
      LoadCsv.Parsed p = LoadCsv.parse(parser, new LoadCsv.Input(rec.line(), rec.text()), 5L);
      if (p.row() == null) {
        rejectedLines.add(p.line());
        assertThat(p.rejection().reason()).isNotNull();
      } else {
        good++;
        assertThat(p.row().getKafkaPartition()).isNull();
        assertThat(p.row().getKafkaOffset()).isNull();
        assertThat(p.row().getUserKey()).isIn("alice", "bob", "carol");
        assertThat(p.row().getSource()).isEqualTo("CSV");
      }
    }
    assertThat(good).isEqualTo(12);
    assertThat(rejectedLines).containsExactlyInAnyOrder(6L, 7L, 14L, 15L, 19L);
  }

  @Test
  void aMissingFileIsOneClearError() {
    assertThatThrownBy(() -> LoadCsv.checkReadable(Path.of("no/such/file.csv")))
        .isInstanceOf(UserError.class).hasMessage("no such file: no/such/file.csv");
    assertThatThrownBy(() -> CsvFormat.parse("excel")).isInstanceOf(UserError.class).hasMessageContaining("excel");
  }

  @Test
  void aFileWithoutTheNeededColumnsIsRefused(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
    Path f = dir.resolve("x.csv");
    java.nio.file.Files.writeString(f, "a,b,c\n1,2,3\n");
    try (CsvRecords r = new CsvRecords(f, CsvFormat.FOLLOWTHEHASHTAG, 1 << 16, 50)) {
      assertThatThrownBy(() -> CsvFormat.FOLLOWTHEHASHTAG.parser(r.header())).isInstanceOf(UserError.class)
          .hasMessageContaining("not a followthehashtag CSV");
    }
  }
}
