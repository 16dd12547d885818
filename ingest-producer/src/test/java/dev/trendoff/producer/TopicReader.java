package dev.trendoff.producer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import dev.trendoff.avro.Tweet;
import dev.trendoff.avro.TweetCodec;
import dev.trendoff.avro.TweetDecodeException;

/** Reads a whole topic back from the start and decodes it (the test's view of what Kafka holds). */
final class TopicReader {

  record Message(String key, Tweet tweet, int partition) {}

  static List<Message> readAll(String bootstrapServers, String topic, int expected, Duration timeout) {
    Map<String, Object> p = Map.of("bootstrap.servers", bootstrapServers, "enable.auto.commit", "false",
        "auto.offset.reset", "earliest");
    List<Message> out = new ArrayList<>();
    try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> parts = c.partitionsFor(topic).stream()
          .map(i -> new TopicPartition(topic, i.partition())).toList();
      c.assign(parts);
      c.seekToBeginning(parts);
      long deadline = System.nanoTime() + timeout.toNanos();
      // read until the expected count, then a little more to see that nothing extra is there
      long quietUntil = Long.MAX_VALUE;
      while (System.nanoTime() < Math.min(deadline, quietUntil)) {
        for (ConsumerRecord<byte[], byte[]> r : c.poll(Duration.ofMillis(200))) {
          try {
            out.add(new Message(new String(r.key(), StandardCharsets.UTF_8), TweetCodec.shared().decode(r.value()),
                r.partition()));
          } catch (TweetDecodeException e) {
            throw new AssertionError("undecodable message at " + r.partition() + "/" + r.offset(), e);
          }
        }
        if (out.size() >= expected && quietUntil == Long.MAX_VALUE) {
          quietUntil = System.nanoTime() + 1_000_000_000L;
        }
      }
    }
    return out;
  }
}
