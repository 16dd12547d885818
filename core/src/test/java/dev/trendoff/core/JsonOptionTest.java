package dev.trendoff.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.Callable;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

class JsonOptionTest {

  @Command(name = "report")
  static final class Report implements Callable<Integer> {
    @Mixin JsonOption json = new JsonOption();

    @Override
    public Integer call() throws Exception {
      return json.run(() -> {
        System.out.println("a text line");
        json.print(Map.of("figure", 42));
        return 0;
      });
    }
  }

  /** Runs the command with System.out, System.err and picocli's out captured: {stdout, stderr}. */
  private static String[] run(String... args) {
    PrintStream out = System.out;
    PrintStream err = System.err;
    ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
      int exit = new CommandLine(new Report()).execute(args);
      assertThat(exit).isZero();
      assertThat(System.out).as("System.out is given back").isNotSameAs(System.err);
    } finally {
      System.setOut(out);
      System.setErr(err);
    }
    return new String[] {stdout.toString(StandardCharsets.UTF_8), stderr.toString(StandardCharsets.UTF_8)};
  }

  @Test
  void withJsonStdoutHoldsOnlyTheObjectAndTheTextGoesToStderr() {
    String[] r = run("--json");
    assertThat(r[0]).isEqualTo("{\"figure\":42}" + System.lineSeparator());
    assertThat(r[1]).isEqualTo("a text line" + System.lineSeparator());
  }

  @Test
  void withoutJsonTheTextIsOnStdoutAndNoJson() {
    String[] r = run();
    assertThat(r[0]).isEqualTo("a text line" + System.lineSeparator());
    assertThat(r[1]).isEmpty();
  }

  @Test
  void printIsOneLineOfJsonOnPicocliOut() {
    StringWriter out = new StringWriter();
    CommandLine cl = new CommandLine(new Report());
    cl.setOut(new PrintWriter(out, true));
    PrintStream realErr = System.err;
    try {
      System.setErr(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
      assertThat(cl.execute("--json")).isZero();
    } finally {
      System.setErr(realErr);
    }
    assertThat(out.toString().strip()).isEqualTo("{\"figure\":42}");
  }
}
