package dev.trendoff.producer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.trendoff.avro.Tweet;
import dev.trendoff.core.KafkaTopics;
import dev.trendoff.core.Settings;
import dev.trendoff.core.UserError;
import dev.trendoff.core.UserKeys;
import dev.trendoff.localstack.junit.LocalStackExtension;
import dev.trendoff.localstack.junit.TestStack;
import dev.trendoff.formats.Fixtures;
import picocli.CommandLine;

/** Every file source and the generator, end to end through ./trendoff produce into the real broker. */
@ExtendWith(LocalStackExtension.class)
class ProduceIT {

  static final ObjectMapper JSON = new ObjectMapper();

  TestStack stack;
  String topic;
  @TempDir Path dir;

  @BeforeEach
  void freshTopic(TestStack stack) {
    this.stack = stack;
    this.topic = stack.freshName("tweets");
    KafkaTopics.ensure(Settings.from(stack.configWith(Map.of("kafka.topic", topic))).kafka());
  }

  /** Runs the command; returns exit code and stdout. */
  record Result(int exit, String out, String err) {
    JsonNode json() throws Exception {
      return JSON.readTree(out);
    }
  }

  Result produce(String... args) {
    Map<String, Object> overrides = new HashMap<>();
    overrides.put("kafka.topic", topic);
    overrides.put("producer.reject-dir", dir.resolve("rejects").toString());
    CommandLine cl = new CommandLine(new ProduceCommand(() -> stack.configWith(overrides)));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    cl.setExecutionExceptionHandler((ex, c, p) -> {
      if (ex instanceof UserError ue) {
        c.getErr().println(ue.getMessage());
        return ue.exitCode();
      }
      throw ex;
    });
    List<String> all = new ArrayList<>(List.of(args));
    all.add("--no-progress");
    int exit = cl.execute(all.toArray(new String[0]));
    return new Result(exit, out.toString(), err.toString());
  }

  List<TopicReader.Message> readTopic(int expected) {
    return TopicReader.readAll(stack.kafkaBootstrapServers(), topic, expected, Duration.ofSeconds(30));
  }

  /** Each message decodes to the expected tweet, field by field, keyed by the user's key. */
  static void assertSameTweets(List<TopicReader.Message> got, List<Tweet> expected) {
    assertThat(got).hasSize(expected.size());
    Map<Long, Tweet> byId = expected.stream().collect(Collectors.toMap(Tweet::getId, Function.identity()));
    for (TopicReader.Message m : got) {
      Tweet want = byId.get(m.tweet().getId());
      assertThat(want).as("tweet %d was expected", m.tweet().getId()).isNotNull();
      Tweet t = m.tweet();
      assertThat(t.getUserScreenName().toString()).isEqualTo(want.getUserScreenName().toString());
      assertThat(m.key()).isEqualTo(UserKeys.of(want.getUserScreenName().toString()));
      assertThat(str(t.getUserName())).isEqualTo(str(want.getUserName()));
      assertThat(t.getText().toString()).isEqualTo(want.getText().toString());
      assertThat(t.getCreatedAt()).isEqualTo(want.getCreatedAt());
      assertThat(str(t.getLang())).isEqualTo(str(want.getLang()));
      assertThat(t.getFavoriteCount()).isEqualTo(want.getFavoriteCount());
      assertThat(t.getRetweetCount()).isEqualTo(want.getRetweetCount());
      assertThat(t.getIsRetweet()).isEqualTo(want.getIsRetweet());
      assertThat(t.getFavorited()).isEqualTo(want.getFavorited());
      assertThat(t.getRetweeted()).isEqualTo(want.getRetweeted());
      assertThat(t.getPossiblySensitive()).isEqualTo(want.getPossiblySensitive());
      assertThat(t.getUserFollowersCount()).isEqualTo(want.getUserFollowersCount());
      assertThat(t.getCoordinates()).isEqualTo(want.getCoordinates());
      assertThat(str(t.getPlace())).isEqualTo(str(want.getPlace()));
      assertThat(t.getSource()).isEqualTo(want.getSource());
      assertThat(t).isEqualTo(want);
    }
  }

  static String str(CharSequence s) {
    return s == null ? null : s.toString();
  }

  static Map<String, Long> counts(JsonNode obj) {
    Map<String, Long> m = new LinkedHashMap<>();
    obj.fields().forEachRemaining(e -> m.put(e.getKey(), e.getValue().asLong()));
    return m;
  }

