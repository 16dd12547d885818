package dev.trendoff.spark;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import dev.trendoff.core.DeadLetterTopic;

/**
 * Dead letters to a Kafka topic ({@code trendoff.kafka.dlq-topic}): the original key and value,
 * headers saying why, which layer, and where it was read ({@link DeadLetterTopic}). {@link #confirm}
 * waits for every send's acknowledgement (acks=all) and throws when one failed. One producer per
 * JVM and bootstrap, shared by every task of an executor; the acknowledgements are this sink's own.
 */
public final class KafkaDeadLetters implements DeadLetterSink {

  private static final Map<Map<String, Object>, KafkaProducer<byte[], byte[]>> PRODUCERS = new ConcurrentHashMap<>();

  private final String topic;
  private final String layer;
  private final KafkaProducer<byte[], byte[]> producer;
  private final List<Future<RecordMetadata>> sent = new ArrayList<>();

  /**
   * @param clientProperties bootstrap servers and extra client settings (Settings.Kafka#clientProperties)
   * @param layer the layer setting records aside ({@code speed-layer}, {@code batch-ingest})
   */
  public KafkaDeadLetters(Map<String, Object> clientProperties, String topic, String layer) {
    this.topic = topic;
    this.layer = layer;
    this.producer = PRODUCERS.computeIfAbsent(Map.copyOf(clientProperties), KafkaDeadLetters::newProducer);
  }

  private static KafkaProducer<byte[], byte[]> newProducer(Map<String, Object> props) {
    Map<String, Object> p = new HashMap<>(props);
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(p);
    Runtime.getRuntime().addShutdownHook(new Thread(producer::close, "dead-letter-producer-close"));
    return producer;
  }

  @Override
  public void deadLetter(ConsumerRecord<byte[], byte[]> r, String reason, String error) {
    RecordHeaders h = new RecordHeaders();
    h.add(DeadLetterTopic.REASON, bytes(reason));
    h.add(DeadLetterTopic.ERROR, bytes(String.valueOf(error)));
    h.add(DeadLetterTopic.LAYER, bytes(layer));
    h.add(DeadLetterTopic.SOURCE_TOPIC, bytes(r.topic()));
    h.add(DeadLetterTopic.SOURCE_PARTITION, bytes(String.valueOf(r.partition())));
    h.add(DeadLetterTopic.SOURCE_OFFSET, bytes(String.valueOf(r.offset())));
    sent.add(producer.send(new ProducerRecord<>(topic, null, r.key(), r.value(), h)));
  }

  @Override
  public void confirm() {
    producer.flush();
    try {
      for (Future<RecordMetadata> f : sent) {
        f.get();
      }
    } catch (ExecutionException e) {
      throw new IllegalStateException("a dead letter was not stored in " + topic + ": " + e.getCause(), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while storing dead letters in " + topic, e);
    }
    sent.clear();
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
