package dev.trendoff.producer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

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
import picocli.CommandLine;

/**
 * {@code produce --source bluesky} against a fake Jetstream and AppView on 127.0.0.1
 * ({@link FakeJetstream}) through the real producer into the test stack's Kafka: handles from identity
 * events and the resolver, posts without a usable handle set aside, a disconnect resumed from the last
 * event, and a restart that resumes from the recorded cursor without losing or repeating a post.
 */
@ExtendWith(LocalStackExtension.class)
class BlueskySourceIT {

  static final ObjectMapper JSON = new ObjectMapper();
  static final long T = 1_764_579_600_000_000L;
  static final String ALICE = "did:plc:alice2a6ekdqvyn7hjtmbopqi";
  static final String BOB = "did:plc:bobq7wqzsbkpkr6lrnbuzz2a";
  static final String CAROL = "did:web:carol.example.org";
  static final String GHOST = "did:plc:ghostxxxxxxxxxxxxxxxxxxx";
  static final String MALLORY = "did:plc:malloryyyyyyyyyyyyyyyyyy";

  @TempDir Path dir;

  record Run(int exit, JsonNode summary, String err) {}

  Run produce(TestStack stack, String topic, FakeJetstream fake, String... args) throws Exception {
    Map<String, Object> o = new HashMap<>();
    o.put("kafka.topic", topic);
    o.put("producer.reject-dir", dir.resolve("rejects").toString());
    o.put("bluesky.jetstream-url", fake.jetstreamUrl());
    o.put("bluesky.resolver-url", fake.appViewUrl());
    o.put("bluesky.cursor-file", dir.resolve("cursor.json").toString());
    o.put("bluesky.handle-wait", "1s");
    o.put("bluesky.retry-unknown-after", "200ms");
    o.put("bluesky.checkpoint-interval", "300ms");
    o.put("bluesky.backoff-step", "100ms");
    CommandLine cl = new CommandLine(new ProduceCommand(() -> stack.configWith(o)));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    List<String> all = new ArrayList<>(List.of("--source", "bluesky", "--json", "--no-progress"));
    all.addAll(List.of(args));
    int exit = cl.execute(all.toArray(new String[0]));
    return new Run(exit, exit == 0 ? JSON.readTree(out.toString()) : null, err.toString());
  }

  static String topic(TestStack stack) {
    String topic = stack.freshName("tweets");
    KafkaTopics.ensure(Settings.from(stack.configWith(Map.of("kafka.topic", topic))).kafka());
    return topic;
  }

  static Map<String, Long> counts(JsonNode obj) {
    Map<String, Long> m = new HashMap<>();
    obj.fields().forEachRemaining(e -> m.put(e.getKey(), e.getValue().asLong()));
    return m;
  }

