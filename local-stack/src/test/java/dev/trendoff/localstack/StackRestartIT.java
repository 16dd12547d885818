package dev.trendoff.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;
import dev.trendoff.core.CassandraSessions;
import dev.trendoff.core.Settings;
import com.typesafe.config.Config;
import dev.trendoff.core.Tables;
import dev.trendoff.core.TrendoffConfig;
import dev.trendoff.core.UserError;
import dev.trendoff.localstack.junit.LocalStackExtension;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A stack of its own (not the shared one), on other free ports, driven through {@link LocalStack}
 * exactly as {@code ./trendoff stack up|down|status} drives it (detached servers, pid files).
 */
class StackRestartIT {

  private Path dir;
  private final List<Long> seenPids = new ArrayList<>();
  private LocalStack stack;

  @BeforeEach
  void newStack() throws IOException {
    dir = Files.createTempDirectory("trendoff-restart-");
  }

  @AfterEach
  void noProcessLeft() throws IOException {
    try {
      if (stack != null) {
        stack.down(new PrintStream(java.io.OutputStream.nullOutputStream()));
      }
    } finally {
      for (long pid : seenPids) {
        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
      }
      try (Stream<Path> paths = Files.walk(dir)) {
        paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private LocalStack stack(Map<String, Object> extra) {
    Config onFreePorts = LocalStackExtension.onFreePorts(TrendoffConfig.load(null, Map.of(), new Properties()), dir);
    return new LocalStack(TrendoffConfig.withOverrides(onFreePorts, extra));
  }

  private static String run(java.util.function.Consumer<PrintStream> step) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    step.accept(out);
    String text = bytes.toString(StandardCharsets.UTF_8);
    System.err.print(text);
    return text;
  }

  private static boolean alive(long pid) {
    return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
  }

  @Test
  void downThenUpKeepsTheDataAndDownLeavesNoProcess() throws Exception {
    stack = stack(Map.of());
    LocalStack.UpReport first = stack.up(true, System.err);
    assertThat(first.kafkaStarted()).isTrue();
    assertThat(first.cassandraStarted()).isTrue();
    assertThat(first.topicsCreated()).containsExactly("tweets", "tweets.dlq");
    List<Long> pids = stack.pids();
    assertThat(pids).hasSize(2).allMatch(StackRestartIT::alive);
    seenPids.addAll(pids);
    assertThat(stack.status()).allMatch(LocalStack.ServiceStatus::up);

    // a second up starts nothing new
    LocalStack.UpReport again = stack.up(true, System.err);
    assertThat(again.kafkaStarted()).isFalse();
    assertThat(again.cassandraStarted()).isFalse();
    assertThat(again.topicsCreated()).isEmpty();
    assertThat(stack.pids()).containsExactlyElementsOf(pids);

    // the same directory with other ports while it runs: refused, nothing touched
    LocalStack moved = stack(Map.of());
    assertThatThrownBy(() -> moved.up(true, System.err)).isInstanceOf(UserError.class)
        .hasMessageContaining("is running with other settings").hasMessageContaining("stack down");
    assertThat(stack.pids()).containsExactlyElementsOf(pids);

    // data in both
    Settings s = stack.clientSettings();
    try (CqlSession session = CassandraSessions.open(s.cassandra())) {
      session.execute("INSERT INTO " + Tables.TWEETS + " (tweet_id, user_key, text) VALUES (?, ?, ?)", 42L, "carol", "kept?");
    }
    RecordMetadata sent;
    Map<String, Object> p = new HashMap<>(s.kafka().clientProperties());
    p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
      sent = producer.send(new ProducerRecord<>(s.kafka().topic(), "carol", "still here after a restart")).get();
    }

    String down = run(stack::down);
    assertThat(down).contains("kafka      stopped").contains("cassandra  stopped");
    assertThat(pids).noneMatch(StackRestartIT::alive);
    assertThat(stack.pids()).isEmpty();
    assertThat(stack.status()).noneMatch(LocalStack.ServiceStatus::up).allMatch(st -> st.dataBytes() > 0);
    assertThat(dir.resolve("kafka.pid")).doesNotExist();
    assertThat(dir.resolve("cassandra.pid")).doesNotExist();
    assertThat(run(stack::down)).contains("kafka      not running").contains("cassandra  not running");

    LocalStack.UpReport restarted = stack.up(true, System.err);
    assertThat(restarted.kafkaStarted()).isTrue();
    assertThat(restarted.cassandraStarted()).isTrue();
    assertThat(restarted.topicsCreated()).isEmpty();
    List<Long> newPids = stack.pids();
    seenPids.addAll(newPids);
    assertThat(newPids).hasSize(2).doesNotContainAnyElementsOf(pids);

    try (CqlSession session = CassandraSessions.open(s.cassandra())) {
      Row row = session.execute("SELECT user_key, text FROM " + Tables.TWEETS + " WHERE tweet_id = 42").one();
      assertThat(row).isNotNull();
      assertThat(row.getString("text")).isEqualTo("kept?");
    }
    Map<String, Object> c = new HashMap<>(s.kafka().clientProperties());
    c.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    c.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    String value = null;
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(c)) {
      TopicPartition tp = new TopicPartition(sent.topic(), sent.partition());
      consumer.assign(List.of(tp));
      consumer.seek(tp, sent.offset());
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (value == null && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
          if (r.offset() == sent.offset()) {
            value = r.value();
          }
        }
      }
    }
    assertThat(value).isEqualTo("still here after a restart");

    run(stack::down);
    assertThat(newPids).noneMatch(StackRestartIT::alive);
    assertThat(markedProcesses()).isEmpty();
  }

  @Test
  void aServiceThatDoesNotAnswerInTimeIsStoppedAndItsLogShown() {
    stack = stack(Map.of("stack.start-timeout", "1s"));
    assertThatThrownBy(() -> stack.up(true, System.err))
        .isInstanceOf(UserError.class)
        .hasMessageContaining("did not answer on 127.0.0.1:")
        .hasMessageContaining("within 1 s")
        .hasMessageContaining("trendoff.stack.start-timeout")
        .hasMessageContaining("  | ");
    assertThat(stack.pids()).isEmpty();
    assertThat(markedProcesses()).isEmpty();
  }

  /** Processes whose command line names this test's stack directory: none may outlive a down. */
  private List<Long> markedProcesses() {
    String kafka = ServerProcess.marker("kafka", stack.settings().dir());
    String cassandra = ServerProcess.marker("cassandra", stack.settings().dir());
    return ProcessHandle.allProcesses().filter(ProcessHandle::isAlive)
        .filter(h -> h.info().commandLine().map(cl -> cl.contains(kafka) || cl.contains(cassandra)).orElse(false))
        .map(ProcessHandle::pid).toList();
  }
}
