package dev.trendoff.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.trendoff.bench.BenchCommand;
import dev.trendoff.bench.LiveBench;
import dev.trendoff.localstack.junit.JsonDocs;
import dev.trendoff.localstack.junit.LocalStackExtension;
import dev.trendoff.localstack.junit.TestStack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code ./trendoff bench http live}, briefly, on the real stack: the speed layer (a child JVM), the
 * server and the page in a real headless Chromium driven over the DevTools protocol. Every marker is
 * seen by the page and by both baselines, with latencies that make sense, and no Chromium is left.
 */
@ExtendWith(LocalStackExtension.class)
class LiveBenchIT {

  static final ObjectMapper MAPPER = new ObjectMapper();

  @Test
  void timesEveryMarkerFromTheProducerToThePageAndLeavesNoBrowser(TestStack stack) throws Exception {
    Cli.Result r = Cli.run(new LiveBench().withConfig(stack.configWith(Map.of("cassandra.keyspace", stack.freshName("live")))),
        "--rate", "100", "--duration", "6s", "--warmup", "1s", "--markers-per-second", "5", "--users", "50", "--json");
    System.err.print(r.err());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(JsonDocs.differences("bench http live", r.out())).as(r.out()).isEmpty();
    JsonNode j = MAPPER.readTree(r.out());
    int sent = j.get("sent").asInt();
    // 5 markers a second for 6 s (the first at once, then one every 200 ms)
    assertThat(sent).isBetween(28, 32);
    assertThat(j.get("missingMarkers").asInt()).isZero();
    for (String side : List.of("page", "eventStream", "servingMerge")) {
      JsonNode f = j.get("latencyMillis").get(side);
      assertThat(f.get("markers").asInt()).as(side).isEqualTo(sent);
      assertThat(f.get("p50").asLong()).as(side).isPositive().isLessThanOrEqualTo(f.get("p99").asLong());
      assertThat(f.get("p99").asLong()).as(side).isLessThanOrEqualTo(f.get("max").asLong());
      assertThat(f.get("max").asLong()).as(side).isLessThan(30_000);
    }
    // the event stream is read at most once a second: it cannot be ahead of the merge by more than the merge's
    // 20 ms polling and a read
    assertThat(j.get("latencyMillis").get("eventStream").get("p50").asLong())
        .isGreaterThan(j.get("latencyMillis").get("servingMerge").get("p50").asLong() - 500);
    assertThat(ProcessHandle.current().descendants().filter(p -> p.info().command().orElse("").contains("chromium")).toList())
        .as("Chromium processes left behind").isEmpty();
  }

  @Test
  void withoutChromiumItSaysWhatToInstallInOneLine() {
    Cli.Result r = Cli.run(new BenchCommand(), "http", "live", "--chromium", "/nonexistent/chromium");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).isEqualTo("trendoff: bench http live needs Chromium, and there is none at /nonexistent/chromium:"
        + " apt-get install chromium (or name another with --chromium)" + System.lineSeparator());
  }
}
