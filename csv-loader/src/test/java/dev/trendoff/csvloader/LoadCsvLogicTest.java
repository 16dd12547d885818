package dev.trendoff.csvloader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.trendoff.core.UserError;
import dev.trendoff.formats.FileRecords;
import dev.trendoff.formats.ReadLimits;
import dev.trendoff.formats.RejectReason;
import dev.trendoff.formats.TextRecord;
import dev.trendoff.formats.TweetFormat;
import dev.trendoff.formats.TweetFormats;

/** The plain parts of load-csv: reading records, parsing them to master rows or rejections. */
class LoadCsvLogicTest {

  static final Path FIXTURE = Path.of("src/test/resources/fixtures/followthehashtag-sample.csv");
  static final TweetFormat FOLLOWTHEHASHTAG = TweetFormats.named("followthehashtag");
  static final TweetFormat JSONL = TweetFormats.named("jsonl");
  static final ReadLimits LIMITS = new ReadLimits(1 << 16, 50);

  /** Three statuses (lines 1, 2 and 5), malformed JSON (line 3) and a stream notice (line 4), gzipped. */
  static Path writeJsonlSample(Path dir) throws IOException {
    String lines = String.join("\n",
        status(101, "Alice", "spark and cassandra at the meetup", ""),
        status(102, "bob", "kafka streams all day", ", \"lang\": \"en\", \"favorite_count\": 4"),
        "{\"id\": 103, \"text\": ",
        "{\"delete\": {\"status\": {\"id\": 9, \"user_id\": 3}}}",
        status(104, "carol", "RT @Alice: spark and cassandra", ", \"retweeted_status\": {\"id\": 101}"));
    Path f = dir.resolve("statuses.jsonl.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(f))) {
      out.write((lines + "\n").getBytes(StandardCharsets.UTF_8));
    }
    return f;
  }

  private static String status(long id, String user, String text, String more) {
    return "{\"id\": " + id + ", \"created_at\": \"Wed Oct 10 20:19:24 +0000 2018\", \"text\": \"" + text
        + "\", \"user\": {\"screen_name\": \"" + user + "\"}" + more + "}";
  }

  static List<TextRecord> readAll(Path file, TweetFormat format) throws Exception {
    List<TextRecord> out = new ArrayList<>();
    try (FileRecords r = format.open(file.toString(), LIMITS)) {
      for (TextRecord rec = r.next(); rec != null; rec = r.next()) {
        out.add(rec);
      }
    }
    return out;
  }

  /** What the driver and the Spark tasks make of each record of a file, in order. */
  static List<LoadCsv.Parsed> load(Path file, TweetFormat format) throws Exception {
    List<LoadCsv.Parsed> out = new ArrayList<>();
    try (FileRecords r = format.open(file.toString(), LIMITS)) {
      for (TextRecord rec = r.next(); rec != null; rec = r.next()) {
        out.add(rec.ok() ? LoadCsv.parse(r.parser(), rec, 77L, 5L) : new LoadCsv.Parsed(rec.line(), rec.where(), null, rec.problem()));
      }
    }
    return out;
  }

  @Test
  void recordsSpanLinesInsideQuotesAndABrokenQuoteIsARejectedRecord() throws Exception {
    List<TextRecord> records = readAll(FIXTURE, FOLLOWTHEHASHTAG);
    assertThat(records).hasSize(17);
    assertThat(records).filteredOn(r -> r.text() != null && r.text().contains("Engineer\nlikes")).hasSize(1);
    assertThat(records).filteredOn(r -> r.problem() != null).extracting(TextRecord::line).containsExactly(19L);
  }

  @Test
  void goodRecordsBecomeFileRowsAndBadOnesRejections() throws Exception {
    List<Long> rejectedLines = new ArrayList<>();
    int good = 0;
    for (LoadCsv.Parsed p : load(FIXTURE, FOLLOWTHEHASHTAG)) {
      if (p.row() == null) {
        rejectedLines.add(p.line());
        assertThat(p.rejection().reason()).isNotNull();
      } else {
        good++;
        assertThat(p.row().getKafkaPartition()).isNull();
        assertThat(p.row().getKafkaOffset()).isNull();
        assertThat(p.row().getLoadId()).as("the row of the load that loaded it").isEqualTo(77L);
        assertThat(p.row().getUserKey()).isIn("alice", "bob", "carol");
        assertThat(p.row().getSource()).isEqualTo("CSV");
      }
    }
    assertThat(good).isEqualTo(12);
    assertThat(rejectedLines).containsExactlyInAnyOrder(6L, 7L, 14L, 15L, 19L);
  }

  @Test
  void aGzippedJsonlFileLoadsLikeACsv(@TempDir Path dir) throws Exception {
    List<LoadCsv.Parsed> parsed = load(writeJsonlSample(dir), JSONL);
    assertThat(parsed).extracting(LoadCsv.Parsed::line).containsExactly(1L, 2L, 3L, 4L, 5L);
    assertThat(parsed).filteredOn(p -> p.row() != null).extracting(p -> p.row().getTweetId())
        .containsExactly(101L, 102L, 104L);
    assertThat(parsed.get(2).rejection().reason()).isEqualTo(RejectReason.MALFORMED_JSON);
    assertThat(parsed.get(3).rejection().reason()).isEqualTo(RejectReason.NOT_A_STATUS);

    LoadCsv.Parsed alice = parsed.get(0);
    assertThat(alice.row().getUserKey()).isEqualTo("alice");
    assertThat(alice.row().getUserScreenName()).isEqualTo("Alice");
    assertThat(alice.row().getText()).isEqualTo("spark and cassandra at the meetup");
    assertThat(alice.row().getSource()).isEqualTo("JSONL");
    assertThat(alice.row().getKafkaPartition()).isNull();
    assertThat(alice.row().getIngestedAt().getTime()).isEqualTo(5L);
    assertThat(parsed.get(1).row().getFavoriteCount()).isEqualTo(4);
    assertThat(parsed.get(4).row().getIsRetweet()).isTrue();
  }

  @Test
  void aMissingFileIsOneClearError() {
    assertThatThrownBy(() -> LoadCsv.checkReadable(Path.of("no/such/file.csv")))
        .isInstanceOf(UserError.class).hasMessage("no such file: no/such/file.csv");
  }

  @Test
  void aFileWithoutTheNeededColumnsIsRefused(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("x.csv");
    Files.writeString(f, "a,b,c\n1,2,3\n");
    assertThatThrownBy(() -> FOLLOWTHEHASHTAG.open(f.toString(), LIMITS)).isInstanceOf(UserError.class)
        .hasMessageContaining("not a followthehashtag CSV");
  }
}
