package dev.trendoff.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.trendoff.formats.TweetFormat;
import dev.trendoff.formats.TweetFormats;

/**
 * produce and load-csv take the same file format names, from the one list in
 * formats/src/main/java/dev/trendoff/formats/TweetFormats.java: each command is run through
 * ./trendoff's entry point with a file that does not exist, so a name it takes fails on the file
 * (exit 1) and a name it does not take fails on the name (exit 2).
 */
class FormatNamesTest {

  record Run(int exit, String err) {}

  static Run run(String... args) {
    PrintStream err = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      return new Run(Main.run(args), captured.toString(StandardCharsets.UTF_8));
    } finally {
      System.setErr(err);
    }
  }

  static Run produce(String name) {
    return run("produce", "--source", name, "no/such/tweets", "--no-progress");
  }

  static Run loadCsv(String name) {
    return run("load-csv", "--format", name, "no/such/tweets");
  }

  static List<String> everyNameTaken() {
    List<String> names = new ArrayList<>();
    for (TweetFormat f : TweetFormats.all()) {
      names.add(f.name());
      names.addAll(f.aliases());
    }
    return names;
  }

  @Test
  void bothCommandsTakeEveryFormatNameAndAlias() {
    assertThat(everyNameTaken()).contains("jsonl", "followthehashtag", "sentiment140", "csv", "x-archive", "x-v2");
    for (String name : everyNameTaken()) {
      Run p = produce(name);
      assertThat(p.exit()).as("produce --source %s: %s", name, p.err()).isEqualTo(1);
      assertThat(p.err()).contains("file not found: no/such/tweets");
      Run l = loadCsv(name);
      assertThat(l.exit()).as("load-csv --format %s: %s", name, l.err()).isEqualTo(1);
      assertThat(l.err()).contains("no such file: no/such/tweets");
    }
  }

  @Test
  void bothCommandsRefuseTheSameUnknownNameListingTheSameFormats() {
    Run p = produce("parquet");
    Run l = loadCsv("parquet");
    assertThat(p.exit()).isEqualTo(2);
    assertThat(l.exit()).isEqualTo(2);
    String formats = String.join(", ", TweetFormats.names());
    assertThat(p.err().strip()).isEqualTo("trendoff: unknown source 'parquet' (one of " + formats
        + ", synthetic, x-stream, bluesky, twitter)");
    assertThat(l.err().strip()).isEqualTo("trendoff: unknown format 'parquet' (one of " + formats + ")");
  }

  @Test
  void theGeneratedAndLiveSourcesAreProduceSourcesNotFileFormats() {
    for (String name : List.of("synthetic", "twitter", "x-stream", "bluesky")) {
      assertThat(loadCsv(name).exit()).as(name).isEqualTo(2);
      assertThat(produce(name).err()).as(name).contains("--source " + name + " reads no file");
    }
  }
}
