package dev.trendoff.producer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.trendoff.avro.Tweet;
import dev.trendoff.avro.TweetSource;
import dev.trendoff.core.KafkaTopics;
import dev.trendoff.core.Settings;
import dev.trendoff.core.UserError;
import dev.trendoff.localstack.junit.LocalStackExtension;
import dev.trendoff.localstack.junit.TestStack;
import picocli.CommandLine;

/**
 * {@code produce --source x-stream} against a fake X API v2 on 127.0.0.1 ({@link FakeXApi}) through the
 * real producer into the test stack's Kafka: a 429 first, then a stream with keep-alives, a post for
 * another program's rule, a broken line and an operational disconnect, then one that stalls, then the
 * last post; the rules are added, listed and deleted, and the bearer token goes nowhere but the header.
 */
@ExtendWith(LocalStackExtension.class)
class XStreamSourceIT {

  static final String TOKEN = "test-bearer-AAAA%2Fsecret";

  @TempDir Path dir;

  @Test
  @org.junit.jupiter.api.Timeout(180)
  void postsArriveThroughRateLimitsDisconnectsAndStallsAndTheRulesAreCleanedUp(TestStack stack) throws Exception {
    String first = FakeXApi.page("1866000000000000001", "Kafka &amp; Spark at scale", "11", "ada", "{OUR_RULE}");
    String other = FakeXApi.page("1866000000000000002", "cats cats cats", "12", "cat_fan", FakeXApi.OTHER_RULE_ID);
    String second = FakeXApi.page("1866000000000000003", "machine learning &lt;3 streams", "13", "grace", "{OUR_RULE}");
    String third = "{\"data\":{\"id\":\"1866000000000000004\",\"text\":\"A long post that the stream cuts\u2026\","
        + "\"note_tweet\":{\"text\":\"A long post that the stream cuts, whole in note_tweet: ai everywhere\"},"
        + "\"author_id\":\"11\",\"created_at\":\"2026-12-01T10:00:09.000Z\",\"lang\":\"en\"},"
        + "\"includes\":{\"users\":[{\"id\":\"11\",\"name\":\"Ada\",\"username\":\"ada\"}]},"
        + "\"matching_rules\":[{\"id\":\"{OUR_RULE}\",\"tag\":\"trendoff\"}]}";
    String disconnect = "{\"errors\":[{\"title\":\"operational-disconnect\",\"disconnect_type\":\"UpstreamOperationalDisconnect\","
        + "\"detail\":\"This stream has been disconnected upstream for operational reasons.\","
        + "\"type\":\"https://api.twitter.com/2/problems/operational-disconnect\"}]}";
    List<FakeXApi.Connection> script = List.of(
        new FakeXApi.Connection(429, Map.of("x-rate-limit-limit", "50", "x-rate-limit-remaining", "0",
            "x-rate-limit-reset", "1796112000"), List.of("{\"title\":\"Too Many Requests\",\"detail\":\"Too Many Requests\","
            + "\"type\":\"about:blank\",\"status\":429}"), FakeXApi.End.CLOSE),
        FakeXApi.Connection.ok(FakeXApi.End.CLOSE, "", first, "", other, "{\"data\": {\"id\": \"18660", second, disconnect),
        FakeXApi.Connection.ok(FakeXApi.End.STALL, ""),
        FakeXApi.Connection.ok(FakeXApi.End.KEEP_ALIVE, third));

    String topic = stack.freshName("tweets");
    KafkaTopics.ensure(Settings.from(stack.configWith(Map.of("kafka.topic", topic))).kafka());
    try (FakeXApi fake = new FakeXApi(TOKEN, script)) {
      Map<String, Object> o = new HashMap<>();
      o.put("kafka.topic", topic);
      o.put("producer.reject-dir", dir.toString());
      o.put("x.api-base-url", fake.baseUrl());
      o.put("x.stall-timeout", "1500ms");
      o.put("x.backoff.rate-limit-start", "700ms");
      o.put("x.backoff.network-step", "100ms");
      o.put("x.backoff.http-start", "100ms");
      CommandLine cl = new CommandLine(new ProduceCommand(() -> stack.configWith(o), Map.of("TRENDOFF_X_BEARER_TOKEN", TOKEN)::get));
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      cl.setOut(new PrintWriter(out));
      cl.setErr(new PrintWriter(err));
      int exit = cl.execute("--source", "x-stream", "--track", "ai,machine learning", "--limit", "3", "--json", "--no-progress");
      assertThat(exit).as(err.toString()).isZero();
      JsonNode s = new ObjectMapper().readTree(out.toString());
      assertThat(s.get("sent").asLong()).isEqualTo(3);
      assertThat(s.get("rejectedByReason").get("malformed-json").asLong()).isEqualTo(1);
      assertThat(s.get("skipped").get("other-rule").asLong()).isEqualTo(1);
      assertThat(s.get("skipped").get("operational-disconnect").asLong()).isEqualTo(1);
      assertThat(s.get("skipped").get("keep-alive").asLong()).isGreaterThanOrEqualTo(3);
      assertThat(out.toString() + err).doesNotContain(TOKEN);

      // the rules: listed, ours added with its tag, and deleted at the end; the other program's rule left alone
      assertThat(fake.ruleRequests.get(0)).isEqualTo("GET");
      JsonNode add = new ObjectMapper().readTree(fake.ruleRequests.get(1));
      assertThat(add.get("add").get(0).get("value").asText()).isEqualTo("ai OR \"machine learning\"");
      assertThat(add.get("add").get(0).get("tag").asText()).isEqualTo("trendoff");
      assertThat(fake.ruleRequests.get(fake.ruleRequests.size() - 1)).contains("\"delete\"").contains("1700000000000000001");
      assertThat(fake.ruleValues()).containsExactly("cats has:images");

      // 429, then the stream, then the stalled one, then the last: waits as configured in between
      assertThat(fake.connectionsServed()).isEqualTo(4);
      List<Long> t = fake.streamConnectNanos;
      assertThat(Duration.ofNanos(t.get(1) - t.get(0))).as("the 429 wait").isGreaterThanOrEqualTo(Duration.ofMillis(700));
      assertThat(Duration.ofNanos(t.get(3) - t.get(2))).as("the stall").isGreaterThanOrEqualTo(Duration.ofMillis(1500));
      assertThat(fake.streamQueries.get(0)).contains("expansions=author_id").contains("user.fields=username")
          .contains("note_tweet");
      assertThat(fake.authorizations).containsOnly("Bearer " + TOKEN);

      List<TopicReader.Message> got = TopicReader.readAll(stack.kafkaBootstrapServers(), topic, 3, Duration.ofSeconds(30));
      assertThat(got).extracting(m -> m.tweet().getId()).containsExactlyInAnyOrder(1866000000000000001L,
          1866000000000000003L, 1866000000000000004L);
      Map<Long, Tweet> byId = new HashMap<>();
      got.forEach(m -> byId.put(m.tweet().getId(), m.tweet()));
      assertThat(byId.get(1866000000000000001L).getText()).isEqualTo("Kafka & Spark at scale");
      assertThat(byId.get(1866000000000000001L).getUserScreenName()).isEqualTo("ada");
      assertThat(byId.get(1866000000000000003L).getText()).isEqualTo("machine learning <3 streams");
      assertThat(byId.get(1866000000000000003L).getUserName()).isEqualTo("GRACE");
      assertThat(byId.get(1866000000000000004L).getText()).isEqualTo("A long post that the stream cuts, whole in note_tweet: ai everywhere");
      assertThat(got).extracting(m -> m.tweet().getSource()).containsOnly(TweetSource.X_STREAM);
      assertThat(got).extracting(TopicReader.Message::key).containsOnly("ada", "grace");
    }
  }

