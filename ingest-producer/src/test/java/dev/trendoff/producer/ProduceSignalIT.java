package dev.trendoff.producer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.trendoff.core.KafkaTopics;
import dev.trendoff.core.Settings;
import dev.trendoff.localstack.junit.LocalStackExtension;
import dev.trendoff.localstack.junit.TestStack;

/** SIGTERM in the middle of a run: what was read is flushed, the summary printed, exit 0, nothing lost. */
@ExtendWith(LocalStackExtension.class)
class ProduceSignalIT {

  @TempDir Path dir;

  @Test
  void sigtermFlushesPrintsTheSummaryAndExitsZero(TestStack stack) throws Exception {
    String topic = stack.freshName("tweets");
    KafkaTopics.ensure(Settings.from(stack.configWith(Map.of("kafka.topic", topic))).kafka());
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx256m", "-cp", System.getProperty("java.class.path"),
        "-Dtrendoff.kafka.bootstrap-servers=" + stack.kafkaBootstrapServers(),
        "-Dtrendoff.kafka.topic=" + topic,
        "-Dtrendoff.producer.reject-dir=" + dir,
        ProduceChild.class.getName(),
        "--source", "synthetic", "--tweets", "100000000", "--rate", "3000", "--json", "--no-progress"));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(dir.resolve("stderr.txt").toFile())
        .redirectOutput(dir.resolve("stdout.txt").toFile());
    pb.environment().keySet().removeIf(k -> k.startsWith("TRENDOFF_"));
    Process p = pb.start();
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (endOffsets(stack.kafkaBootstrapServers(), topic) < 2000 && System.nanoTime() < deadline) {
        assertThat(p.isAlive()).as("produce exited early: %s", Files.readString(dir.resolve("stderr.txt"))).isTrue();
        Thread.sleep(200);
      }
      p.destroy(); // SIGTERM
      assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(p.exitValue()).as(Files.readString(dir.resolve("stderr.txt"))).isZero();
      JsonNode s = new ObjectMapper().readTree(Files.readString(dir.resolve("stdout.txt"), StandardCharsets.UTF_8));
      assertThat(s.get("stopped").asBoolean()).isTrue();
      assertThat(s.get("failed").asLong()).isZero();
      long sent = s.get("sent").asLong();
      assertThat(sent).isGreaterThanOrEqualTo(2000).isLessThan(100_000_000L);
      // every tweet read was flushed: the topic holds exactly what the summary says was sent
      assertThat(endOffsets(stack.kafkaBootstrapServers(), topic)).isEqualTo(sent);
      assertThat(s.get("read").asLong()).isEqualTo(sent);
    } finally {
      p.destroyForcibly();
    }
  }

  static long endOffsets(String servers, String topic) {
    try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(Map.of("bootstrap.servers", servers),
        new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> parts = c.partitionsFor(topic).stream().map(i -> new TopicPartition(topic, i.partition())).toList();
      return c.endOffsets(parts).values().stream().mapToLong(Long::longValue).sum();
    }
  }
}
