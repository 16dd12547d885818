package dev.trendoff.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.Callable;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

class CommandLinesTest {

  /** Fails the way its argument says: "user", "wrapped" (a UserError as a cause), "bug", or not at all. */
  @Command(name = "fail")
  static final class Fail implements Callable<Integer> {
    @Parameters(index = "0") String how;

    @Override
    public Integer call() {
      switch (how) {
        case "user" -> throw UserError.usage("--top must be at least 1");
        case "wrapped" -> throw new IllegalStateException("outer", new UserError("cannot reach Cassandra"));
        case "bug" -> throw new IllegalArgumentException("bad index 3\nsecond line");
        default -> {
          return 0;
        }
      }
    }
  }

  static String[] run(String... args) {
    StringWriter err = new StringWriter();
    CommandLine cl = new CommandLine(new Fail()).setErr(new PrintWriter(err, true));
    int exit = CommandLines.execute(cl, args, "the log");
    return new String[] {Integer.toString(exit), err.toString().strip()};
  }

  @Test
  void aUserErrorIsItsMessageOnOneLineAndItsExitCode() {
    assertThat(run("user")).containsExactly("2", "trendoff: --top must be at least 1");
    assertThat(run("wrapped")).containsExactly("1", "trendoff: cannot reach Cassandra");
  }

  @Test
  void anyOtherFailureIsOneLineNamingItAndWhereTheDetailsAre() {
    assertThat(run("bug")).containsExactly("1", "trendoff: IllegalArgumentException: bad index 3 (details in the log)");
  }

  @Test
  void successAndUsageErrorsKeepPicocliExitCodes() {
    assertThat(run("fine")[0]).isEqualTo("0");
    assertThat(run()[0]).isEqualTo("2");
  }

  @Test
  void reportPrintsOneLineAndReturnsTheExitCode() {
    StringWriter err = new StringWriter();
    assertThat(CommandLines.report(new PrintWriter(err), new UserError("no such file: x"))).isEqualTo(1);
    assertThat(err.toString()).isEqualTo("trendoff: no such file: x" + System.lineSeparator());
  }
}
