package dev.trendoff.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import com.datastax.oss.driver.api.core.CqlSession;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trendoff.core.CassandraSessions;
import dev.trendoff.core.Settings;
import dev.trendoff.core.TrendoffConfig;
import dev.trendoff.localstack.Ports;
import dev.trendoff.localstack.junit.LocalStackExtension;
import dev.trendoff.localstack.junit.TestStack;
import dev.trendoff.views.ViewTables;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** status against the real Kafka and Cassandra of the test stack. */
@ExtendWith(LocalStackExtension.class)
class StatusIT {

  @Test
  void lagRowsViewAndPendingSpeedRows(TestStack stack) throws Exception {
    Settings s = stack.settingsWith(Map.of(
        "kafka.topic", stack.freshName("tweets"), "kafka.dlq-topic", stack.freshName("dlq"),
        "kafka.speed-group", stack.freshName("speed"), "kafka.batch-group", stack.freshName("batch"),
        "cassandra.keyspace", stack.freshName("status")));
    String topic = s.kafka().topic();
    int partitions = s.kafka().partitions();
    Properties p = new Properties();
    p.putAll(s.kafka().clientProperties());
    int[] sent = new int[partitions];
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
      for (int i = 0; i < 23; i++) {
        int part = i % partitions;
        producer.send(new ProducerRecord<>(topic, part, "u" + i, "x")).get();
        sent[part]++;
      }
    }
    try (Admin admin = Admin.create(s.kafka().clientProperties())) {
      admin.alterConsumerGroupOffsets(s.kafka().speedGroup(),
          Map.of(new TopicPartition(topic, 0), new OffsetAndMetadata(2))).all().get();
    }

    ViewFixture fx = new ViewFixture(7L, List.of("ann", "ben"), 30, 2);
    Map<Integer, Long> cut = Map.of(0, 10L);
    long viewRows;
    String ks = s.cassandra().keyspace();
    try (CqlSession session = CassandraSessions.open(s.cassandra())) {
      viewRows = fx.writeBatchVersion(session, ks, 42L, cut);
      fx.writeSpeedRows(session, ks, t -> true);
      ViewFixture.publish(session, ks, 42L, cut);
    }
    long kafkaTweets = fx.tweets.stream().filter(t -> t.partition() != null).count();
    long pending = fx.tweets.stream().filter(t -> t.partition() != null && !t.belowCut(cut)).count();

    Cli.Result r = Cli.run(new StatusCommand(() -> s), "--json");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(dev.trendoff.localstack.junit.JsonDocs.differences("status", r.out())).isEmpty();
    JsonNode j = new ObjectMapper().readTree(r.out());
    JsonNode speed = j.get("kafka").get("groups").get(0);
    JsonNode batch = j.get("kafka").get("groups").get(1);
    assertThat(speed.get("group").asText()).isEqualTo(s.kafka().speedGroup());
    assertThat(speed.get("partitions").get(0).get("committed").asLong()).isEqualTo(2);
    assertThat(speed.get("partitions").get(0).get("lag").asLong()).isEqualTo(sent[0] - 2);
    assertThat(speed.get("lag").asLong()).isEqualTo(23 - 2);
    assertThat(batch.get("lag").asLong()).isEqualTo(23);
    assertThat(batch.get("partitions").get(1).get("committed").isNull()).isTrue();

    Map<String, Long> rows = new HashMap<>();
    j.get("cassandra").get("rows").get("tables").forEach(t -> rows.put(t.get("table").asText(), t.get("rows").asLong()));
    assertThat(rows.get(ViewTables.SPEED_VIEW)).isEqualTo(kafkaTweets);
    assertThat(rows.get(ViewTables.VIEW_POINTER)).isEqualTo(1);
    assertThat(rows.get(ViewTables.BATCH_VIEW)).isEqualTo(viewRows).isGreaterThan(2);
    // the version's corpus: its words in chunks of the fixture's size
    assertThat(rows.get(ViewTables.CORPUS)).isEqualTo((fx.corpus(cut).size() + ViewFixture.WORDS_PER_CHUNK - 1) / ViewFixture.WORDS_PER_CHUNK)
        .isGreaterThan(1);
    assertThat(j.get("cassandra").get("view").get("version").asLong()).isEqualTo(42);
    assertThat(j.get("cassandra").get("view").get("cut").asText()).isEqualTo("0=10");
    assertThat(j.get("cassandra").get("speedRows").get("pending").asLong()).isEqualTo(pending);
    assertThat(j.get("cassandra").get("speedRows").get("absorbed").asLong()).isEqualTo(kafkaTweets - pending);

    Cli.Result text = Cli.run(new StatusCommand(() -> s));
    assertThat(text.exit()).isZero();
    assertThat(text.out()).contains("consumer group " + s.kafka().speedGroup() + ": lag 21")
        .contains("speed rows: " + pending + " pending");
  }

  @Test
  void kafkaOrCassandraDownIsNonZeroWithOneLine(TestStack stack) {
    List<Integer> dead = Ports.free(2);
    Settings kafkaDown = Settings.from(TrendoffConfig.withOverrides(stack.config(), Map.of(
        "kafka.bootstrap-servers", "127.0.0.1:" + dead.get(0), "serving.status-kafka-timeout", "2s")));
    Cli.Result r = Cli.run(new StatusCommand(() -> kafkaDown));
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err().strip().lines().count()).isEqualTo(1);
    assertThat(r.err()).contains("cannot reach Kafka");
    assertThat(r.out()).contains("speed rows:"); // Cassandra's part is still shown

    Settings cassandraDown = Settings.from(TrendoffConfig.withOverrides(stack.config(), Map.of(
        "cassandra.contact-points", List.of("127.0.0.1:" + dead.get(1)), "cassandra.connect-timeout", "2s")));
    Cli.Result c = Cli.run(new StatusCommand(() -> cassandraDown), "--json");
    assertThat(c.exit()).isEqualTo(1);
    assertThat(c.err()).contains("cannot reach Cassandra");
    assertThat(c.err().strip().lines().count()).isEqualTo(1);
  }
}
