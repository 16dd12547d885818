package dev.trendoff.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

import com.typesafe.config.Config;
import dev.trendoff.core.TrendoffConfig;
import dev.trendoff.core.UserError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class JobsTest {

  /** Exit code, stdout and stderr of one command line. */
  record Run(int exit, String out, String err) {}

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = new CommandLine(new Jobs()).setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true));
    int exit = Jobs.run(cl, args);
    return new Run(exit, out.toString(), err.toString());
  }

  @Test
  void itsCommandsAreExactlyTheSparkJobs() {
    CommandLine cl = new CommandLine(new Jobs());
    assertThat(cl.getSubcommands().keySet()).containsExactlyInAnyOrder("speed-layer", "batch-layer", "load-csv");
    assertThat(cl.getSubcommands().get("batch-layer").getSubcommands().keySet())
        .containsExactlyInAnyOrder("ingest", "recompute");
  }

  @Test
  void aUserErrorIsOneLineAndItsExitCode() {
    Run missing = run("load-csv", "/no/such/tweets.csv");
    assertThat(missing.exit()).isEqualTo(UserError.FAILURE);
    assertThat(missing.err()).isEqualTo("trendoff: no such file: /no/such/tweets.csv" + System.lineSeparator());
    assertThat(missing.out()).isEmpty();

    Run format = run("load-csv", "/no/such/tweets.csv", "--format", "nope");
    assertThat(format.exit()).isEqualTo(UserError.USAGE);
    assertThat(format.err().lines()).singleElement().asString().startsWith("trendoff: unknown format 'nope' (one of ");

    Run every = run("batch-layer", "recompute", "--every", "soon");
    assertThat(every.exit()).isEqualTo(UserError.USAGE);
    assertThat(every.err().lines()).containsExactly("trendoff: not a duration (like 90s, 15m, 1h): soon");
  }

  /**
   * The driver reads the installation's one configuration (docs/cluster.md), which also sets the local stack
   * and the serving layer, modules this jar does not have: their keys are ignored, not unknown.
   */
  @Test
  void theWholeInstallationsConfigurationLoads(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("trendoff.conf"),
        "trendoff.speed.batch-interval = 2s\ntrendoff.stack.kafka-port = 19092\ntrendoff.serving.status-scan-limit = 10\n");
    Config c = TrendoffConfig.load(file, Map.of("TRENDOFF_SERVING_STATUS_KAFKA_TIMEOUT", "1s"), new Properties());
    assertThat(c.getDuration("trendoff.speed.batch-interval")).hasSeconds(2);
    assertThat(c.getString("trendoff.batch.recompute.every")).isNotEmpty();
  }

  @Test
  void anUnknownCommandIsAUsageError() {
    Run other = run("compare-users", "alice", "bob");
    assertThat(other.exit()).isEqualTo(UserError.USAGE);
    assertThat(other.err()).contains("Unmatched argument").contains("'compare-users'");
    assertThat(other.out()).isEmpty();

    Run none = run();
    assertThat(none.exit()).isEqualTo(UserError.USAGE);
    assertThat(none.err()).contains("name a job: speed-layer, batch-layer or load-csv");
  }
}
