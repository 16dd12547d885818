package dev.trendoff.core;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Every record of a topic from its start, with a plain consumer of no group: what {@code status} reads
 * of the dead-letter topic ({@link DeadLetterTopic}), and what tests read back.
 */
public final class TopicRecords {

  private TopicRecords() {}

  /**
   * Hands each record of {@code topic}, from its start up to the end it had when asked, to
   * {@code each}, at most {@code limit} of them; returns true when it read to the end. A missing topic
   * or no answer within {@code timeout} is a {@link UserError}.
   */
  public static boolean read(Settings.Kafka k, String topic, Duration timeout, long limit,
      Consumer<ConsumerRecord<byte[], byte[]>> each) {
    Map<String, Object> p = new HashMap<>(k.clientProperties());
    p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    p.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
    p.put(ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
    p.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, "trendoff-topic-reader");
    long read = 0;
    try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(p)) {
      List<PartitionInfo> infos = c.partitionsFor(topic, timeout);
      if (infos == null || infos.isEmpty()) {
        throw new UserError("Kafka topic " + topic + " does not exist at " + k.bootstrapServers());
      }
      List<TopicPartition> parts = new ArrayList<>();
      infos.forEach(i -> parts.add(new TopicPartition(topic, i.partition())));
      c.assign(parts);
      c.seekToBeginning(parts);
      Map<TopicPartition, Long> end = c.endOffsets(parts, timeout);
      long deadline = System.nanoTime() + timeout.toNanos();
      while (read < limit && parts.stream().anyMatch(tp -> c.position(tp, timeout) < end.get(tp))) {
        if (System.nanoTime() > deadline) {
          throw new UserError("cannot read Kafka topic " + topic + " at " + k.bootstrapServers() + " within "
              + timeout.toSeconds() + " s");
        }
        for (ConsumerRecord<byte[], byte[]> r : c.poll(Duration.ofMillis(200))) {
          if (read < limit && r.offset() < end.get(new TopicPartition(topic, r.partition()))) {
            each.accept(r);
            read++;
          }
        }
      }
      return parts.stream().allMatch(tp -> c.position(tp, timeout) >= end.get(tp));
    } catch (org.apache.kafka.common.errors.TimeoutException e) {
      throw new UserError("cannot read Kafka topic " + topic + " at " + k.bootstrapServers() + " (no answer in "
          + timeout.toSeconds() + " s); is it running? `./trendoff stack status`", e);
    }
  }

  /** Every record of {@code topic} from its start to the end it had when asked. */
  public static List<ConsumerRecord<byte[], byte[]>> all(Settings.Kafka k, String topic, Duration timeout) {
    List<ConsumerRecord<byte[], byte[]>> out = new ArrayList<>();
    read(k, topic, timeout, Long.MAX_VALUE, out::add);
    return out;
  }
}
