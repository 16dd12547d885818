package dev.trendoff.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import com.datastax.oss.driver.api.core.CqlSession;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.typesafe.config.Config;

import dev.trendoff.avro.Tweet;
import dev.trendoff.avro.TweetCodec;
import dev.trendoff.batch.BatchIngest;
import dev.trendoff.batch.MasterRow;
import dev.trendoff.batch.MasterRowStatements;
import dev.trendoff.batch.Recompute;
import dev.trendoff.batch.RecomputeSummary;
import dev.trendoff.core.CassandraSessions;
import dev.trendoff.core.DeadLetterTopic;
import dev.trendoff.core.Settings;
import dev.trendoff.localstack.junit.LocalStackExtension;
import dev.trendoff.localstack.junit.TestStack;
import dev.trendoff.producer.ProduceCommand;
import dev.trendoff.producer.SyntheticTweets;
import dev.trendoff.serving.Status;
import dev.trendoff.serving.StatusReport;
import dev.trendoff.speed.SpeedLayer;

/**
 * Fault 1 of docs/lambda.md 'Faults and what they do': a tweet whose screen name is "@" and one whose
 * screen name is over-long, in the middle of a real file and put on the topic by a producer that is
 * not ours. The parsers reject them; both layers set them aside in the dead-letter topic, once each,
 * and go on; the recompute publishes (skipping, and saying so, a master row an older ingest wrote for
 * such a tweet); every other user's answer equals a recount.
 */
@ExtendWith(LocalStackExtension.class)
class PoisonPillIT {

  static final ObjectMapper JSON = new ObjectMapper();
  static final DateTimeFormatter CREATED_AT = DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss Z yyyy", Locale.ENGLISH);
  static final String LONG_NAME = "n".repeat(700);

  @Test
  void recordsNoLayerCanWriteAreSetAsideOncePerLayerAndEverythingElseIsCountedExactly(TestStack stack, @TempDir Path dir)
      throws Exception {
    Config config = Faults.own(stack, "poison", Map.of("producer.reject-dir", dir.resolve("rejects").toString()));
    Settings s = Faults.settings(config);
    SyntheticTweets synth = new SyntheticTweets(3, 20, 600);
    List<Tweet> good = synth.stream().toList();

    // a real file of Twitter v1.1 statuses in two parts; the bad statuses sit where one ends and the other starts
    Path first = dir.resolve("first.jsonl");
    Path second = dir.resolve("second.jsonl");
    Files.write(first, lines(good.subList(0, 300), status(9_000_001L, "@", "a screen name that is only an at sign")));
    Files.write(second, lines(List.of(), status(9_000_002L, LONG_NAME, "a screen name of 700 characters")));
    Files.write(second, lines(good.subList(300, 600)), java.nio.file.StandardOpenOption.APPEND);
    for (Path file : List.of(first, second)) {
      Faults.Run r = Faults.command(new ProduceCommand(Faults.supplier(config)), "--source", "jsonl", file.toString(),
          "--json", "--no-progress");
      assertThat(r.exit()).as(r.err()).isZero();
      assertThat(JSON.readTree(r.out()).get("rejectedByReason").get("bad-user").asLong()).as("rejected at the source").isEqualTo(1);
      if (file == first) {
        // a producer that is not ours puts both on the topic, between the two parts
        sendForeign(s, tweet(9_000_001L, "@", "a screen name that is only an at sign"));
        sendForeign(s, tweet(9_000_002L, LONG_NAME, "a screen name of 700 characters"));
      }
    }
    Set<String> badPositions = new TreeSet<>();
    for (ConsumerRecord<byte[], byte[]> r : Faults.readAll(s, s.kafka().topic())) {
      long id = TweetCodec.shared().decode(r.value()).getId();
      if (id == 9_000_001L || id == 9_000_002L) {
        badPositions.add(r.partition() + "/" + r.offset());
      }
    }
    assertThat(badPositions).hasSize(2);

    // both layers read past them, commit the whole topic, and say why they set them aside
    Map<Integer, Long> end = Faults.endOffsets(s);
    var speed = Faults.runUntilCaughtUp(SpeedLayer.job(s), s);
    var ingest = Faults.runUntilCaughtUp(BatchIngest.job(s), s);
    assertThat(Faults.committed(s, s.kafka().speedGroup())).isEqualTo(end);
    assertThat(Faults.committed(s, s.kafka().batchGroup())).isEqualTo(end);
    assertThat(speed.deadLettersByReason()).isEqualTo(Map.of("bad-user", 2L));
    assertThat(ingest.deadLettersByReason()).isEqualTo(Map.of("bad-user", 2L));

    Map<String, Set<String>> setAside = new HashMap<>();
    for (ConsumerRecord<byte[], byte[]> r : Faults.readAll(s, s.kafka().dlqTopic())) {
      assertThat(Faults.header(r, DeadLetterTopic.REASON)).isEqualTo("bad-user");
      assertThat(Faults.header(r, DeadLetterTopic.SOURCE_TOPIC)).isEqualTo(s.kafka().topic());
      assertThat(Faults.header(r, DeadLetterTopic.ERROR)).isNotBlank();
      setAside.computeIfAbsent(Faults.header(r, DeadLetterTopic.LAYER), l -> new TreeSet<>())
          .add(Faults.header(r, DeadLetterTopic.SOURCE_PARTITION) + "/" + Faults.header(r, DeadLetterTopic.SOURCE_OFFSET));
    }
    assertThat(setAside).as("each bad record once per layer").isEqualTo(Map.of("speed-layer", badPositions, "batch-ingest", badPositions));

    // a master row an older ingest wrote for a "@" tweet: the recompute skips it and says so
    try (CqlSession session = CassandraSessions.open(s.cassandra())) {
      MasterRow legacy = new MasterRow();
      legacy.setTweetId(9_000_003L);
      legacy.setUserKey("");
      legacy.setUserScreenName("@");
      legacy.setText("written before the layers checked users");
      session.execute(MasterRowStatements.bind(session.prepare(MasterRowStatements.insert(s.cassandra().keyspace())), legacy));
    }
    RecomputeSummary summary;
    try (Recompute r = new Recompute(s)) {
      summary = r.runOnce();
    }
    assertThat(summary.published()).isTrue();
    assertThat(summary.tweets()).isEqualTo(600);
    assertThat(summary.skipped()).isEqualTo(Map.of("bad-user", 1L));
    assertThat(summary.line()).contains("1 master rows skipped, unusable: bad-user 1");
    Faults.assertAnswersEqualRecount(s, good);

    StatusReport status = Status.read(s);
    assertThat(status.errors()).isEmpty();
    assertThat(status.deadLetters().byLayer()).isEqualTo(Map.of("speed-layer", Map.of("bad-user", 2L),
        "batch-ingest", Map.of("bad-user", 2L)));
    assertThat(status.skipped()).isEqualTo(Map.of("bad-user", 1L));
  }

