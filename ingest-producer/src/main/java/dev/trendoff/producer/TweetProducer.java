package dev.trendoff.producer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BiConsumer;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.trendoff.avro.Tweet;
import dev.trendoff.avro.TweetCodec;
import dev.trendoff.core.ConnectFailures;
import dev.trendoff.core.Settings;
import dev.trendoff.core.UserError;
import dev.trendoff.core.UserKeys;

/**
 * Sends {@link Tweet}s to the tweets topic: key = the user's key ({@link UserKeys#of}) in UTF-8, so
 * one user's tweets stay in order on one partition; value = the Avro single-object encoding
 * ({@link TweetCodec}). Idempotence is on and acks=all, whatever the configuration says. On
 * construction it checks, within {@code trendoff.producer.connect-timeout}, that Kafka answers and
 * the topic exists (topics are never auto-created), and throws a {@link UserError} otherwise.
 */
public final class TweetProducer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(TweetProducer.class);

  private final KafkaProducer<byte[], byte[]> producer;
  private final String topic;
  private final TweetCodec codec = TweetCodec.shared();
  private final LongAdder sent = new LongAdder();
  private final LongAdder failed = new LongAdder();
  private volatile BiConsumer<Tweet, Exception> onFailure = (t, e) -> { };

  public TweetProducer(Settings settings) {
    this(settings.kafka().clientProperties(), settings.kafka().topic(), ProducerTuning.from(settings));
  }

  /**
   * @param clientProperties bootstrap servers and any extra client properties (security, ...)
   * @param tuning linger, batch size, compression: applied first, so clientProperties may override them
   */
  public TweetProducer(Map<String, Object> clientProperties, String topic, ProducerTuning tuning) {
    this.topic = topic;
    String servers = String.valueOf(clientProperties.get(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG));
    checkReachable(clientProperties, topic, servers, tuning.connectTimeoutMs());
    this.producer = new KafkaProducer<>(producerProperties(clientProperties, tuning),
        new ByteArraySerializer(), new ByteArraySerializer());
  }

  /** The properties the producer is built with (tuning, then the client properties, then the fixed ones). */
  public static Map<String, Object> producerProperties(Map<String, Object> clientProperties, ProducerTuning tuning) {
    Map<String, Object> p = new LinkedHashMap<>(tuning.properties());
    p.putAll(clientProperties);
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "trendoff-producer");
    return p;
  }

  /** Called (on Kafka's I/O thread) with each tweet Kafka did not take, after the client's own retries. */
  public TweetProducer onFailure(BiConsumer<Tweet, Exception> handler) {
    this.onFailure = handler;
    return this;
  }

  public String topic() {
    return topic;
  }

  /** Queues one tweet; returns at once unless the buffer is full. */
  public void send(Tweet tweet) {
    byte[] key = UserKeys.of(tweet.getUserScreenName().toString()).getBytes(StandardCharsets.UTF_8);
    byte[] value = codec.encode(tweet);
    try {
      producer.send(new ProducerRecord<>(topic, key, value), (meta, e) -> {
        if (e == null) {
          sent.increment();
        } else {
          failed.increment();
          onFailure.accept(tweet, e);
        }
      });
    } catch (org.apache.kafka.common.KafkaException e) {
      throw new UserError("Kafka stopped taking tweets (topic '" + topic + "'): " + e.getMessage(), e);
    }
  }

  /** Blocks until every tweet sent so far is acknowledged or has failed. */
  public void flush() {
    producer.flush();
  }

  /** Tweets Kafka acknowledged. */
  public long sent() {
    return sent.sum();
  }

  /** Tweets Kafka did not take. */
  public long failed() {
    return failed.sum();
  }

  @Override
  public void close() {
    producer.close(Duration.ofSeconds(30));
  }

  /** Kafka answers and has the topic, or a {@link UserError} within about {@code timeoutMs}. */
  static void checkReachable(Map<String, Object> clientProperties, String topic, String servers, long timeoutMs) {
    Map<String, Object> p = new LinkedHashMap<>(clientProperties);
    p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeoutMs);
    p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeoutMs);
    p.put(AdminClientConfig.SOCKET_CONNECTION_SETUP_TIMEOUT_MS_CONFIG, Math.min(timeoutMs, 2000L));
    p.put(AdminClientConfig.SOCKET_CONNECTION_SETUP_TIMEOUT_MAX_MS_CONFIG, Math.min(timeoutMs, 2000L));
    p.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 500L);
    p.putIfAbsent(AdminClientConfig.CLIENT_ID_CONFIG, "trendoff-producer-check");
    Duration timeout = Duration.ofMillis(timeoutMs);
    try (Admin admin = ConnectFailures.admin(p)) {
      try {
        admin.describeCluster().clusterId().get(timeoutMs, TimeUnit.MILLISECONDS);
      } catch (TimeoutException e) {
        LOG.debug("Kafka at {} did not answer", servers, e);
        throw ConnectFailures.kafka(p, "connect", timeout, e);
      } catch (ExecutionException e) {
        LOG.debug("Kafka at {} did not answer", servers, e);
        throw ConnectFailures.kafka(p, "connect", timeout, e.getCause());
      }
      try {
        admin.describeTopics(List.of(topic)).allTopicNames().get(timeoutMs, TimeUnit.MILLISECONDS);
      } catch (ExecutionException e) {
        if (e.getCause() instanceof UnknownTopicOrPartitionException) {
          throw new UserError("Kafka topic '" + topic + "' does not exist at " + servers
              + " (topics are not created automatically; ./trendoff stack up creates it)");
        }
        throw ConnectFailures.kafka(p, "describe topic '" + topic + "'", timeout, e.getCause());
      } catch (TimeoutException e) {
        throw ConnectFailures.kafka(p, "describe topic '" + topic + "'", timeout, e);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UserError("interrupted while checking Kafka at " + servers);
    }
  }
}
