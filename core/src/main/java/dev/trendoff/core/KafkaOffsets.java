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

  /**
   * The topic as Kafka describes it now: its partitions and its id, which changes when the topic is
   * deleted and created again (or Kafka's data is lost): offsets of another id are another topic's.
   */
  public record TopicState(List<TopicPartition> partitions, String topicId) {}

  /** The topic's partitions and id, or a UserError when Kafka is unreachable or the topic is missing. */
  public TopicState describe() {
    TopicDescription d = await(admin.describeTopics(List.of(topic)).allTopicNames()).get(topic);
    return new TopicState(d.partitions().stream().map(p -> new TopicPartition(topic, p.partition())).toList(),
        d.topicId().toString());
  }

  /** The topic's partitions, or a UserError when Kafka is unreachable or the topic is missing. */
  public List<TopicPartition> partitions() {
    return describe().partitions();
  }

  /** The topic's id (Kafka's {@code Uuid}, as text). */
  public String topicId() {
    return describe().topicId();
  }

  /** partition -> offset of the next record to be written. */
  public Map<Integer, Long> endOffsets() {
    return endOffsets(partitions());
  }

  /** partition -> offset of the next record to be written, for {@code partitions}. */
  public Map<Integer, Long> endOffsets(List<TopicPartition> partitions) {
    Map<TopicPartition, OffsetSpec> q = new HashMap<>();
    for (TopicPartition tp : partitions) {
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
    commit(group, offsets, null);
  }

  /** The metadata of a commit that names the id of the topic its offsets are of. */
  static final String TOPIC_ID_METADATA = "topic-id=";

  /**
   * Sets {@code group}'s committed offsets, naming {@code topicId} in each commit's metadata (null:
   * none), so that a later reader can tell them from offsets of a topic since deleted ({@link #committedFor}).
   */
  public void commit(String group, Map<Integer, Long> offsets, String topicId) {
    Map<TopicPartition, OffsetAndMetadata> m = new HashMap<>();
    String metadata = topicId == null ? "" : TOPIC_ID_METADATA + topicId;
    offsets.forEach((p, o) -> m.put(new TopicPartition(topic, p), new OffsetAndMetadata(o, metadata)));
    await(admin.alterConsumerGroupOffsets(group, m).all());
  }

  /**
   * {@code group}'s committed offsets that are of the topic as it is now ({@code now}): a commit that
   * names another topic id, or lies beyond its partition's end, was made on a topic since deleted and
   * created again, and is left out (so that partition starts from its beginning). A commit naming no
   * topic id (made before ids were recorded) is kept.
   */
  public Map<Integer, Long> committedFor(String group, TopicState now) {
    Map<TopicPartition, OffsetAndMetadata> r =
        await(admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata());
    Map<Integer, Long> end = endOffsets(now.partitions());
    Map<Integer, Long> out = new TreeMap<>();
    r.forEach((tp, om) -> {
      if (om == null || !tp.topic().equals(topic)) {
        return;
      }
      String md = om.metadata() == null ? "" : om.metadata();
      boolean otherTopic = md.startsWith(TOPIC_ID_METADATA) && !md.substring(TOPIC_ID_METADATA.length()).equals(now.topicId());
      boolean beyondEnd = om.offset() > end.getOrDefault(tp.partition(), Long.MAX_VALUE);
      if (!otherTopic && !beyondEnd) {
        out.put(tp.partition(), om.offset());
      }
    });
    return out;
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
