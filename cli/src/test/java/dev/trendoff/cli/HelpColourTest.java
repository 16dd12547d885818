package dev.trendoff.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import dev.trendoff.core.Terminal;
import org.junit.jupiter.api.Test;

/** ./trendoff --help in colour only when the launcher says both outputs are terminals (and NO_COLOR is not set). */
class HelpColourTest {

  private static String help(String stdoutTty, String stderrTty) {
    PrintStream out = System.out;
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    System.setProperty(Terminal.STDOUT, stdoutTty);
    System.setProperty(Terminal.STDERR, stderrTty);
    try {
      System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
      assertThat(Main.run("--help")).isZero();
    } finally {
      System.setOut(out);
      System.clearProperty(Terminal.STDOUT);
      System.clearProperty(Terminal.STDERR);
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void colourOnlyWhenBothOutputsAreTerminals() {
    String terminal = help("true", "true");
    if (System.getenv("NO_COLOR") == null) {
      assertThat(terminal).contains("\u001b[").contains("compare-users");
    } else {
      assertThat(terminal).as("NO_COLOR is set").contains("compare-users").doesNotContain("\u001b");
    }
    assertThat(help("false", "false")).contains("compare-users").doesNotContain("\u001b");
    assertThat(help("true", "false")).as("stderr piped").doesNotContain("\u001b");
    assertThat(help("false", "true")).as("stdout piped").doesNotContain("\u001b");
  }
}