  @Test
  void aRefusedTokenIsOneLineAndLeavesNoRule(TestStack stack) throws Exception {
    String topic = stack.freshName("tweets");
    KafkaTopics.ensure(Settings.from(stack.configWith(Map.of("kafka.topic", topic))).kafka());
    try (FakeXApi fake = new FakeXApi("another-token", List.of(FakeXApi.Connection.ok(FakeXApi.End.CLOSE)))) {
      Map<String, Object> o = Map.of("kafka.topic", topic, "producer.reject-dir", dir.toString(), "x.api-base-url", fake.baseUrl());
      CommandLine cl = new CommandLine(new ProduceCommand(() -> stack.configWith(o), Map.of("TRENDOFF_X_BEARER_TOKEN", TOKEN)::get));
      StringWriter err = new StringWriter();
      cl.setErr(new PrintWriter(err));
      cl.setExecutionExceptionHandler((ex, c, p) -> {
        c.getErr().println(ex.getMessage());
        return ex instanceof UserError ue ? ue.exitCode() : 99;
      });
      int exit = cl.execute("--source", "x-stream", "--track", "ai", "--no-progress");
      assertThat(exit).isEqualTo(1);
      assertThat(err.toString().strip()).isEqualTo("X refused to list the stream rules: HTTP 401 Unauthorized Unauthorized"
          + " (check TRENDOFF_X_BEARER_TOKEN)");
      assertThat(fake.ruleValues()).containsExactly("cats has:images");
      assertThat(fake.connectionsServed()).isZero();
    }
  }
}