  static Tweet tweet(long id, String user, String text) {
    return Tweet.newBuilder().setId(id).setUserScreenName(user).setText(text)
        .setCreatedAt(java.time.Instant.parse("2020-01-01T00:00:00Z")).build();
  }

  /** A v1.1 status object, as the API writes it (the fields the jsonl format reads). */
  static String status(long id, String screenName, String text) throws Exception {
    Map<String, Object> user = Map.of("screen_name", screenName, "name", "Someone");
    return JSON.writeValueAsString(Map.of("id", id, "id_str", String.valueOf(id), "text", text, "user", user,
        "created_at", CREATED_AT.format(java.time.Instant.parse("2020-01-01T00:00:00Z").atOffset(ZoneOffset.UTC))));
  }

  static List<String> lines(List<Tweet> tweets, String... more) throws Exception {
    List<String> out = new ArrayList<>();
    for (Tweet t : tweets) {
      Map<String, Object> user = Map.of("screen_name", t.getUserScreenName().toString());
      out.add(JSON.writeValueAsString(Map.of("id", t.getId(), "text", t.getText().toString(), "user", user,
          "created_at", CREATED_AT.format(t.getCreatedAt().atOffset(ZoneOffset.UTC)))));
    }
    out.addAll(List.of(more));
    return out;
  }

  /** A file of v1.1 statuses, one a line: the jsonl format. */
  static Path jsonl(Path file, List<Tweet> tweets) throws Exception {
    Files.write(file, lines(tweets));
    return file;
  }

  /** What a producer that is not trendoff's might send: the Avro encoding, keyed by the raw screen name. */
  static RecordMetadata sendForeign(Settings s, Tweet t) throws Exception {
    Map<String, Object> p = new HashMap<>(s.kafka().clientProperties());
    p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(p)) {
      return producer.send(new ProducerRecord<>(s.kafka().topic(),
          t.getUserScreenName().toString().getBytes(StandardCharsets.UTF_8), TweetCodec.shared().encode(t))).get();
    }
  }
}
