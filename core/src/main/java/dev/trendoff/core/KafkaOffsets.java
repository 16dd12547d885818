package dev.trendoff.core;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * Offsets of the tweets topic through the Kafka admin API: the partitions, their end offsets, and a
 * consumer group's committed offsets. Partition numbers map to offsets, sorted.
 */
public final class KafkaOffsets implements AutoCloseable {

  private final Admin admin;
  private final String topic;
  private final Duration timeout;
  private final String bootstrap;
  private final Map<String, Object> clientProperties;

  public KafkaOffsets(Settings.Kafka kafka, Duration timeout) {
    Map<String, Object> p = new HashMap<>(kafka.clientProperties());
    p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
    p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
    this.admin = ConnectFailures.admin(p);
    this.clientProperties = p;
    this.topic = kafka.topic();
    this.timeout = timeout;
    this.bootstrap = kafka.bootstrapServers();
  }

  /**
   * With {@link KafkaTopics#TIMEOUT}: a first TLS and SCRAM login of a JVM can take seconds on a busy
   * machine (docs/security.md).
   */
  public KafkaOffsets(Settings.Kafka kafka) {
    this(kafka, KafkaTopics.TIMEOUT);
  }

  /** The topic's partitions, or a UserError when Kafka is unreachable or the topic is missing. */
  public List<TopicPartition> partitions() {
    TopicDescription d = await(admin.describeTopics(List.of(topic)).allTopicNames()).get(topic);
    return d.partitions().stream().map(p -> new TopicPartition(topic, p.partition())).toList();
  }

  /** partition -> offset of the next record to be written. */
  public Map<Integer, Long> endOffsets() {
    Map<TopicPartition, OffsetSpec> q = new HashMap<>();
    for (TopicPartition tp : partitions()) {
      q.put(tp, OffsetSpec.latest());
    }
    Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> r = await(admin.listOffsets(q).all());
    Map<Integer, Long> out = new TreeMap<>();
    r.forEach((tp, info) -> out.put(tp.partition(), info.offset()));
    return out;
  }

  /** partition -> committed offset of {@code group} (partitions it never committed are absent). */
  public Map<Integer, Long> committed(String group) {
    Map<TopicPartition, OffsetAndMetadata> r =
        await(admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata());
    Map<Integer, Long> out = new TreeMap<>();
    r.forEach((tp, om) -> {
      if (om != null && tp.topic().equals(topic)) {
        out.put(tp.partition(), om.offset());
      }
    });
    return out;
  }

  /** Sets {@code group}'s committed offsets (the group must have no active members). */
  public void commit(String group, Map<Integer, Long> offsets) {
    Map<TopicPartition, OffsetAndMetadata> m = new HashMap<>();
    offsets.forEach((p, o) -> m.put(new TopicPartition(topic, p), new OffsetAndMetadata(o)));
    await(admin.alterConsumerGroupOffsets(group, m).all());
  }

  private <T> T await(org.apache.kafka.common.KafkaFuture<T> f) {
    try {
      return f.get(timeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UserError("interrupted while asking Kafka at " + bootstrap);
    } catch (TimeoutException e) {
      throw ConnectFailures.kafka(clientProperties, "read offsets", timeout, e);
    } catch (ExecutionException e) {
      Throwable c = e.getCause();
      if (c instanceof UnknownTopicOrPartitionException) {
        throw new UserError("Kafka topic " + topic + " does not exist at " + bootstrap
            + " (topics are created by `./trendoff stack up`; auto-creation is off)");
      }
      throw ConnectFailures.kafka(clientProperties, "read offsets", timeout, c);
    }
  }

  @Override
  public void close() {
    admin.close(Duration.ofSeconds(2));
  }
}
