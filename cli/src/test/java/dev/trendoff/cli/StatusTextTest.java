package dev.trendoff.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.trendoff.serving.KafkaLag;
import dev.trendoff.serving.StatusReport;
import dev.trendoff.core.DeadLetterTopic;
import dev.trendoff.views.Cut;
import dev.trendoff.views.TableCounts;
import dev.trendoff.views.ViewPointer;

class StatusTextTest {

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
  void textSaysHowRowsWereCountedAndWhatIsPending() {
    String t = StatusText.render(ok);
    assertThat(t).contains("consumer group speed: lag 8")
        .contains("counted by a scan of each table, exact up to 1000")
        .contains(">= 1000").contains("version 5").contains("cut 0=7")
        .contains("speed rows: 9 pending").contains("3 absorbed")
        .contains("(id AAAA)").contains("dead letters: 5").contains("master rows its recompute skipped").contains("bad-user 3");
    assertThat(t.lines().filter(l -> l.contains("batch-ingest") && l.contains("not-avro")).findFirst().orElseThrow())
        .matches("\\s+batch-ingest\\s+not-avro\\s+1");
    assertThat(t).doesNotContain("TOPIC CHANGED");
    assertThat(t.lines().filter(l -> l.contains("none")).findFirst().orElseThrow()).matches("\\s+1\\s+5\\s+none\\s+5");
  }

  @Test
  void aServiceDownIsSaid() {
    StatusReport down = new StatusReport("k", "tweets", null, null, null, "c", "trendoff", 10, null, null, Map.of(),
        List.of("cannot reach Kafka"));
    assertThat(StatusText.render(down)).contains("(unavailable)").contains("DOWN: cannot reach Kafka");
  }
}
