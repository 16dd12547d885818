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
import dev.trendoff.localstack.junit.LocalStackExtension;
import dev.trendoff.localstack.junit.TestStack;
import dev.trendoff.formats.Fixtures;
import dev.trendoff.formats.StatusJson;
import picocli.CommandLine;

/**
 * {@code produce --source twitter} against a fake v1.1 stream on 127.0.0.1 (Twitter4J pointed at it
 * with its stream base URL): statuses reach Kafka and decode equal; keep-alives, delete and limit
 * notices are counted as skipped, the malformed line as rejected; a dropped connection is reopened.
 */
@ExtendWith(LocalStackExtension.class)
class TwitterSourceIT {

  @TempDir Path dir;

  @Test
  void statusesArriveNoticesAreSkippedAndTheStreamReconnects(TestStack stack) throws Exception {
    String s1 = Fixtures.line("statuses.jsonl", 1);
    String s2 = Fixtures.line("statuses.jsonl", 2);
    String s4 = Fixtures.line("statuses.jsonl", 4);
    List<String> first = List.of(s1, "", "{\"delete\":{\"status\":{\"id\":1234,\"id_str\":\"1234\",\"user_id\":3}}}",
        "{\"limit\":{\"track\":7,\"timestamp_ms\":\"1459870000000\"}}", "{\"id\": 99, \"text\": \"cut off",
        "", s2);
    List<String> second = List.of(s4);
    String topic = stack.freshName("tweets");
    KafkaTopics.ensure(Settings.from(stack.configWith(Map.of("kafka.topic", topic))).kafka());
    try (FakeTwitterStream fake = new FakeTwitterStream(List.of(first, second))) {
      Map<String, Object> o = new HashMap<>();
      o.put("kafka.topic", topic);
      o.put("producer.reject-dir", dir.toString());
      o.put("twitter.stream-base-url", fake.baseUrl());
      o.put("twitter.consumer-key", "test-consumer-key");
      o.put("twitter.consumer-secret", "test-consumer-secret");
      o.put("twitter.access-token", "test-access-token");
      o.put("twitter.access-token-secret", "test-access-token-secret");
      CommandLine cl = new CommandLine(new ProduceCommand(() -> stack.configWith(o)));
      StringWriter out = new StringWriter();
      cl.setOut(new PrintWriter(out));
      int exit = cl.execute("--source", "twitter", "--track", "ai,data", "--locations", "-122.75,36.8,-121.75,37.8",
          "--limit", "3", "--json", "--no-progress");
      assertThat(exit).isZero();
      JsonNode s = new ObjectMapper().readTree(out.toString());
      assertThat(s.get("sent").asLong()).isEqualTo(3);
      assertThat(s.get("rejectedByReason").get("malformed-json").asLong()).isEqualTo(1);
      assertThat(s.get("rejected").asLong()).isEqualTo(1);
      assertThat(s.get("skipped").get("delete").asLong()).isEqualTo(1);
      assertThat(s.get("skipped").get("limit").asLong()).isEqualTo(1);
      assertThat(s.get("skipped").get("keep-alive").asLong()).isGreaterThanOrEqualTo(2);

      assertThat(fake.connectionsServed()).isGreaterThanOrEqualTo(2);
      assertThat(fake.requestBodies.get(0)).contains("track=ai,data").contains("locations=-122.75,36.8,-121.75,37.8");
      assertThat(fake.authorizations.get(0)).startsWith("OAuth ").contains("oauth_consumer_key=\"test-consumer-key\"")
          .doesNotContain("test-consumer-secret");

      StatusJson format = new StatusJson(TweetSource.TWITTER);
      List<Tweet> expected = List.of(format.parse(s1).tweet(), format.parse(s2).tweet(), format.parse(s4).tweet());
      List<TopicReader.Message> got = TopicReader.readAll(stack.kafkaBootstrapServers(), topic, 3, Duration.ofSeconds(30));
      ProduceIT.assertSameTweets(got, expected);
      assertThat(got).extracting(m -> m.tweet().getSource()).containsOnly(TweetSource.TWITTER);
    }
  }
}
