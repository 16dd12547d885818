package dev.trendoff.cli;

import java.util.ArrayList;
import java.util.List;

import dev.trendoff.serving.KafkaLag;
import dev.trendoff.serving.StatusReport;
import dev.trendoff.views.TableCounts;

/** {@code ./trendoff status} in the terminal: lag per group and partition, rows per table, the view, columns aligned. */
final class StatusText {

  private StatusText() {}

  static String render(StatusReport r) {
    StringBuilder sb = new StringBuilder();
    sb.append("Kafka ").append(r.kafkaAt()).append(", topic ").append(r.topic())
        .append(r.topicId() == null ? "" : " (id " + r.topicId() + ")").append('\n');
    if (r.groups() == null) {
      sb.append("  (unavailable)\n");
    } else {
      for (KafkaLag.GroupLag g : r.groups()) {
        sb.append("  consumer group ").append(g.group()).append(": lag ").append(g.total()).append('\n');
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"    partition", "end offset", "committed", "lag"});
        for (KafkaLag.PartitionLag p : g.partitions()) {
          rows.add(new String[] {"    " + p.partition(), Long.toString(p.endOffset()),
              p.committed() == null ? "none" : Long.toString(p.committed()), Long.toString(p.lag())});
        }
        ComparisonTable.align(sb, rows);
      }
    }
    if (r.deadLetters() != null) {
      sb.append("  dead letters: ").append(r.deadLetters().exact() ? "" : ">= ").append(r.deadLetters().total());
      if (r.deadLetters().total() == 0) {
        sb.append('\n');
      } else {
        sb.append(" (each record once per layer that set it aside)\n");
        List<String[]> rows = new ArrayList<>();
        r.deadLetters().byLayer().forEach((layer, reasons) -> reasons.forEach((reason, n) ->
            rows.add(new String[] {"    " + layer, reason, Long.toString(n)})));
        ComparisonTable.align(sb, rows);
      }
    }
    sb.append("Cassandra ").append(r.cassandraAt()).append(", keyspace ").append(r.keyspace()).append('\n');
    if (r.tables() == null) {
      sb.append("  (unavailable)\n");
    } else {
      sb.append("  rows per table (counted by a scan of each table, exact up to ").append(r.scanLimit()).append("):\n");
      List<String[]> rows = new ArrayList<>();
      for (TableCounts.Count c : r.tables().tables()) {
        rows.add(new String[] {"    " + c.table(), (c.exact() ? "" : ">= ") + c.rows()});
      }
      ComparisonTable.align(sb, rows);
      sb.append("  batch view: ");
      if (r.view().exists()) {
        sb.append("version ").append(r.view().version())
            .append(r.view().publishedAt() == null ? "" : ", published " + r.view().publishedAt())
            .append(", cut ").append(r.view().cutText().isEmpty() ? "(empty)" : r.view().cutText()).append('\n');
        if (!r.skipped().isEmpty()) {
          sb.append("  master rows its recompute skipped (it could not use them): ");
          r.skipped().forEach((reason, n) -> sb.append(reason).append(' ').append(n).append("  "));
          sb.setLength(sb.length() - 2);
          sb.append('\n');
        }
      } else {
        sb.append("none published yet (no recompute has run): every speed row is pending\n");
      }
      TableCounts.SpeedSplit s = r.tables().speed();
      sb.append("  speed rows: ").append(s.exact() ? "" : ">= ").append(s.pending())
          .append(" pending (after the cut, counted from the speed view), ")
          .append(s.absorbed()).append(" absorbed (below the cut, in the batch view; the next recompute deletes them)")
          .append(s.otherTopic() == 0 ? "" : ", " + s.otherTopic() + " of another topic id than the cut's").append('\n');
    }
    if (r.topicChanged() != null) {
      sb.append("TOPIC CHANGED: ").append(r.topicChanged()).append('\n');
    }
    for (String e : r.errors()) {
      sb.append("DOWN: ").append(e).append('\n');
    }
    return sb.toString();
  }
}
