package dev.trendoff.localstack.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;
import dev.trendoff.avro.Coordinates;
import dev.trendoff.avro.Tweet;
import dev.trendoff.avro.TweetCodec;
import dev.trendoff.avro.TweetSource;
import dev.trendoff.core.CassandraSessions;
import dev.trendoff.core.KafkaTopics;
import dev.trendoff.core.Settings;
import dev.trendoff.core.Schema;
import dev.trendoff.core.Tables;
import dev.trendoff.core.UserError;
import dev.trendoff.localstack.LocalStack;
import dev.trendoff.localstack.junit.LocalStackExtension.Running;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The shared stack of the test JVM: a real broker and a real Cassandra node, topics and schema in place. */
@ExtendWith(LocalStackExtension.class)
class LocalStackExtensionIT {

  @Test
  void anAvroTweetGoesThroughTheRealBrokerAndDecodesEqual(TestStack stack) throws Exception {
    Settings s = stack.settings();
    assertThat(s.kafka().bootstrapServers()).isEqualTo(stack.kafkaBootstrapServers());
    assertThat(KafkaTopics.missing(s.kafka())).isEmpty();
    assertThat(KafkaTopics.partitions(s.kafka())).containsEntry(s.kafka().topic(), s.kafka().partitions());

    Tweet sent = Tweet.newBuilder()
        .setId(1234567890123L).setUserScreenName("Alice").setUserName("Alice A.")
        .setText("Don't panic: #ai and the café ☕ https://example.com").setCreatedAt(Instant.ofEpochMilli(1_700_000_000_123L))
        .setLang("en").setFavoriteCount(3).setRetweetCount(1).setIsRetweet(false).setFavorited(true).setRetweeted(false)
        .setPossiblySensitive(null).setUserFollowersCount(42).setCoordinates(new Coordinates(48.85, 2.35))
        .setPlace("Paris").setSource(TweetSource.SYNTHETIC).build();

    Map<String, Object> p = new HashMap<>(s.kafka().clientProperties());
    p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    RecordMetadata meta;
    try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p)) {
      meta = producer.send(new ProducerRecord<>(s.kafka().topic(), "alice", TweetCodec.shared().encode(sent))).get();
    }

    Map<String, Object> c = new HashMap<>(s.kafka().clientProperties());
    c.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    c.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    Tweet received = null;
    try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(c)) {
      TopicPartition tp = new TopicPartition(meta.topic(), meta.partition());
      consumer.assign(List.of(tp));
      consumer.seek(tp, meta.offset());
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (received == null && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
          if (r.offset() == meta.offset()) {
            assertThat(r.key()).isEqualTo("alice");
            received = TweetCodec.shared().decode(r.value());
          }
        }
      }
    }
    assertThat(received).isEqualTo(sent);
  }

  @Test
  void aRowWrittenToTheRealCassandraReadsBack(TestStack stack) {
    Settings s = stack.settings();
    assertThat(s.cassandra().contactPoints()).hasSize(1);
    assertThat(s.cassandra().contactPoints().get(0).getPort()).isEqualTo(stack.cassandraAddress().getPort());
    try (CqlSession session = CassandraSessions.open(s.cassandra())) {
      session.execute("INSERT INTO " + Tables.TWEETS + " (tweet_id, user_key, text, created_at) VALUES (?, ?, ?, ?)",
          987654321L, "bob", "hello from the test", Instant.ofEpochMilli(1_600_000_000_000L));
      Row row = session.execute("SELECT user_key, text, created_at FROM " + Tables.TWEETS + " WHERE tweet_id = ?",
          987654321L).one();
      assertThat(row).isNotNull();
      assertThat(row.getString("user_key")).isEqualTo("bob");
      assertThat(row.getString("text")).isEqualTo("hello from the test");
      assertThat(row.getInstant("created_at")).isEqualTo(Instant.ofEpochMilli(1_600_000_000_000L));
    }
  }

  @Test
  void settingsWithMakesAFreshTopicAndKeyspace(TestStack stack) {
    String topic = stack.freshName("tweets");
    String dlq = stack.freshName("dlq");
    String keyspace = stack.freshName("ks");
    Settings mine = stack.settingsWith(Map.of("kafka.topic", topic, "kafka.dlq-topic", dlq, "cassandra.keyspace", keyspace));
    assertThat(mine.kafka().topic()).isEqualTo(topic);
    assertThat(KafkaTopics.missing(mine.kafka())).isEmpty();
    try (CqlSession session = CassandraSessions.open(mine.cassandra())) {
      assertThat(session.getKeyspace()).map(k -> k.asInternal()).contains(keyspace);
      Set<String> tables = Set.copyOf(session.getMetadata().getKeyspace(keyspace).orElseThrow().getTables().keySet()
          .stream().map(id -> id.asInternal()).toList());
      // every table of the schema (cql/schema.cql): the master table and the views module's four
      assertThat(tables).hasSize((int) Schema.statements(mine.cassandra()).stream()
          .filter(st -> st.startsWith("CREATE TABLE")).count()).contains(Tables.TWEETS);
    }
    assertThat(stack.freshName("tweets")).isNotEqualTo(topic);
  }

  @Test
  void kafkaTopicsCreatesIdempotentlyWithTheConfiguredPartitionsAndNamesWhatIsMissing(TestStack stack) {
    String topic = stack.freshName("topics");
    String dlq = stack.freshName("topics_dlq");
    Settings s = Settings.from(stack.configWith(Map.of("kafka.topic", topic, "kafka.dlq-topic", dlq, "kafka.partitions", 3)));
    assertThat(KafkaTopics.missing(s.kafka())).containsExactlyInAnyOrder(topic, dlq);
    assertThatThrownBy(() -> KafkaTopics.requireExist(s.kafka())).isInstanceOf(UserError.class)
        .hasMessageContaining(topic).hasMessageContaining("stack up");
    assertThat(KafkaTopics.ensure(s.kafka())).containsExactlyInAnyOrder(topic, dlq);
    assertThat(KafkaTopics.ensure(s.kafka())).isEmpty();
    assertThat(KafkaTopics.partitions(s.kafka())).containsEntry(topic, 3).containsEntry(dlq, 3);
    KafkaTopics.requireExist(s.kafka());
  }

  @Test
  void theBrokerDoesNotCreateTopicsOnItsOwn(TestStack stack) {
    String typo = stack.freshName("tweetz");
    Map<String, Object> p = new HashMap<>(stack.settings().kafka().clientProperties());
    p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 3000);
    try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p)) {
      assertThatThrownBy(() -> producer.send(new ProducerRecord<>(typo, "k", new byte[] {1})).get())
          .hasCauseInstanceOf(org.apache.kafka.common.errors.TimeoutException.class)
          .hasMessageContaining("not present in metadata");
    }
    Settings s = Settings.from(stack.configWith(Map.of("kafka.topic", typo)));
    assertThat(KafkaTopics.missing(s.kafka())).contains(typo);
  }

  @Test
  void theStackIsOneAndItsServersAreAlive(TestStack stack) {
    assertThat(stack.pids()).hasSize(2).allMatch(pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
    assertThat(stack.dir()).isDirectory();
  }

  @Test
  void inABuildEveryTestJvmSharesTheBuildsStack(TestStack stack) throws Exception {
    // the parent pom sets the shared stack's directory for failsafe
    Path shared = SharedTestStack.dir().orElseThrow();
    assertThat(stack.dir()).isEqualTo(shared.resolve("data"));
    long maven = SharedTestStack.buildPid();
    assertThat(ProcessHandle.of(maven).orElseThrow().info().commandLine().orElse("")).contains("plexus-classworlds");
    assertThat(Files.readString(shared.resolve("stack.properties"))).contains("owner=" + maven);
    // what the next module's test JVM does: the same stack, nothing started
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    LocalStack again = SharedTestStack.acquire(shared, Running.baseConfig(), new PrintStream(out, true, StandardCharsets.UTF_8));
    assertThat(again.settings().kafkaPort()).isEqualTo(stack.stackSettings().kafkaPort());
    assertThat(again.pids()).containsExactlyInAnyOrderElementsOf(stack.pids());
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("kafka      already running").contains("cassandra  already running");
  }
}
