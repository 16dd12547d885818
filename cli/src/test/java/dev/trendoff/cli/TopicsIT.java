package dev.trendoff.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.trendoff.core.KafkaTopics;
import dev.trendoff.core.Settings;
import dev.trendoff.localstack.junit.LocalStackExtension;
import dev.trendoff.localstack.junit.TestStack;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** topics against the real broker of the test stack (topic auto-creation off). */
@ExtendWith(LocalStackExtension.class)
class TopicsIT {

  @Test
  void createsBothTopicsWithTheConfiguredPartitionsThenLeavesThemAlone(TestStack stack) throws Exception {
    // configWith, not settingsWith: that one creates the topics
    Settings s = Settings.from(stack.configWith(Map.of("kafka.topic", stack.freshName("tweets"),
        "kafka.dlq-topic", stack.freshName("dlq"), "kafka.partitions", 3)));
    assertThat(KafkaTopics.missing(s.kafka())).hasSize(2);

    Cli.Result first = Cli.run(new TopicsCommand(() -> s));
    assertThat(first.exit()).as(first.err()).isZero();
    assertThat(first.out().lines()).containsExactly(
        "topic " + s.kafka().topic() + ": 3 partitions (created)",
        "topic " + s.kafka().dlqTopic() + ": 3 partitions (created)");
    try (Admin admin = KafkaTopics.admin(s.kafka())) {
      Map<String, TopicDescription> d = admin.describeTopics(List.of(s.kafka().topic(), s.kafka().dlqTopic()))
          .allTopicNames().get();
      assertThat(d.values()).allSatisfy(t -> assertThat(t.partitions()).hasSize(3));
    }

    Cli.Result again = Cli.run(new TopicsCommand(() -> s));
    assertThat(again.exit()).isZero();
    assertThat(again.out()).contains(s.kafka().topic() + ": 3 partitions (existed)")
        .contains(s.kafka().dlqTopic() + ": 3 partitions (existed)");

    // --topic names the tweet topic for this run only; the dead-letter topic stays the configured one
    String other = stack.freshName("other");
    Cli.Result flag = Cli.run(new TopicsCommand(() -> s), "--topic", other);
    assertThat(flag.out()).contains("topic " + other + ": 3 partitions (created)");
    assertThat(KafkaTopics.missing(Settings.from(stack.configWith(Map.of("kafka.topic", other,
        "kafka.dlq-topic", s.kafka().dlqTopic()))).kafka())).isEqualTo(Set.of());
  }

  @Test
  void kafkaDownIsOneLineAndNonZero(TestStack stack) {
    // nothing listens there; the admin client gives up after 2 s instead of KafkaTopics' 30
    Settings down = Settings.from(stack.configWith(Map.of(
        "kafka.bootstrap-servers", "127.0.0.1:" + dev.trendoff.localstack.Ports.free(1).get(0),
        "kafka.client", Map.of("default.api.timeout.ms", "2000", "request.timeout.ms", "2000"))));
    Cli.Result r = Cli.run(new TopicsCommand(() -> down));
    assertThat(r.exit()).isNotZero();
    assertThat(r.err()).startsWith("trendoff: cannot reach Kafka");
    assertThat(r.err().strip().lines().count()).isEqualTo(1);
  }
}
