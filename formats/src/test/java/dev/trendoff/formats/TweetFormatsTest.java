package dev.trendoff.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.trendoff.core.UserError;

class TweetFormatsTest {

  /** A fixture of each format. */
  static final Map<String, String> FIXTURES = Map.of("jsonl", "statuses.jsonl",
      "followthehashtag", "followthehashtag.csv", "sentiment140", "sentiment140.csv",
      "x-archive", "x-archive/alice", "x-v2", "x-v2.jsonl");

  @Test
  void theNamesInTheirOrder() {
    assertThat(TweetFormats.names()).containsExactly("jsonl", "followthehashtag", "sentiment140", "x-archive", "x-v2");
    assertThat(TweetFormats.all()).extracting(TweetFormat::name).containsExactlyElementsOf(TweetFormats.names());
  }

  @Test
  void csvIsAHiddenAliasOfFollowTheHashtag() {
    assertThat(TweetFormats.named("csv")).isSameAs(TweetFormats.named("followthehashtag"));
    assertThat(TweetFormats.names()).doesNotContain("csv");
    assertThat(TweetFormats.help()).noneMatch(line -> line.strip().startsWith("csv"));
  }

  @Test
  void namesAndAliasesAreLowerCaseUniqueAndMatchedInAnyCase() {
    List<String> taken = new ArrayList<>();
    for (TweetFormat f : TweetFormats.all()) {
      taken.add(f.name());
      taken.addAll(f.aliases());
    }
    assertThat(taken).doesNotHaveDuplicates().allMatch(n -> n.matches("[a-z0-9-]+"));
    assertThat(TweetFormats.named("JSONL").name()).isEqualTo("jsonl");
    assertThat(TweetFormats.named("FollowTheHashtag").name()).isEqualTo("followthehashtag");
    assertThat(TweetFormats.find("CSV")).containsSame(TweetFormats.named("followthehashtag"));
  }

  @Test
  void anUnknownNameIsAUsageErrorListingTheNames() {
    assertThatThrownBy(() -> TweetFormats.named("excel"))
        .isInstanceOf(UserError.class)
        .hasMessage("unknown format 'excel' (one of jsonl, followthehashtag, sentiment140, x-archive, x-v2)")
        .satisfies(e -> assertThat(((UserError) e).exitCode()).isEqualTo(UserError.USAGE));
    assertThat(TweetFormats.find("excel")).isEmpty();
    assertThat(TweetFormats.unknown("source", "parquet", List.of("synthetic", "twitter")))
        .isEqualTo("unknown source 'parquet' (one of jsonl, followthehashtag, sentiment140, x-archive, x-v2, synthetic, twitter)");
  }

  @Test
  void helpIsOneAlignedLineAFormatThatFitsTheTerminal() {
    List<String> help = TweetFormats.help();
    assertThat(help).hasSize(TweetFormats.all().size());
    int column = help.get(0).indexOf(TweetFormats.all().get(0).description());
    for (int i = 0; i < help.size(); i++) {
      TweetFormat f = TweetFormats.all().get(i);
      assertThat(help.get(i)).startsWith("  " + f.name() + " ").endsWith(f.description())
          .doesNotContain("\n").doesNotContain("%");
      assertThat(help.get(i).indexOf(f.description())).isEqualTo(column);
      // picocli wraps usage text at 80 columns
      assertThat(help.get(i).length()).isLessThanOrEqualTo(80);
    }
  }

  @Test
  void everyFormatReadsItsFixtureAndItsParserTravelsToSparkTasks() throws Exception {
    assertThat(FIXTURES.keySet()).containsExactlyInAnyOrderElementsOf(TweetFormats.names());
    for (TweetFormat f : TweetFormats.all()) {
      try (FileRecords records = f.open(Fixtures.path(FIXTURES.get(f.name())).toString(), Fixtures.LIMITS)) {
        TextRecord first = records.next();
        RecordParser copy = serializedAndBack(records.parser());
        assertThat(copy.parse(first.text()).tweet()).as(f.name())
            .isEqualTo(records.parser().parse(first.text()).tweet());
      }
    }
  }

  private static RecordParser serializedAndBack(RecordParser p) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(p);
    }
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      return (RecordParser) in.readObject();
    }
  }
}
