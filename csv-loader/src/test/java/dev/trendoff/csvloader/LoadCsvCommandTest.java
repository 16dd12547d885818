package dev.trendoff.csvloader;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;

import dev.trendoff.core.UserError;
import dev.trendoff.formats.TweetFormats;
import picocli.CommandLine;

/** load-csv's arguments, checked before the configuration, Cassandra or Spark. */
class LoadCsvCommandTest {

  record Result(int exit, String out, String err) {}

  static Result loadCsv(String... args) {
    CommandLine cl = new CommandLine(new LoadCsvCommand());
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    cl.setExecutionExceptionHandler((ex, c, p) -> {
      if (ex instanceof UserError ue) {
        c.getErr().println(ue.getMessage());
        return ue.exitCode();
      }
      throw ex;
    });
    return new Result(cl.execute(args), out.toString(), err.toString());
  }

  @Test
  void anUnknownFormatIsOneUsageLineListingTheFormats() {
    Result r = loadCsv("--format", "excel", "x.xls");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err().strip()).isEqualTo("unknown format 'excel' (one of jsonl, followthehashtag, sentiment140, x-archive, x-v2)");
  }

  @Test
  void noFileIsOneUsageLine() {
    Result r = loadCsv("--format", "jsonl");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err().strip()).isEqualTo("load-csv needs a FILE: load-csv [--format F] FILE");
  }

  @Test
  void everyFormatAndTheOldCsvNameAreTaken() {
    for (String name : TweetFormats.names()) {
      Result r = loadCsv("--format", name, "no/such/file");
      assertThat(r.exit()).as(name).isEqualTo(1);
      assertThat(r.err().strip()).as(name).isEqualTo("no such file: no/such/file");
    }
    assertThat(loadCsv("--format", "csv", "no/such/file").err().strip()).isEqualTo("no such file: no/such/file");
  }

  @Test
  void theHelpListsEveryFileFormatOnALineOfItsOwn() {
    Result r = loadCsv("--help");
    assertThat(r.exit()).isZero();
    for (String line : TweetFormats.help()) {
      assertThat(r.out()).contains(line + System.lineSeparator());
    }
    assertThat(r.out().replaceAll("\\s+", " ")).contains("(default: followthehashtag)");
  }
}