  @Test
  void jsonlFileEndToEnd() throws Exception {
    Result r = produce("--source", "jsonl", Fixtures.path("statuses.jsonl").toString(), "--json");
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode s = r.json();
    assertThat(s.get("read").asLong()).isEqualTo(14);
    assertThat(s.get("sent").asLong()).isEqualTo(4);
    assertThat(s.get("failed").asLong()).isZero();
    assertThat(counts(s.get("rejectedByReason"))).isEqualTo(Map.of("empty-line", 2L, "malformed-json", 2L,
        "missing-user", 1L, "missing-text", 1L, "not-a-status", 1L, "duplicate-id", 1L, "invalid-utf8", 1L,
        "bad-date", 1L));
    Path rejects = Path.of(s.get("rejectFile").asText());
    assertThat(rejects).startsWith(dir.resolve("rejects"));
    List<String> rejectLines = Files.readAllLines(rejects);
    assertThat(rejectLines).hasSize(10);
    JsonNode dup = rejectLines.stream().map(ProduceIT::json).filter(j -> j.get("reason").asText().equals("duplicate-id"))
        .findFirst().orElseThrow();
    assertThat(dup.get("where").asText()).isEqualTo("statuses.jsonl:10");

    List<Tweet> expected = Fixtures.tweetsOf(Fixtures.read("jsonl", "statuses.jsonl")).subList(0, 4);
    assertSameTweets(readTopic(4), expected);
  }

  @Test
  void gzippedFollowTheHashtagCsvEndToEnd() throws Exception {
    Path gz = dir.resolve("usa.csv.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
      out.write(Files.readAllBytes(Fixtures.path("followthehashtag.csv")));
    }
    Result r = produce("--source", "followthehashtag", gz.toString(), "--json");
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode s = r.json();
    assertThat(s.get("sent").asLong()).isEqualTo(5);
    assertThat(counts(s.get("rejectedByReason"))).isEqualTo(Map.of("wrong-field-count", 1L, "broken-quoting", 2L,
        "missing-user", 1L, "empty-line", 1L, "bad-date", 1L, "bad-number", 1L, "missing-text", 1L));
    assertSameTweets(readTopic(5), Fixtures.tweetsOf(Fixtures.read("followthehashtag", "followthehashtag.csv")));
  }

  @Test
  void aFolderOfTwoXArchiveZipsEndToEnd() throws Exception {
    Path archives = Files.createDirectory(dir.resolve("archives"));
    Fixtures.archiveZip("x-archive/alice", archives);
    Fixtures.archiveZip("x-archive/bob", archives);
    Result r = produce("--source", "x-archive", archives.toString(), "--json");
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode s = r.json();
    assertThat(s.get("sent").asLong()).isEqualTo(9);
    assertThat(counts(s.get("rejectedByReason"))).isEqualTo(Map.of("missing-text", 1L, "bad-date", 1L, "bad-number", 1L,
        "bad-id", 1L));
    assertThat(counts(s.get("skipped"))).isEqualTo(Map.of("earlier-edit", 1L));
    List<String> rejectLines = Files.readAllLines(Path.of(s.get("rejectFile").asText()));
    assertThat(rejectLines).extracting(l -> json(l).get("where").asText())
        .containsExactly("alice.zip data/tweets.js:249", "alice.zip data/tweets.js:267", "alice.zip data/tweets-part1.js:28",
            "alice.zip data/tweets-part1.js:42");
    List<Tweet> expected = new ArrayList<>(Fixtures.tweetsOf(Fixtures.read("x-archive", "x-archive/alice")));
    expected.addAll(Fixtures.tweetsOf(Fixtures.read("x-archive", "x-archive/bob")));
    assertSameTweets(readTopic(9), expected);
  }

  @Test
  void anXV2JsonLinesFileCompressedWithZstdEndToEnd() throws Exception {
    Path zst = dir.resolve("search");
    try (OutputStream out = new com.github.luben.zstd.ZstdOutputStream(Files.newOutputStream(zst))) {
      out.write(Files.readAllBytes(Fixtures.path("x-v2.jsonl")));
    }
    Result r = produce("--source", "x-v2", zst.toString(), "--json");
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode s = r.json();
    assertThat(s.get("read").asLong()).isEqualTo(13);
    assertThat(s.get("sent").asLong()).isEqualTo(5);
    assertThat(counts(s.get("rejectedByReason"))).isEqualTo(Map.of("missing-user", 3L, "empty-line", 1L,
        "malformed-json", 1L, "not-a-status", 1L, "bad-date", 1L, "missing-text", 1L));
    assertSameTweets(readTopic(5), Fixtures.tweetsOf(Fixtures.read("x-v2", "x-v2.jsonl")));
  }

