package dev.trendoff.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.typesafe.config.Config;

import dev.trendoff.batch.Recompute;
import dev.trendoff.batch.RecomputeSummary;
import dev.trendoff.core.Settings;
import dev.trendoff.localstack.junit.LocalStackExtension;
import dev.trendoff.localstack.junit.TestStack;
import dev.trendoff.producer.SyntheticTweets;
import dev.trendoff.serving.CompareRequest;
import dev.trendoff.serving.Comparison;
import dev.trendoff.serving.ComparisonJson;
import dev.trendoff.serving.QueryService;
import dev.trendoff.serving.Recount;
import dev.trendoff.serving.WordCounts;

/**
 * The demo end to end on the real stack: producer, speed layer and batch ingest (child JVMs), a
 * recompute in the middle of the stream, more tweets after it; then compare-users for several pairs
 * equals a recount of the produced tweets, word by word, in the order of docs/compare.md 'Ranks', with
 * the rates and z of 'Rates and z'; and, once another recompute has absorbed everything, with the corpus prior.
 */
@ExtendWith(LocalStackExtension.class)
class EndToEndIT {

  private static final long SEED = 77;
  private static final int USERS = 12;
  private static final int TWEETS = 4000;

  @Test
  void demoAnswersEqualARecountOfTheProducedTweets(TestStack stack, @TempDir Path out) throws Exception {
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    // topics, groups and keyspace of its own: the stack may be the build's shared one
    Config own = stack.configWith(Map.of("kafka.topic", stack.freshName("demo"), "kafka.dlq-topic", stack.freshName("demo_dlq"),
        "kafka.speed-group", stack.freshName("speed"), "kafka.batch-group", stack.freshName("batch"),
        "cassandra.keyspace", stack.freshName("demo")));
    Demo.Result result = new Demo(own,
        new Demo.Options(SEED, USERS, TWEETS, 2000, true, out, Duration.ofMinutes(4)),
        new PrintStream(console, true, StandardCharsets.UTF_8)).run();
    String printed = console.toString(StandardCharsets.UTF_8);

    assertThat(result.tweetsSent()).isEqualTo(TWEETS);
    assertThat(result.recompute().published()).isTrue();
    assertThat(result.chart()).exists();
    String demoJson = dev.trendoff.core.JsonOption.of(result.json());
    assertThat(dev.trendoff.localstack.junit.JsonDocs.differences("demo", demoJson)).as(demoJson).isEmpty();
    assertThat(demoJson).contains("\"tweetsSent\":" + TWEETS).contains("\"users\":[\"" + result.userA() + "\",\"");
    assertThat(printed).contains("[7/7]").contains("chart written to").contains("ranked by distinctive");
    assertThat(result.distinctiveChart()).exists();
    // the stack belongs to the test: the demo must leave it running
    assertThat(stack.pids()).hasSize(2);

    Map<String, Recount> recount = Recount.of(new SyntheticTweets(SEED, USERS, TWEETS));
    List<String[]> pairs = new ArrayList<>();
    pairs.add(new String[] {result.userA(), result.userB()});
    Random r = new Random(5);
    List<String> names = new ArrayList<>(recount.keySet());
    names.sort(Comparator.naturalOrder());
    while (pairs.size() < 5) {
      String a = names.get(r.nextInt(names.size()));
      String b = names.get(r.nextInt(names.size()));
      if (!a.equals(b)) {
        pairs.add(new String[] {a, b});
      }
    }

    try (QueryService compare = QueryService.open(Settings.from(own).cassandra())) {
      for (String[] p : pairs) {
        Comparison shared = compare.compare(CompareRequest.parse(List.of(p[0], p[1]), "shared", "all"));
        assertThat(shared.words()).as("shared ranking of %s vs %s", p[0], p[1])
            .isEqualTo(mutual(recount.get(p[0]), recount.get(p[1]), Comparator.comparingLong(WordCounts::min).reversed()
                .thenComparing(Comparator.comparingLong(WordCounts::sum).reversed())));
        Comparison total = compare.compare(CompareRequest.parse(List.of(p[0], p[1]), "total", "all"));
        assertThat(total.words()).as("total ranking of %s vs %s", p[0], p[1])
            .isEqualTo(mutual(recount.get(p[0]), recount.get(p[1]), Comparator.comparingLong(WordCounts::sum).reversed()));

        JsonNode json = ComparisonJson.tree(compare.compare(CompareRequest.parse(List.of(p[0], p[1]), null, null)));
        for (int i = 0; i < 2; i++) {
          String user = p[i];
          JsonNode u = json.get("users").get(i);
          assertThat(u.get("name").asText()).isEqualTo(user);
          assertThat(u.get("tweets").asLong()).as("tweets of %s", user).isEqualTo(recount.get(user).tweets());
          assertThat(u.get("words").asLong()).as("tokens of %s", user).isEqualTo(recount.get(user).tokens());
        }
        assertThat(json.get("words")).hasSize(Math.min(20, shared.words().size()));
        assertThat(json.get("view").get("version").asLong()).isEqualTo(result.recompute().version());
        // every rank gives each word's rates and z: those of the recount
        Map<String, DistinctiveOracle.Word> oracle = new java.util.HashMap<>();
        DistinctiveOracle.distinctive(recount.get(p[0]).words(), recount.get(p[1]).words(), 1000, null)
            .forEach(w -> oracle.put(w.word(), w));
        json.get("words").forEach(w -> DistinctiveOracle.assertClose(w.get("z").doubleValue(),
            oracle.get(w.get("word").asText()).z(), "z of " + w.get("word").asText()));
      }
    }

    // --rank distinctive --top all --json after the recompute in mid-stream: the recount word by word, in order
    Settings settings = Settings.from(own);
    for (String[] p : pairs) {
      JsonNode j = json(settings, p[0], p[1], "--rank", "distinctive", "--top", "all", "--json");
      assertThat(j.get("view").get("version").asLong()).isEqualTo(result.recompute().version());
      assertThat(j.get("method").toString()).isEqualTo("{\"rank\":\"distinctive\",\"prior\":\"pooled\",\"prior_size\":1000}");
      DistinctiveOracle.assertWords(j.get("words"),
          DistinctiveOracle.distinctive(recount.get(p[0]).words(), recount.get(p[1]).words(), 1000, null));
    }

    // a recompute absorbs everything: --prior corpus takes all users' recounted words as the prior
    RecomputeSummary absorbed;
    try (Recompute recompute = new Recompute(settings)) {
      absorbed = recompute.runOnce();
    }
    assertThat(absorbed.published()).isTrue();
    // incremental (the default): it counts what came in after the demo's recompute, on top of that version
    assertThat(absorbed.tweets()).isEqualTo(TWEETS - result.recompute().tweets());
    Map<String, Long> corpus = new java.util.HashMap<>();
    recount.values().forEach(u -> u.words().forEach((w, n) -> corpus.merge(w, n, Long::sum)));
    for (String[] p : pairs) {
      JsonNode j = json(settings, p[0], p[1], "--rank", "distinctive", "--top", "all", "--prior", "corpus", "--json");
      assertThat(j.get("view").get("version").asLong()).isEqualTo(absorbed.version());
      assertThat(j.get("view").get("speedRows").asInt()).isZero();
      assertThat(j.get("method").get("prior").asText()).isEqualTo("corpus");
      DistinctiveOracle.assertWords(j.get("words"),
          DistinctiveOracle.distinctive(recount.get(p[0]).words(), recount.get(p[1]).words(), 1000, corpus));
    }
  }

  static JsonNode json(Settings settings, String... args) throws Exception {
    Cli.Result r = Cli.run(new CompareUsersCommand(() -> settings), args);
    assertThat(r.exit()).as(r.err()).isZero();
    return new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.out());
  }

  /** The mutual words of two recounts, in {@code order}, ties by word in code-point order. */
  static List<WordCounts> mutual(Recount a, Recount b, Comparator<WordCounts> order) {
    List<WordCounts> out = new ArrayList<>();
    a.words().forEach((word, n) -> {
      if (b.words().containsKey(word)) {
        out.add(new WordCounts(word, n, b.words().get(word)));
      }
    });
    out.sort(order.thenComparing(WordCounts::word, EndToEndIT::codePointOrder));
    return out;
  }

  static int codePointOrder(String x, String y) {
    return java.util.Arrays.compare(x.codePoints().toArray(), y.codePoints().toArray());
  }
}