  @Test
  void postsAreKeyedByVerifiedHandlesOnlyAndADisconnectLosesNothing(TestStack stack) throws Exception {
    List<String> events = List.of(
        FakeJetstream.identity(ALICE, T + 1, "alice.example.com"),
        FakeJetstream.post(ALICE, T + 2, "3laaaaaaaaa2a", "Hello Bluesky & friends <3 &amp; more"),
        FakeJetstream.post(BOB, T + 3, "3lbbbbbbbbb2a", "Kafka keeps every user in order"),
        FakeJetstream.account(BOB, T + 4),
        FakeJetstream.delete(BOB, T + 5, "3lbbbbbbbbb2a"),
        FakeJetstream.post(GHOST, T + 6, "3lggggggggg2a", "Nobody knows my name"),
        FakeJetstream.post(MALLORY, T + 7, "3lmmmmmmmmm2a", "My handle does not verify"),
        FakeJetstream.post(CAROL, T + 8, "3lccccccccc2a", ""),
        // the first connection is closed here; the second starts 1.5 s later, from the last event received
        FakeJetstream.identity(CAROL, T + 9, "carol.example.org"),
        FakeJetstream.post(CAROL, T + 10, "3lccccccccc2b", "Coffee and Kafka on a web DID"),
        "{\"did\":\"did:plc:broken\",\"time_us\":",
        FakeJetstream.identity(ALICE, T + 11, "alice2.example.com"),
        FakeJetstream.post(ALICE, T + 12, "3laaaaaaaaa2b", "Renamed but still me"));
    Map<String, String> profiles = Map.of(BOB, "bob.bsky.social", MALLORY, "handle.invalid", ALICE, "wrong.example.net");
    String topic = topic(stack);
    try (FakeJetstream fake = new FakeJetstream(events, 8, 1500, profiles)) {
      Run r = produce(stack, topic, fake, "--limit", "4");
      assertThat(r.exit()).as(r.err()).isZero();
      JsonNode s = r.summary();
      assertThat(s.get("sent").asLong()).isEqualTo(4);
      assertThat(counts(s.get("rejectedByReason"))).isEqualTo(Map.of("missing-user", 2L, "malformed-json", 1L));
      assertThat(counts(s.get("skipped"))).isEqualTo(Map.of("identity", 3L, "account", 1L, "delete", 1L, "no-text", 1L));
      List<JsonNode> rejects = Files.readAllLines(Path.of(s.get("rejectFile").asText())).stream().map(BlueskySourceIT::json).toList();
      assertThat(rejects).extracting(j -> j.get("detail").asText()).anySatisfy(d -> assertThat(d)
          .isEqualTo(MALLORY + " has no verified handle (the AppView says handle.invalid)"))
          .anySatisfy(d -> assertThat(d).isEqualTo("no handle for " + GHOST
              + " within 1 s: neither an identity event nor the resolver named it"));
      assertThat(rejects).filteredOn(j -> j.get("reason").asText().equals("missing-user"))
          .allSatisfy(j -> assertThat(j.get("raw").asText()).contains("\"kind\":\"commit\""));

      assertThat(fake.connections()).isEqualTo(2);
      assertThat(fake.requests.get(0)).isEqualTo("/subscribe?wantedCollections=app.bsky.feed.post");
      assertThat(fake.requests.get(1)).isEqualTo("/subscribe?wantedCollections=app.bsky.feed.post&cursor=" + (T + 8));
      // alice was named by an identity event: the resolver was never asked about her (it would have said another name)
      assertThat(fake.resolverRequests).noneMatch(q -> q.contains(ALICE));

      List<TopicReader.Message> got = TopicReader.readAll(stack.kafkaBootstrapServers(), topic, 4, Duration.ofSeconds(30));
      Map<String, List<String>> textsByKey = got.stream().collect(Collectors.groupingBy(TopicReader.Message::key,
          Collectors.mapping(m -> m.tweet().getText().toString(), Collectors.toList())));
      assertThat(textsByKey).isEqualTo(Map.of(
          "alice.example.com", List.of("Hello Bluesky & friends <3 &amp; more"),
          "bob.bsky.social", List.of("Kafka keeps every user in order"),
          "carol.example.org", List.of("Coffee and Kafka on a web DID"),
          "alice2.example.com", List.of("Renamed but still me")));
      assertThat(got).extracting(m -> m.tweet().getSource()).containsOnly(TweetSource.BLUESKY);
      Tweet bob = got.stream().filter(m -> m.key().equals("bob.bsky.social")).findFirst().orElseThrow().tweet();
      assertThat(bob.getUserName()).isEqualTo("BOB");
      assertThat(bob.getLang()).isEqualTo("en");

      JsonNode cursor = JSON.readTree(Files.readString(dir.resolve("cursor.json")));
      assertThat(cursor.get("cursor").asLong()).isEqualTo(T + 12);
    }
  }

  @Test
  void aRestartResumesFromTheCursorWithoutLossOrRepeats(TestStack stack) throws Exception {
    List<String> events = new ArrayList<>();
    List<String> dids = List.of(BOB, MALLORY);
    for (int i = 1; i <= 10; i++) {
      events.add(FakeJetstream.post(dids.get(i % 2), T + 100 * i, "3lrestart" + (100 + i), "post number " + i + " about kafka"));
    }
    Map<String, String> profiles = Map.of(BOB, "bob.bsky.social", MALLORY, "mallory.example.com");
    String topic = topic(stack);
    try (FakeJetstream fake = new FakeJetstream(events, 0, 0, profiles)) {
      Run first = produce(stack, topic, fake, "--limit", "4");
      assertThat(first.exit()).as(first.err()).isZero();
      assertThat(first.summary().get("sent").asLong()).isEqualTo(4);
      JsonNode cursor = JSON.readTree(Files.readString(dir.resolve("cursor.json")));
      long at = cursor.get("cursor").asLong();
      Set<Long> sentAfter = new java.util.HashSet<>();
      cursor.get("sentAfterCursor").forEach(x -> sentAfter.add(x.get("id").asLong()));

      Run second = produce(stack, topic, fake, "--limit", "6");
      assertThat(second.exit()).as(second.err()).isZero();
      assertThat(second.summary().get("sent").asLong()).isEqualTo(6);
      assertThat(second.summary().get("rejected").asLong()).isZero();
      assertThat(fake.requests.get(1)).isEqualTo("/subscribe?wantedCollections=app.bsky.feed.post&cursor=" + at);
      if (!sentAfter.isEmpty()) {
        assertThat(counts(second.summary().get("skipped"))).containsEntry("already-sent", (long) sentAfter.size());
      }

      List<TopicReader.Message> got = TopicReader.readAll(stack.kafkaBootstrapServers(), topic, 10, Duration.ofSeconds(30));
      assertThat(got).hasSize(10);
      assertThat(got).extracting(m -> m.tweet().getText().toString()).containsExactlyInAnyOrderElementsOf(
          java.util.stream.IntStream.rangeClosed(1, 10).mapToObj(i -> "post number " + i + " about kafka").toList());
      assertThat(got.stream().map(m -> m.tweet().getId()).distinct()).hasSize(10);
    }
  }

  static JsonNode json(String line) {
    try {
      return JSON.readTree(line);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
