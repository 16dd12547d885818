package dev.trendoff.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trendoff.batch.RecomputeSummary;
import dev.trendoff.bench.BatchBench;
import dev.trendoff.bench.ProduceBench;
import dev.trendoff.bench.ServingBench;
import dev.trendoff.bench.SpeedBench;
import dev.trendoff.core.JsonOption;
import dev.trendoff.csvloader.LoadCsv;
import dev.trendoff.localstack.LocalStack;
import dev.trendoff.localstack.StackCommand;
import dev.trendoff.localstack.junit.JsonDocs;
import dev.trendoff.producer.RunSummary;
import dev.trendoff.core.DeadLetterTopic;
import dev.trendoff.serving.KafkaLag;
import dev.trendoff.serving.StatusReport;
import dev.trendoff.views.Cut;
import dev.trendoff.views.TableCounts;
import dev.trendoff.views.ViewPointer;
import dev.trendoff.views.ViewStore;
import org.junit.jupiter.api.Test;

/**
 * Each command's --json object, built from its report, against the example of docs/json.md (field names,
 * nesting, kinds) and for the figures it derives. The same objects from real runs are checked in the
 * integration tests (LauncherIT, LoadCsvIT, RecomputeIT, StatusIT, CompareUsersIT, EndToEndIT).
 */
class JsonReportsTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static JsonNode documented(String command, Object report) throws Exception {
    String json = JsonOption.of(report);
    assertThat(json).doesNotContain("\n");
    assertThat(JsonDocs.differences(command, json)).as(json).isEmpty();
    return MAPPER.readTree(json);
  }

  @Test
  void stack() throws Exception {
    JsonNode j = documented("stack status", StackCommand.json(List.of(
        new LocalStack.ServiceStatus("kafka", Optional.of(4242L), "127.0.0.1:19092", true, 2048, Path.of("var/kafka")),
        new LocalStack.ServiceStatus("cassandra", Optional.empty(), "127.0.0.1:19042", false, 0, Path.of("var/cassandra")))));
    assertThat(j.get("services").get(0).get("pid").asLong()).isEqualTo(4242);
    assertThat(j.get("services").get(1).get("pid").isNull()).isTrue();
    assertThat(j.get("services").get(1).get("up").asBoolean()).isFalse();
    assertThat(j.get("up").asBoolean()).as("one service is down").isFalse();
  }

  @Test
  void produce() throws Exception {
    JsonNode j = documented("produce", MAPPER.readTree(new RunSummary("jsonl", 17, 12, 0, 5,
        new TreeMap<>(Map.of("malformed-json", 3L, "no-user", 2L)), new TreeMap<>(), 2.0, "var/rejects/r.jsonl", false)
        .toJson()));
    assertThat(j.get("rejectedByReason").get("malformed-json").asLong()).isEqualTo(3);
    assertThat(j.get("tweetsPerSecond").asDouble()).isEqualTo(6.0);
  }

  @Test
  void recompute() throws Exception {
    Cut cut = Cut.of("AAAA", java.util.Set.of(), Map.of(0, 120L, 1, 98L));
    JsonNode j = documented("batch-layer recompute", new RecomputeSummary(7L, false, null, cut,
        new ViewStore.Flip(ViewStore.FlipOutcome.PUBLISHED, false, null), false, 50, 2, 0, Map.of("bad-user", 3L), 3, 40,
        400, 5, 21.24).json());
    assertThat(j.get("kind").asText()).isEqualTo("full");
    assertThat(j.get("fullBecause").isNull()).isTrue();
    assertThat(j.get("cut").asText()).isEqualTo("0=120,1=98");
    assertThat(j.get("topicId").asText()).isEqualTo("AAAA");
    assertThat(j.get("published").asBoolean()).isTrue();
    assertThat(j.get("flip").asText()).isEqualTo("published");
    assertThat(j.get("skippedMasterRows").get("bad-user").asLong()).isEqualTo(3);
    assertThat(j.get("seconds").asDouble()).isEqualTo(21.2);
    JsonNode withdrawn = documented("batch-layer recompute", new RecomputeSummary(8L, false, "the topic was adopted", cut,
        new ViewStore.Flip(ViewStore.FlipOutcome.LOST, true, null), true, 50, 2, 0, Map.of(), 3, 40, 400, 0, 1).json());
    assertThat(withdrawn.get("fullBecause").asText()).isEqualTo("the topic was adopted");
    JsonNode incremental = documented("batch-layer recompute", new RecomputeSummary(9L, true, null, cut,
        new ViewStore.Flip(ViewStore.FlipOutcome.PUBLISHED, false, null), false, 120, 0, 4, Map.of(), 17, 900, 1300, 120,
        0.8).json());
    assertThat(incremental.get("kind").asText()).isEqualTo("incremental");
    assertThat(incremental.get("tweets").asLong()).isEqualTo(120);
    assertThat(incremental.get("alreadyCounted").asLong()).isEqualTo(4);
    assertThat(incremental.get("users").asLong()).isEqualTo(17);
    assertThat(withdrawn.get("published").asBoolean()).isFalse();
    assertThat(withdrawn.get("flip").asText()).isEqualTo("lost");
    assertThat(withdrawn.get("flipTimedOut").asBoolean()).isTrue();
    assertThat(withdrawn.get("adoptedTopic").asBoolean()).isTrue();
  }

  @Test
  void status() throws Exception {
    StatusReport report = new StatusReport("127.0.0.1:9092", "tweets", "BBBB",
        List.of(new KafkaLag.GroupLag("speed", List.of(new KafkaLag.PartitionLag(0, 10, 7L), new KafkaLag.PartitionLag(1, 5, null)))),
        new DeadLetterTopic.Counts(Map.of("speed-layer", Map.of("bad-user", 2L)), 2, true), "127.0.0.1:9042", "trendoff",
        1000, new TableCounts.Result(List.of(new TableCounts.Count("tweets", 1000, false)),
            new TableCounts.SpeedSplit(9, 3, 1, true)),
        new ViewPointer(5L, Cut.of("AAAA", java.util.Set.of(), Map.of(0, 7L)), null), Map.of("bad-user", 3L), List.of());
    JsonNode j = MAPPER.readTree(report.json());
    assertThat(JsonDocs.differences("status", j)).as(j.toString()).isEmpty();
    assertThat(j.get("kafka").get("deadLetters").get("byLayer").get("speed-layer").get("bad-user").asLong()).isEqualTo(2);
    assertThat(j.get("cassandra").get("view").get("skippedMasterRows").get("bad-user").asLong()).isEqualTo(3);
    assertThat(j.get("cassandra").get("view").get("topicChanged").asText()).as("the cut is of AAAA, Kafka's topic is BBBB")
        .contains("AAAA").contains("BBBB");
    JsonNode down = MAPPER.readTree(new StatusReport("k", "tweets", null, null, null, "c", "trendoff", 10, null, null,
        Map.of(), List.of("cannot reach Kafka")).json());
    assertThat(down.get("kafka").has("deadLetters")).as("documented: absent when Kafka is down").isFalse();
    assertThat(down.get("errors").get(0).asText()).isEqualTo("cannot reach Kafka");
  }

  @Test
  void loadCsv() throws Exception {
    JsonNode j = documented("load-csv", new LoadCsv.Summary(Path.of("t.csv"), 17, 12, 5, Path.of("var/rejects/x.jsonl"),
        78.06, java.util.Map.of("earlier-edit", 1L)).json());
    assertThat(j.get("skipped").get("earlier-edit").asLong()).isEqualTo(1);
    assertThat(j.get("rejectFile").asText()).isEqualTo("var/rejects/x.jsonl");
    JsonNode none = documented("load-csv", new LoadCsv.Summary(Path.of("t.csv"), 3, 3, 0, null, 1, java.util.Map.of()).json());
    assertThat(none.get("rejectFile").isNull()).isTrue();
  }

  @Test
  void benchProduce() throws Exception {
    JsonNode j = documented("bench produce", ProduceBench.report(1000, 10, 4, 175,
        List.of(Map.of("trendoff", 90L, "baseline", 100L)), 90, 100));
    assertThat(j.get("ratio").asDouble()).isEqualTo(0.9);
    assertThat(j.get("met").asBoolean()).isTrue();
  }

  @Test
  void benchBatch() throws Exception {
    JsonNode j = documented("bench batch", BatchBench.report(1_000_000, 1000, 17.0, 11.2, 50, 40, 5949, 1007));
    assertThat(j.get("recompute").get("ratio").asDouble()).isEqualTo(1.52);
    assertThat(j.get("ingest").get("trendoffTweetsPerSecond").asLong()).isEqualTo(20_000);
    assertThat(j.get("ingest").get("ratio").asDouble()).isEqualTo(0.8);
  }

  @Test
  void benchBatchIncremental() throws Exception {
    JsonNode j = documented("bench batch", dev.trendoff.bench.IncrementalBench.report(100_000, 100_000, List.of(
        new dev.trendoff.bench.IncrementalBench.Figures(1_000_000, 30, 10.0, 60.0, 63_000, true),
        new dev.trendoff.bench.IncrementalBench.Figures(10_000_000, 300, 12.0, 600.0, 63_000, true))));
    assertThat(j.get("bench").asText()).isEqualTo("batch-incremental");
    assertThat(j.get("histories")).hasSize(2);
    assertThat(j.get("fullOverIncremental").asDouble()).isEqualTo(50.0);
    assertThat(j.get("growth").asDouble()).isEqualTo(1.2);
  }

  @Test
  void benchSpeed() throws Exception {
    List<Map<String, Object>> steps = List.of(Map.of("rate", 2000, "produced", 1999L, "consumed", 1959L,
        "lagStart", 1683L, "lagEnd", 2580L, "keptUp", true));
    JsonNode j = documented("bench speed", SpeedBench.report(2000, Duration.ofSeconds(60),
        SpeedBench.freshness(List.of(700L, 800L, 900L)), SpeedBench.freshness(List.of(10L, 12L, 40L)), 0, steps, 2000));
    assertThat(j.get("freshnessMillis").get("trendoff").get("max").asLong()).isEqualTo(900);
    assertThat(j.get("highestSustainedRate").asInt()).isEqualTo(2000);
    assertThat(documented("bench speed", SpeedBench.report(2000, Duration.ofSeconds(5),
        SpeedBench.freshness(List.of(700L)), SpeedBench.freshness(List.of(10L)), 1, List.of(), null))
        .get("highestSustainedRate").isNull()).isTrue();
  }

  @Test
  void benchServing() throws Exception {
    JsonNode j = documented("bench serving", ServingBench.report(100, new long[] {1000, 8000}, 50,
        new double[] {1.5, 6.0, 20.0}, 0, new double[] {4000, 3000}));
    assertThat(j.get("speedUp").get("minOverP99").asLong()).isEqualTo(500);
    JsonNode noScan = documented("bench serving", ServingBench.report(100, new long[] {1000, 8000}, 50,
        new double[] {1.5, 6.0, 20.0}, 0, null));
    assertThat(noScan.get("baselineMillis").isNull()).isTrue();
  }

  @Test
  void benchHttp() throws Exception {
    JsonNode j = documented("bench http", dev.trendoff.bench.HttpBench.report(8, 6000,
        new dev.trendoff.bench.HttpBench.Result(2150.4, 3.14, 12.0), new dev.trendoff.bench.HttpBench.Result(2900, 2.4, 8.0), 0));
    assertThat(j.get("trendoff").get("requestsPerSecond").asLong()).isEqualTo(2150);
    assertThat(j.get("p99Ratio").asDouble()).isEqualTo(1.5);
    assertThat(j.get("p99RatioMet").asBoolean()).isTrue();
  }

  @Test
  void stopwordsInProcess() throws Exception {
    Cli.Result r = Cli.run(new Main(), "stopwords", "--json");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(JsonDocs.differences("stopwords", r.out())).isEmpty();
    JsonNode words = MAPPER.readTree(r.out()).get("stopwords");
    assertThat(words.size()).isGreaterThan(100);
    assertThat(words.toString()).contains("\"the\"");
  }
}
