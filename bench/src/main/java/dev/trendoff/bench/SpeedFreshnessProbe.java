package dev.trendoff.bench;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import com.datastax.oss.driver.api.core.CqlSession;

import dev.trendoff.avro.Tweet;
import dev.trendoff.core.Settings;
import dev.trendoff.core.UserKeys;
import dev.trendoff.serving.ServingReader;
import dev.trendoff.serving.UserWords;

/**
 * Marker tweets, each by a user of its own, whose freshness is measured twice: until the serving
 * merge counts it (polled through {@link ServingReader} every {@value #POLL_MILLIS} ms), and, as the
 * baseline, until a plain Kafka consumer of the topic receives it (the floor Kafka and the producer
 * set). Time starts when the marker is handed to the producer.
 */
final class SpeedFreshnessProbe implements AutoCloseable {

  static final int POLL_MILLIS = 20;

  private final String prefix;
  private final Map<String, Long> sentNanos = new ConcurrentHashMap<>();
  private final Map<String, Long> pendingServing = new ConcurrentHashMap<>();
  private final List<Long> servingMillis = Collections.synchronizedList(new ArrayList<>());
  private final List<Long> kafkaMillis = Collections.synchronizedList(new ArrayList<>());
  private final AtomicReference<Throwable> failure = new AtomicReference<>();
  private final Thread servingPoller;
  private final Thread kafkaPoller;
  private volatile boolean stop;
  private long next;

  SpeedFreshnessProbe(Settings settings, CqlSession session, String runId) {
    this.prefix = "zz_marker_" + runId + "_";
    ServingReader reader = new ServingReader(session, settings.cassandra().keyspace());
    servingPoller = new Thread(() -> pollServing(reader), "probe-serving");
    Map<String, Object> p = new HashMap<>(settings.kafka().clientProperties());
    p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    p.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 10);
    KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(p);
    List<TopicPartition> parts = consumer.partitionsFor(settings.kafka().topic()).stream()
        .map(i -> new TopicPartition(i.topic(), i.partition())).toList();
    consumer.assign(parts);
    consumer.seekToEnd(parts);
    parts.forEach(consumer::position);
    kafkaPoller = new Thread(() -> pollKafka(consumer), "probe-kafka");
    servingPoller.setDaemon(true);
    kafkaPoller.setDaemon(true);
    servingPoller.start();
    kafkaPoller.start();
  }

  /** The next marker tweet; call {@link #sending} right before handing it to the producer. */
  Tweet nextMarker() {
    long n = next++;
    return Tweet.newBuilder().setId(8_000_000_000_000_000_000L + n).setUserScreenName(prefix + n)
        .setText("freshness marker " + n).setCreatedAt(Instant.now()).build();
  }

  void sending(Tweet marker) {
    String key = UserKeys.of(marker.getUserScreenName().toString());
    long now = System.nanoTime();
    sentNanos.put(key, now);
    pendingServing.put(key, now);
  }

  /** Waits until every marker sent is counted by the merge, or {@code timeout}; returns those still missing. */
  int awaitAll(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!pendingServing.isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    return pendingServing.size();
  }

  List<Long> servingMillis() {
    synchronized (servingMillis) {
      return List.copyOf(servingMillis);
    }
  }

  List<Long> kafkaMillis() {
    synchronized (kafkaMillis) {
      return List.copyOf(kafkaMillis);
    }
  }

  void reset() {
    servingMillis.clear();
    kafkaMillis.clear();
  }

  private void pollServing(ServingReader reader) {
    try {
      while (!stop) {
        List<String> pending = new ArrayList<>(pendingServing.keySet());
        if (!pending.isEmpty()) {
          List<UserWords> read = reader.read(pending).users();
          long now = System.nanoTime();
          for (UserWords u : read) {
            Long sent = pendingServing.get(u.user());
            if (u.tweets() > 0 && sent != null) {
              servingMillis.add((now - sent) / 1_000_000);
              pendingServing.remove(u.user());
            }
          }
        }
        Thread.sleep(POLL_MILLIS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Throwable t) {
      failure.compareAndSet(null, t);
    }
  }

  private void pollKafka(KafkaConsumer<byte[], byte[]> consumer) {
    try (consumer) {
      while (!stop) {
        for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(50))) {
          if (r.key() == null) {
            continue;
          }
          String key = new String(r.key(), StandardCharsets.UTF_8);
          if (key.startsWith(prefix)) {
            Long sent = sentNanos.get(key);
            if (sent != null) {
              kafkaMillis.add((System.nanoTime() - sent) / 1_000_000);
            }
          }
        }
      }
    } catch (Throwable t) {
      if (!stop) {
        failure.compareAndSet(null, t);
      }
    }
  }

  void check() {
    if (failure.get() != null) {
      throw new IllegalStateException("freshness probe failed: " + failure.get(), failure.get());
    }
  }

  @Override
  public void close() throws InterruptedException {
    stop = true;
    servingPoller.join(5_000);
    kafkaPoller.join(5_000);
  }
}
