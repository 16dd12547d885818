package dev.trendoff.serving;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import dev.trendoff.core.DeadLetterTopic;
import dev.trendoff.views.Cut;
import dev.trendoff.views.TableCounts;
import dev.trendoff.views.ViewPointer;

class StatusReportTest {

  final KafkaLag.GroupLag speed = new KafkaLag.GroupLag("speed",
      List.of(new KafkaLag.PartitionLag(0, 10, 7L), new KafkaLag.PartitionLag(1, 5, null)));
  final TableCounts.Result tables = new TableCounts.Result(
      List.of(new TableCounts.Count("tweets", 1000, false), new TableCounts.Count("speed_view", 12, true)),
      new TableCounts.SpeedSplit(9, 3, 0, true));
  final DeadLetterTopic.Counts dead = new DeadLetterTopic.Counts(
      Map.of("speed-layer", Map.of("bad-user", 2L), "batch-ingest", Map.of("bad-user", 2L, "not-avro", 1L)), 5, true);
  final StatusReport ok = new StatusReport("127.0.0.1:9092", "tweets", "AAAA", List.of(speed), dead, "127.0.0.1:9042",
      "trendoff", 1000, tables, new ViewPointer(5L, Cut.of("AAAA", Set.of(), Map.of(0, 7L)), null),
      Map.of("bad-user", 3L), List.of());

  @Test
  void lagIsEndMinusCommittedAndNoCommitMeansFromZero() {
    assertThat(speed.partitions().get(0).lag()).isEqualTo(3);
    assertThat(speed.partitions().get(1).lag()).isEqualTo(5);
    assertThat(speed.total()).isEqualTo(8);
  }

  @Test
  void aTopicIdOtherThanTheCutsIsSaidWithTheRecovery() {
    StatusReport moved = new StatusReport("k", "tweets", "BBBB", List.of(), dead, "c", "trendoff", 10, tables,
        ok.view(), Map.of(), List.of());
    assertThat(moved.topicChanged()).contains("topic id AAAA").contains("id BBBB").contains("--adopt-topic");
    assertThat(ok.topicChanged()).isNull();
  }

  @Test
  void jsonCarriesTheSameAndErrors() throws Exception {
    JsonNode j = new ObjectMapper().readTree(ok.json());
    assertThat(j.get("kafka").get("groups").get(0).get("partitions").get(1).get("committed").isNull()).isTrue();
    assertThat(j.get("cassandra").get("rows").get("method").asText()).isEqualTo("scan");
    assertThat(j.get("cassandra").get("speedRows").get("pending").asLong()).isEqualTo(9);
    assertThat(j.get("kafka").get("deadLetters").get("total").asLong()).isEqualTo(5);
    assertThat(j.get("kafka").get("deadLetters").get("byLayer").get("batch-ingest").get("not-avro").asLong()).isEqualTo(1);
    assertThat(j.get("cassandra").get("view").get("skippedMasterRows").get("bad-user").asLong()).isEqualTo(3);
    assertThat(j.get("cassandra").get("view").get("topicChanged").isNull()).isTrue();
    StatusReport down = new StatusReport("k", "tweets", null, null, null, "c", "trendoff", 10, null, null, Map.of(),
        List.of("cannot reach Kafka"));
    assertThat(new ObjectMapper().readTree(down.json()).get("errors").get(0).asText()).isEqualTo("cannot reach Kafka");
  }
}
