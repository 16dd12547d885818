package dev.trendoff.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;
import com.typesafe.config.Config;

import dev.trendoff.core.CassandraSessions;
import dev.trendoff.core.DeadLetterTopic;
import dev.trendoff.core.Settings;
import dev.trendoff.core.Tables;
import dev.trendoff.localstack.junit.LocalStackExtension;
import dev.trendoff.localstack.junit.TestStack;
import dev.trendoff.producer.SyntheticTweets;
import dev.trendoff.spark.JobProcess;
import dev.trendoff.spark.KafkaStreamJob;

/** The batch ingest against a real Kafka and Cassandra: exactly once in the master table across kill -9, and dead letters. */
@ExtendWith(LocalStackExtension.class)
class BatchIngestIT {

  static Map<String, Object> own(TestStack stack, Map<String, Object> more) {
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("kafka.topic", stack.freshName("tweets"));
    o.put("kafka.dlq-topic", stack.freshName("dlq"));
    o.put("cassandra.keyspace", stack.freshName("batch"));
    o.put("batch.ingest.batch-interval", "500ms");
    o.put("batch.ingest.report-every", "2s");
    o.putAll(more);
    return o;
  }

  @Test
  void killNineInTheMiddleThenRestartLeavesEveryTweetOnceAndResumesAtTheCommit(TestStack stack) throws Exception {
    Map<String, Object> o = own(stack, Map.of("batch.ingest.max-rate-per-partition", 100,
        "batch.ingest.backpressure", false, "batch.ingest.batch-interval", "1s"));
    Settings s = stack.settingsWith(o);
    Config config = stack.configWith(o);
    Fixtures.produce(s, new SyntheticTweets(11, 30, 4000));
    List<Fixtures.Placed> placed = Fixtures.placedTweets(s);
    assertThat(placed).hasSize(4000);
    String group = s.kafka().batchGroup();
    Path logs = Path.of("target", "it-logs");

    Map<Integer, Long> atKill;
    try (JobProcess first = JobProcess.start("ingest-1", BatchIngest.class.getName(), List.of(), config, "1g",
        logs.resolve("ingest-kill-1-" + System.currentTimeMillis() + ".log"))) {
      Fixtures.await("the first commits", Duration.ofSeconds(120), () -> !first.isAlive()
          || Fixtures.committed(s, group).values().stream().mapToLong(Long::longValue).sum() >= 800);
      assertThat(first.isAlive()).as("ingest alive before the kill:\n" + first.logTail(40)).isTrue();
      first.kill9();
      atKill = Fixtures.committed(s, group);
    }
    long committedAtKill = atKill.values().stream().mapToLong(Long::longValue).sum();
    assertThat(committedAtKill).as("killed in the middle").isBetween(800L, 3999L);

    try (CqlSession session = CassandraSessions.open(s.cassandra())) {
      Map<Long, Long[]> master = Fixtures.masterPositions(session);
      for (Fixtures.Placed p : placed) {
        if (p.offset() < atKill.getOrDefault(p.partition(), 0L)) {
          assertThat(master.get(p.tweet().getId()))
              .as("tweet at %d/%d is below the committed offset, so it must be written", p.partition(), p.offset())
              .containsExactly((long) p.partition(), p.offset());
        }
      }
    }

    try (JobProcess second = JobProcess.start("ingest-2", BatchIngest.class.getName(), List.of(), config, "1g",
        logs.resolve("ingest-kill-2-" + System.currentTimeMillis() + ".log"))) {
      Map<Integer, Long> end = Fixtures.endOffsets(s);
      Fixtures.await("the restarted ingest catches up", Duration.ofSeconds(180),
          () -> !second.isAlive() || Fixtures.committed(s, group).equals(end));
      assertThat(second.logText()).as("resumes from the committed offsets").contains("from " + atKill);
      assertThat(second.terminate(Duration.ofSeconds(60))).as("SIGTERM exit code\n" + second.logTail(30)).isZero();
    }

    try (CqlSession session = CassandraSessions.open(s.cassandra())) {
      Map<Long, Long[]> master = Fixtures.masterPositions(session);
      assertThat(Fixtures.count(session, Tables.TWEETS)).isEqualTo(4000);
      assertThat(master.keySet()).isEqualTo(placed.stream().map(p -> p.tweet().getId()).collect(Collectors.toSet()));
      for (Fixtures.Placed p : placed) {
        assertThat(master.get(p.tweet().getId())).containsExactly((long) p.partition(), p.offset());
      }
      Row one = session.execute("SELECT user_key, user_screen_name, text, created_at, ingested_at, source FROM "
          + Tables.TWEETS + " WHERE tweet_id = ?", placed.get(0).tweet().getId()).one();
      assertThat(one.getString("user_screen_name")).isEqualTo(placed.get(0).tweet().getUserScreenName());
      assertThat(one.getString("text")).isEqualTo(placed.get(0).tweet().getText());
      assertThat(one.getInstant("created_at")).isEqualTo(placed.get(0).tweet().getCreatedAt());
      assertThat(one.getInstant("ingested_at")).isNotNull();
      assertThat(one.getString("source")).isEqualTo("SYNTHETIC");
    }
  }

  @Test
  void aCorruptMessageGoesToTheDeadLetterTopicAndTheStreamGoesOn(TestStack stack) throws Exception {
    Settings s = stack.settingsWith(own(stack, Map.of()));
    SyntheticTweets synth = new SyntheticTweets(5, 8, 100);
    Fixtures.produce(s, synth.stream().limit(50).toList());
    byte[] garbage = "not an avro tweet".getBytes(StandardCharsets.UTF_8);
    Fixtures.produceRaw(s, "mallory", garbage);
    Fixtures.produce(s, synth.stream().skip(50).toList());
    Map<Integer, Long> end = Fixtures.endOffsets(s);

    KafkaStreamJob job = BatchIngest.job(s).start();
    try {
      Fixtures.await("the ingest reads the whole topic", Duration.ofSeconds(90), () -> job.processedOffsets().equals(end));
    } finally {
      assertThat(job.stopGracefully()).isEqualTo(end);
    }
    assertThat(job.deadLetterCount()).isEqualTo(1);
    assertThat(Fixtures.committed(s, s.kafka().batchGroup())).isEqualTo(end);

    List<ConsumerRecord<byte[], byte[]>> dead = Fixtures.readAll(s, s.kafka().dlqTopic());
    assertThat(dead).hasSize(1);
    assertThat(dead.get(0).value()).isEqualTo(garbage);
    assertThat(header(dead.get(0), DeadLetterTopic.REASON)).isEqualTo("not-avro");
    assertThat(header(dead.get(0), DeadLetterTopic.LAYER)).isEqualTo(BatchIngest.LAYER);
    assertThat(header(dead.get(0), DeadLetterTopic.SOURCE_TOPIC)).isEqualTo(s.kafka().topic());
    assertThat(header(dead.get(0), DeadLetterTopic.SOURCE_OFFSET)).isNotBlank();

    try (CqlSession session = CassandraSessions.open(s.cassandra())) {
      assertThat(Fixtures.count(session, Tables.TWEETS)).as("the tweets before and after the corrupt one").isEqualTo(100);
    }
  }

  static String header(ConsumerRecord<byte[], byte[]> r, String name) {
    Header h = r.headers().lastHeader(name);
    return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
  }
}
