package dev.trendoff.core;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

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
    Map<String, Map<String, Long>> byLayer = new TreeMap<>();
    Set<String> seen = new HashSet<>();
    long[] read = {0};
    boolean exact = TopicRecords.read(k, k.dlqTopic(), timeout, limit, r -> {
      read[0]++;
      String layer = header(r, LAYER, "(no layer)");
      String position = r.headers().lastHeader(SOURCE_OFFSET) == null ? "#" + r.partition() + ":" + r.offset()
          : header(r, SOURCE_TOPIC, "") + "/" + header(r, SOURCE_PARTITION, "") + "/" + header(r, SOURCE_OFFSET, "");
      if (seen.add(layer + "/" + position)) {
        byLayer.computeIfAbsent(layer, x -> new TreeMap<>()).merge(header(r, REASON, "(no reason)"), 1L, Long::sum);
      }
    });
    return new Counts(byLayer, read[0], exact);
  }

  /** A header's value as text; null when the record has none. */
  public static String header(ConsumerRecord<byte[], byte[]> r, String name) {
    return header(r, name, null);
  }

  private static String header(ConsumerRecord<byte[], byte[]> r, String name, String absent) {
    Header h = r.headers().lastHeader(name);
    return h == null || h.value() == null ? absent : new String(h.value(), StandardCharsets.UTF_8);
  }
}
