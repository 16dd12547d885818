package dev.trendoff.core;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Creates trendoff's Kafka topics explicitly: the tweet topic ({@code trendoff.kafka.topic}) and its
 * dead-letter topic ({@code trendoff.kafka.dlq-topic}), each with {@code trendoff.kafka.partitions}
 * partitions and {@code trendoff.kafka.replication-factor}. Brokers run with topic auto-creation off,
 * so a typo in a topic name is an error instead of a silently empty topic. Idempotent.
 */
public final class KafkaTopics {

  /** How long one admin call may take before Kafka counts as unreachable. */
  static final Duration TIMEOUT = Duration.ofSeconds(30);

  private KafkaTopics() {}

  /** The topics trendoff needs, in order: the tweet topic, then the dead-letter topic. */
  public static List<String> names(Settings.Kafka k) {
    return List.of(k.topic(), k.dlqTopic());
  }

  /** Creates whichever of the topics are missing; returns the names it created (empty when all existed). */
  public static List<String> ensure(Settings.Kafka k) {
    try (Admin admin = admin(k)) {
      return ensure(admin, k);
    }
  }

  /** As {@link #ensure(Settings.Kafka)}, with an admin client the caller owns. */
  public static List<String> ensure(Admin admin, Settings.Kafka k) {
    Set<String> missing = missing(admin, k);
    if (missing.isEmpty()) {
      return List.of();
    }
    List<NewTopic> create = new ArrayList<>();
    for (String name : missing) {
      create.add(new NewTopic(name, k.partitions(), k.replicationFactor()));
    }
    Map<String, KafkaFuture<Void>> results = admin.createTopics(create).values();
    List<String> created = new ArrayList<>();
    for (Map.Entry<String, KafkaFuture<Void>> e : results.entrySet()) {
      try {
        get(e.getValue(), k, "create topic " + e.getKey());
        created.add(e.getKey());
      } catch (UserError ue) {
        if (!(ue.getCause() instanceof TopicExistsException)) {
          throw ue;
        }
        // created concurrently by someone else: fine
      }
    }
    return created;
  }

  /** The topics (of {@link #names}) that do not exist on the cluster. */
  public static Set<String> missing(Settings.Kafka k) {
    try (Admin admin = admin(k)) {
      return missing(admin, k);
    }
  }

  public static Set<String> missing(Admin admin, Settings.Kafka k) {
    Set<String> existing = get(admin.listTopics().names(), k, "list topics");
    Set<String> missing = new TreeSet<>(names(k));
    missing.removeAll(existing);
    return missing;
  }

  /** Throws a {@link UserError} naming the missing topics and the fix, when any is missing. */
  public static void requireExist(Settings.Kafka k) {
    Set<String> missing = missing(k);
    if (!missing.isEmpty()) {
      throw new UserError("Kafka topic " + String.join(", ", missing) + " does not exist at " + k.bootstrapServers()
          + " (auto-creation is off): `./trendoff topics` creates them (`./trendoff stack up` on the local stack), or check trendoff.kafka.topic/dlq-topic");
    }
  }

  /** Partition count of each topic of {@link #names} that exists. */
  public static Map<String, Integer> partitions(Settings.Kafka k) {
    try (Admin admin = admin(k)) {
      Set<String> existing = get(admin.listTopics().names(), k, "list topics");
      List<String> wanted = names(k).stream().filter(existing::contains).toList();
      Map<String, TopicDescription> d = get(admin.describeTopics(wanted).allTopicNames(), k, "describe topics");
      Map<String, Integer> out = new LinkedHashMap<>();
      for (String name : wanted) {
        out.put(name, d.get(name).partitions().size());
      }
      return out;
    }
  }

  /** An admin client for {@code k}'s cluster with bounded timeouts; the caller closes it. */
  public static Admin admin(Settings.Kafka k) {
    Map<String, Object> p = new LinkedHashMap<>(k.clientProperties());
    p.putIfAbsent(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
    p.putIfAbsent(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
    p.putIfAbsent(AdminClientConfig.CLIENT_ID_CONFIG, "trendoff-topics");
    return ConnectFailures.admin(p);
  }

  private static <T> T get(KafkaFuture<T> f, Settings.Kafka k, String what) {
    try {
      return f.get(TIMEOUT.toMillis() + 5_000, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UserError("interrupted while trying to " + what + " at " + k.bootstrapServers(), e);
    } catch (TimeoutException e) {
      throw ConnectFailures.kafka(k.clientProperties(), what, TIMEOUT, e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      if (cause instanceof TopicExistsException) {
        throw new UserError("Kafka topic exists: " + cause.getMessage(), cause);
      }
      throw ConnectFailures.kafka(k.clientProperties(), what, TIMEOUT, cause);
    }
  }
}