  @Test
  void anXArchiveCutShortIsOneLineAndNothingIsSent() throws Exception {
    byte[] whole = Files.readAllBytes(Fixtures.archiveZip("x-archive/alice", dir));
    Path cut = Files.write(dir.resolve("cut.zip"), java.util.Arrays.copyOf(whole, whole.length / 2));
    Result r = produce("--source", "x-archive", cut.toString());
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err().strip()).startsWith("cut.zip is not a whole zip file").doesNotContain("\n");
  }

  @Test
  void theOldNamesStillWork() throws Exception {
    Result r = produce("--source", "csv", "--file", Fixtures.path("followthehashtag.csv").toString(), "--json");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.err()).contains("--file is deprecated");
    assertThat(r.json().get("source").asText()).isEqualTo("followthehashtag");
    assertThat(r.json().get("sent").asLong()).isEqualTo(5);
    assertSameTweets(readTopic(5), Fixtures.tweetsOf(Fixtures.read("followthehashtag", "followthehashtag.csv")));
  }

  @Test
  void sentiment140FromStandardInputEndToEnd() throws Exception {
    InputStream stdin = System.in;
    try {
      System.setIn(new ByteArrayInputStream(Files.readAllBytes(Fixtures.path("sentiment140.csv"))));
      Result r = produce("--source", "sentiment140", "-", "--json");
      assertThat(r.exit()).as(r.err()).isZero();
      JsonNode s = r.json();
      assertThat(s.get("sent").asLong()).isEqualTo(3);
      assertThat(counts(s.get("rejectedByReason"))).containsEntry("duplicate-id", 1L).containsEntry("bad-id", 1L);
      assertSameTweets(readTopic(3), Fixtures.tweetsOf(Fixtures.read("sentiment140", "sentiment140.csv")).subList(0, 3));
    } finally {
      System.setIn(stdin);
    }
  }

  @Test
  void syntheticEndToEndAndLimit() throws Exception {
    Result r = produce("--source", "synthetic", "--seed", "99", "--users", "50", "--tweets", "3000", "--limit", "2500",
        "--json");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.json().get("sent").asLong()).isEqualTo(2500);
    assertThat(r.json().get("rejected").asLong()).isZero();
    assertThat(r.json().get("rejectFile").isNull()).isTrue();
    SyntheticTweets gen = new SyntheticTweets(99, 50, 2500);
    List<TopicReader.Message> got = readTopic(2500);
    assertSameTweets(got, gen.stream().toList());
    // one user's tweets are on one partition, in order
    Map<String, List<TopicReader.Message>> byUser = got.stream().collect(Collectors.groupingBy(TopicReader.Message::key));
    for (List<TopicReader.Message> mine : byUser.values()) {
      assertThat(mine.stream().map(TopicReader.Message::partition).distinct()).hasSize(1);
      assertThat(mine.stream().map(m -> m.tweet().getId()).toList()).isSorted();
    }
  }

  @Test
  void rateLimitsTheRun() throws Exception {
    long t0 = System.nanoTime();
    Result r = produce("--source", "synthetic", "--tweets", "300", "--rate", "200", "--json");
    double seconds = (System.nanoTime() - t0) / 1e9;
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.json().get("sent").asLong()).isEqualTo(300);
    assertThat(seconds).isGreaterThan(1.4);
  }

  @Test
  void aMissingTopicOrAnUnreachableKafkaIsOneClearLine() {
    Result r = produce("--source", "synthetic", "--tweets", "10", "--topic", "no_such_topic_here");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err().strip()).contains("'no_such_topic_here' does not exist").doesNotContain("\n");

    long t0 = System.nanoTime();
    Result down = produce("--source", "synthetic", "--tweets", "10", "--bootstrap-servers", "127.0.0.1:1");
    assertThat(down.exit()).isEqualTo(1);
    assertThat(down.err().strip()).startsWith("cannot reach Kafka at 127.0.0.1:1");
    assertThat((System.nanoTime() - t0) / 1e9).isLessThan(15);
  }

  @Test
  void missingFileAndUnknownSource() {
    assertThat(produce("--source", "jsonl", dir.resolve("nope.jsonl").toString()).err())
        .contains("file not found");
    Result r = produce("--source", "parquet", "x");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("unknown source 'parquet' (one of jsonl, followthehashtag, sentiment140, x-archive, x-v2,"
        + " synthetic, x-stream, bluesky, twitter)");
  }

  static JsonNode json(String line) {
    try {
      return JSON.readTree(line);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
