package dev.trendoff.core;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The dead-letter topic ({@code trendoff.kafka.dlq-topic}): the headers every dead letter carries
 * (written by spark-common's KafkaDeadLetters, docs/lambda.md 'Dead letters') and how status counts
 * them. A dead letter is the original key and value with: the reason code, a line of detail, the
 * layer that set it aside, and the topic, partition and offset it was read at.
 */
public final class DeadLetterTopic {

  public static final String REASON = "trendoff.reason";
  public static final String ERROR = "trendoff.error";
  public static final String LAYER = "trendoff.layer";
  public static final String SOURCE_TOPIC = "trendoff.source.topic";
  public static final String SOURCE_PARTITION = "trendoff.source.partition";
  public static final String SOURCE_OFFSET = "trendoff.source.offset";

  /**
   * Dead letters by layer, then reason. A record a layer set aside twice (it replayed the batch after
   * a crash) is counted once: by layer and source position.
   *
   * @param read records of the topic read (at most the limit)
   * @param exact false when the topic held more than the limit
   */
  public record Counts(Map<String, Map<String, Long>> byLayer, long read, boolean exact) {
    public long total() {
      return byLayer.values().stream().flatMap(m -> m.values().stream()).mapToLong(Long::longValue).sum();
    }
  }

  private DeadLetterTopic() {}

  /** Reads the topic from its start (at most {@code limit} records) and counts; a missing or unreachable topic is a {@link UserError}. */
  public static Counts count(Settings.Kafka k, Duration timeout, long limit) {
    Map<String, Object> p = new HashMap<>(k.clientProperties());
    p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    p.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
    p.put(ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
    p.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, "trendoff-status-dlq");
    Map<String, Map<String, Long>> byLayer = new TreeMap<>();
    Set<String> seen = new HashSet<>();
    long read = 0;
    try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(p)) {
      List<PartitionInfo> infos = c.partitionsFor(k.dlqTopic(), timeout);
      if (infos == null || infos.isEmpty()) {
        throw new UserError("Kafka dead-letter topic " + k.dlqTopic() + " does not exist at " + k.bootstrapServers());
      }
      List<TopicPartition> parts = new ArrayList<>();
      infos.forEach(i -> parts.add(new TopicPartition(k.dlqTopic(), i.partition())));
      c.assign(parts);
      c.seekToBeginning(parts);
      Map<TopicPartition, Long> end = c.endOffsets(parts, timeout);
      long deadline = System.nanoTime() + timeout.toNanos();
      while (read < limit && parts.stream().anyMatch(tp -> c.position(tp, timeout) < end.get(tp))) {
        if (System.nanoTime() > deadline) {
          throw new UserError("cannot read the dead-letter topic " + k.dlqTopic() + " at " + k.bootstrapServers()
              + " within " + timeout.toSeconds() + " s");
        }
        for (ConsumerRecord<byte[], byte[]> r : c.poll(Duration.ofMillis(200))) {
          if (read >= limit) {
            break;
          }
          read++;
          String layer = header(r, LAYER, "(no layer)");
          String position = layer + "/" + header(r, SOURCE_TOPIC, "") + "/" + header(r, SOURCE_PARTITION, "") + "/"
              + header(r, SOURCE_OFFSET, "") + (r.headers().lastHeader(SOURCE_OFFSET) == null ? "#" + r.partition() + ":" + r.offset() : "");
          if (seen.add(position)) {
            byLayer.computeIfAbsent(layer, x -> new TreeMap<>()).merge(header(r, REASON, "(no reason)"), 1L, Long::sum);
          }
        }
      }
      boolean exact = parts.stream().allMatch(tp -> c.position(tp, timeout) >= end.get(tp));
      return new Counts(byLayer, read, exact);
    } catch (org.apache.kafka.common.errors.TimeoutException e) {
      throw new UserError("cannot read the dead-letter topic " + k.dlqTopic() + " at " + k.bootstrapServers()
          + " (no answer in " + timeout.toSeconds() + " s); is it running? `./trendoff stack status`", e);
    }
  }

  private static String header(ConsumerRecord<byte[], byte[]> r, String name, String absent) {
    Header h = r.headers().lastHeader(name);
    return h == null || h.value() == null ? absent : new String(h.value(), StandardCharsets.UTF_8);
  }
}
