package dev.trendoff.serving;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What {@code ./trendoff status} found. Either part may be missing when its service is down; then
 * {@link #errors()} says why (and the command exits non-zero after printing what it has).
 */
public record StatusReport(String kafkaAt, String topic, List<KafkaLag.GroupLag> groups,
    String cassandraAt, String keyspace, long scanLimit, TableCounts.Result tables, ViewPointer view,
    List<String> errors) {

  public String text() {
    StringBuilder sb = new StringBuilder();
    sb.append("Kafka ").append(kafkaAt).append(", topic ").append(topic).append('\n');
    if (groups == null) {
      sb.append("  (unavailable)\n");
    } else {
      for (KafkaLag.GroupLag g : groups) {
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
    sb.append("Cassandra ").append(cassandraAt).append(", keyspace ").append(keyspace).append('\n');
    if (tables == null) {
      sb.append("  (unavailable)\n");
    } else {
      sb.append("  rows per table (counted by a scan of each table, exact up to ").append(scanLimit).append("):\n");
      List<String[]> rows = new ArrayList<>();
      for (TableCounts.Count c : tables.tables()) {
        rows.add(new String[] {"    " + c.table(), (c.exact() ? "" : ">= ") + c.rows()});
      }
      ComparisonTable.align(sb, rows);
      sb.append("  batch view: ");
      if (view.exists()) {
        sb.append("version ").append(view.version())
            .append(view.publishedAt() == null ? "" : ", published " + view.publishedAt())
            .append(", cut ").append(view.cut().isEmpty() ? "(empty)" : view.cutText()).append('\n');
      } else {
        sb.append("none published yet (no recompute has run): every speed row is pending\n");
      }
      TableCounts.SpeedSplit s = tables.speed();
      sb.append("  speed rows: ").append(s.exact() ? "" : ">= ").append(s.pending())
          .append(" pending (after the cut, counted from the speed view), ")
          .append(s.absorbed()).append(" absorbed (below the cut, in the batch view; the next recompute deletes them)\n");
    }
    for (String e : errors) {
      sb.append("DOWN: ").append(e).append('\n');
    }
    return sb.toString();
  }

  public String json() {
    ObjectMapper m = new ObjectMapper();
    ObjectNode root = m.createObjectNode();
    ObjectNode k = root.putObject("kafka").put("bootstrapServers", kafkaAt).put("topic", topic);
    if (groups != null) {
      ArrayNode ga = k.putArray("groups");
      for (KafkaLag.GroupLag g : groups) {
        ObjectNode go = ga.addObject().put("group", g.group()).put("lag", g.total());
        ArrayNode pa = go.putArray("partitions");
        for (KafkaLag.PartitionLag p : g.partitions()) {
          ObjectNode po = pa.addObject().put("partition", p.partition()).put("endOffset", p.endOffset());
          if (p.committed() == null) {
            po.putNull("committed");
          } else {
            po.put("committed", p.committed());
          }
          po.put("lag", p.lag());
        }
      }
    }
    ObjectNode c = root.putObject("cassandra").put("contactPoints", cassandraAt).put("keyspace", keyspace);
    if (tables != null) {
      ObjectNode t = c.putObject("rows").put("method", "scan").put("limit", scanLimit);
      ArrayNode ta = t.putArray("tables");
      for (TableCounts.Count n : tables.tables()) {
        ta.addObject().put("table", n.table()).put("rows", n.rows()).put("exact", n.exact());
      }
      ObjectNode v = c.putObject("view");
      if (view.exists()) {
        v.put("version", view.version());
      } else {
        v.putNull("version");
      }
      v.put("cut", view.cutText());
      v.put("publishedAt", view.publishedAt() == null ? null : view.publishedAt().toString());
      c.putObject("speedRows").put("pending", tables.speed().pending()).put("absorbed", tables.speed().absorbed())
          .put("exact", tables.speed().exact());
    }
    ArrayNode ea = root.putArray("errors");
    errors.forEach(ea::add);
    try {
      return m.writeValueAsString(root);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
