package dev.trendoff.producer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.trendoff.core.TrendoffConfig;
import dev.trendoff.core.UserError;
import dev.trendoff.formats.TweetFormats;
import picocli.CommandLine;

/** produce's arguments: the source names and the input file, checked before Kafka is asked anything. */
class ProduceCommandTest {

  @TempDir Path dir;

  record Result(int exit, String err) {}

  Result produce(String... args) {
    CommandLine cl = new CommandLine(new ProduceCommand(() -> TrendoffConfig.load(null,
        Map.of("TRENDOFF_PRODUCER_REJECT_DIR", dir.toString()), new Properties())));
    StringWriter err = new StringWriter();
    cl.setErr(new PrintWriter(err, true));
    cl.setExecutionExceptionHandler((ex, c, p) -> {
      if (ex instanceof UserError ue) {
        c.getErr().println(ue.getMessage());
        return ue.exitCode();
      }
      throw ex;
    });
    return new Result(cl.execute(args), err.toString());
  }

  @Test
  void theSourcesAreTheFileFormatsThenTheGeneratorAndTheStream() {
    assertThat(ProduceCommand.sources()).containsExactly("jsonl", "followthehashtag", "sentiment140", "x-archive", "x-v2",
        "synthetic", "x-stream", "bluesky", "twitter");
    assertThat(ProduceCommand.sources()).containsAll(TweetFormats.names());
  }

  @Test
  void anUnknownSourceIsOneUsageLineListingTheSources() {
    Result r = produce("--source", "parquet", "x.parquet");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err().strip())
        .isEqualTo("unknown source 'parquet' (one of jsonl, followthehashtag, sentiment140, x-archive, x-v2, synthetic,"
            + " x-stream, bluesky, twitter)");
  }

  @Test
  void helpListsEverySourceOnALineOfItsOwn() {
    String help = new CommandLine(new ProduceCommand()).getUsageMessage();
    for (String name : ProduceCommand.sources()) {
      assertThat(help.lines().filter(l -> l.startsWith("  " + name + " ")).count()).as(name).isEqualTo(1);
    }
    assertThat(help).contains("retired in 2023").contains("no account");
    assertThat(help.lines()).allMatch(l -> l.length() <= 80);
  }

  @Test
  void theLiveSourcesSayWhatTheyLackBeforeKafkaIsAsked() {
    Result x = produce("--source", "x-stream", "--track", "ai");
    assertThat(x.exit()).isEqualTo(1);
    assertThat(x.err().strip()).startsWith("x-stream needs the bearer token").contains("set TRENDOFF_X_BEARER_TOKEN");
    Result b = produce("--source", "bluesky", "--track", "ai");
    assertThat(b.exit()).isEqualTo(2);
    assertThat(b.err().strip()).isEqualTo("bluesky reads the whole public firehose: it takes no --track, --follow or --locations");
  }

  @Test
  void aFileFormatNeedsExactlyOneFile() {
    Result none = produce("--source", "jsonl");
    assertThat(none.exit()).isEqualTo(2);
    assertThat(none.err().strip()).isEqualTo("--source jsonl needs a FILE (- for standard input): produce --source jsonl FILE");

    Result both = produce("--source", "jsonl", "a.jsonl", "--file", "b.jsonl");
    assertThat(both.exit()).isEqualTo(2);
    assertThat(both.err().strip()).isEqualTo("give the input file once, as FILE (--file F is its deprecated form), not both");
  }

  @Test
  void theGeneratorAndTheStreamReadNoFile() {
    Result r = produce("--source", "synthetic", "a.jsonl");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err().strip()).isEqualTo("--source synthetic reads no file, but got a.jsonl");
  }

  @Test
  void theFileIsOpenedBeforeKafkaIsAsked() {
    Path missing = dir.resolve("missing.jsonl");
    Result positional = produce("--source", "jsonl", missing.toString());
    assertThat(positional.exit()).isEqualTo(1);
    assertThat(positional.err().strip()).isEqualTo("file not found: " + missing);

    Result old = produce("--source", "CSV", "--file", missing.toString());
    assertThat(old.exit()).isEqualTo(1);
    assertThat(old.err()).contains("--file is deprecated: give the file last, produce --source followthehashtag " + missing)
        .contains("file not found: " + missing);
  }

  @Test
  void theHelpListsEveryFileFormatOnALineOfItsOwn() {
    StringWriter out = new StringWriter();
    CommandLine cl = new CommandLine(new ProduceCommand());
    cl.setOut(new PrintWriter(out, true));
    assertThat(cl.execute("--help")).isZero();
    assertThat(out.toString()).contains("[FILE]").doesNotContain("--file");
    for (String line : TweetFormats.help()) {
      assertThat(out.toString()).contains(line + System.lineSeparator());
    }
  }
}
