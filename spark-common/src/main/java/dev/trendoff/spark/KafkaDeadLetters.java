package dev.trendoff.spark;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import dev.trendoff.avro.TweetDecodeException;

/**
 * Dead letters to a Kafka topic ({@code trendoff.kafka.dlq-topic}): the original key and value,
 * headers saying why ({@value #REASON}, {@value #ERROR}) and where it came from. One producer per
 * JVM and bootstrap, shared by every task of an executor.
 */
public final class KafkaDeadLetters implements DeadLetterSink {

  public static final String REASON = "trendoff.reason";
  public static final String ERROR = "trendoff.error";
  public static final String SOURCE_TOPIC = "trendoff.source.topic";
  public static final String SOURCE_PARTITION = "trendoff.source.partition";
  public static final String SOURCE_OFFSET = "trendoff.source.offset";

  private static final Map<Map<String, Object>, KafkaProducer<byte[], byte[]>> PRODUCERS = new ConcurrentHashMap<>();

  private final String topic;
  private final KafkaProducer<byte[], byte[]> producer;

  /** @param clientProperties bootstrap servers and extra client settings (Settings.Kafka#clientProperties) */
  public KafkaDeadLetters(Map<String, Object> clientProperties, String topic) {
    this.topic = topic;
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
  public void deadLetter(ConsumerRecord<byte[], byte[]> r, TweetDecodeException why) {
    RecordHeaders h = new RecordHeaders();
    h.add(REASON, bytes(why.reason().name()));
    h.add(ERROR, bytes(String.valueOf(why.getMessage())));
    h.add(SOURCE_TOPIC, bytes(r.topic()));
    h.add(SOURCE_PARTITION, bytes(String.valueOf(r.partition())));
    h.add(SOURCE_OFFSET, bytes(String.valueOf(r.offset())));
    producer.send(new ProducerRecord<>(topic, null, r.key(), r.value(), h));
  }

  @Override
  public void flush() {
    producer.flush();
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
