package dev.trendoff.producer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;

import dev.trendoff.core.UserError;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

class SyntheticOptionsTest {

  @Command(name = "probe", mixinStandardHelpOptions = true)
  static final class Probe implements Runnable {
    @Mixin SyntheticOptions data = new SyntheticOptions(7, 40, 20_000);

    @Override
    public void run() {}
  }

  @Test
  void eachCommandsDefaultsAreItsOwnAndShownInHelp() {
    Probe p = new Probe();
    new CommandLine(p).parseArgs();
    assertThat(p.data.seed()).isEqualTo(7);
    assertThat(p.data.users(1)).isEqualTo(40);
    assertThat(p.data.tweets(0)).isEqualTo(20_000);
    StringWriter out = new StringWriter();
    CommandLine cl = new CommandLine(new Probe());
    cl.setOut(new PrintWriter(out));
    cl.execute("--help");
    assertThat(out.toString()).contains("generator seed (default 7)").contains("distinct authors (default 40)")
        .contains("tweets (default 20000)");
  }

  @Test
  void givenValuesWinAndTooFewIsAUsageErrorNamingTheOption() {
    Probe p = new Probe();
    new CommandLine(p).parseArgs("--seed", "9", "--users", "0", "--tweets", "5");
    assertThat(p.data.seed()).isEqualTo(9);
    assertThat(p.data.tweets(5)).isEqualTo(5);
    assertThatThrownBy(() -> p.data.users(1)).isInstanceOf(UserError.class).hasMessage("--users must be at least 1, not 0")
        .satisfies(e -> assertThat(((UserError) e).exitCode()).isEqualTo(UserError.USAGE));
    assertThatThrownBy(() -> p.data.tweets(100)).hasMessage("--tweets must be at least 100, not 5");
    Probe q = new Probe();
    new CommandLine(q).parseArgs("--users", "3", "--tweets", "5");
    assertThat(q.data.generator().stream().count()).isEqualTo(5);
  }
}
