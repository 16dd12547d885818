package dev.trendoff.serving;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.trendoff.core.ConnectFailures;
import dev.trendoff.core.Settings;
import dev.trendoff.core.UserError;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/** Consumer lag per partition of the tweets topic for some consumer groups: end offset minus committed offset. */
public final class KafkaLag {

  /** One partition: its end offset, the group's committed offset (null: never committed), the lag. */
  public record PartitionLag(int partition, long endOffset, Long committed) {
    public long lag() {
      return Math.max(0, endOffset - (committed == null ? 0 : committed));
    }
  }

  public record GroupLag(String group, List<PartitionLag> partitions) {
    public long total() {
      return partitions.stream().mapToLong(PartitionLag::lag).sum();
    }
  }

  private KafkaLag() {}

  /** Reads end offsets and each group's commits; an unreachable broker or missing topic is a {@link UserError}. */
  public static List<GroupLag> read(Settings.Kafka k, List<String> groups, Duration timeout) {
    Map<String, Object> props = new HashMap<>(k.clientProperties());
    int ms = (int) timeout.toMillis();
    props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, ms);
    props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, ms);
    props.putIfAbsent(AdminClientConfig.CLIENT_ID_CONFIG, "trendoff-status");
    try (Admin admin = ConnectFailures.admin(props)) {
      TopicDescription topic = get(admin.describeTopics(List.of(k.topic())).allTopicNames(), k, timeout).get(k.topic());
      Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
      topic.partitions().forEach(p -> latest.put(new TopicPartition(k.topic(), p.partition()), OffsetSpec.latest()));
      Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = get(admin.listOffsets(latest).all(), k, timeout);
      List<GroupLag> out = new ArrayList<>();
      for (String g : groups) {
        Map<TopicPartition, OffsetAndMetadata> committed =
            get(admin.listConsumerGroupOffsets(g).partitionsToOffsetAndMetadata(), k, timeout);
        List<PartitionLag> parts = new ArrayList<>();
        latest.keySet().stream().sorted(java.util.Comparator.comparingInt(TopicPartition::partition)).forEach(tp -> {
          OffsetAndMetadata c = committed.get(tp);
          parts.add(new PartitionLag(tp.partition(), ends.get(tp).offset(), c == null ? null : c.offset()));
        });
        out.add(new GroupLag(g, parts));
      }
      return out;
    }
  }

  private static <T> T get(org.apache.kafka.common.KafkaFuture<T> f, Settings.Kafka k, Duration timeout) {
    try {
      return f.get(timeout.toMillis() + 2000, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UserError("interrupted while asking Kafka", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof UnknownTopicOrPartitionException) {
        throw new UserError("Kafka topic " + k.topic() + " does not exist at " + k.bootstrapServers()
            + " (`./trendoff stack up` creates it)", e);
      }
      throw ConnectFailures.kafka(k.clientProperties(), "read consumer lag", timeout, e.getCause());
    } catch (TimeoutException e) {
      throw ConnectFailures.kafka(k.clientProperties(), "read consumer lag", timeout, e);
    }
  }
}
