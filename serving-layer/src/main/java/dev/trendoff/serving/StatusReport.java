package dev.trendoff.serving;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trendoff.core.DeadLetterTopic;
import dev.trendoff.views.TableCounts;
import dev.trendoff.views.TopicChangedException;
import dev.trendoff.views.ViewPointer;

/**
 * What {@code ./trendoff status} found (gathered by {@link Status}), and its JSON. Either part may be missing when its service is down; then
 * {@link #errors()} says why (and the command exits non-zero after printing what it has).
 */
public record StatusReport(String kafkaAt, String topic, String topicId, List<KafkaLag.GroupLag> groups,
    DeadLetterTopic.Counts deadLetters, String cassandraAt, String keyspace, long scanLimit, TableCounts.Result tables,
    ViewPointer view, Map<String, Long> skipped, List<String> errors) {

  /**
   * When Kafka's topic is not the one the published cut was taken on: the line saying so and how to
   * recover; null when they agree (or either is unknown).
   */
  public String topicChanged() {
    if (topicId == null || view == null || view.topicId() == null || view.topicId().equals(topicId)) {
      return null;
    }
    return TopicChangedException.message(view.topicId(), topicId);
  }

  public String json() {
    ObjectMapper m = new ObjectMapper();
    ObjectNode root = m.createObjectNode();
    ObjectNode k = root.putObject("kafka").put("bootstrapServers", kafkaAt).put("topic", topic).put("topicId", topicId);
    if (deadLetters != null) {
      ObjectNode d = k.putObject("deadLetters").put("total", deadLetters.total()).put("exact", deadLetters.exact());
      ObjectNode byLayer = d.putObject("byLayer");
      deadLetters.byLayer().forEach((layer, reasons) -> {
        ObjectNode l = byLayer.putObject(layer);
        reasons.forEach(l::put);
      });
    }
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
      v.put("topicId", view.topicId());
      v.put("publishedAt", view.publishedAt() == null ? null : view.publishedAt().toString());
      ObjectNode sk = v.putObject("skippedMasterRows");
      skipped.forEach(sk::put);
      v.put("topicChanged", topicChanged());
      c.putObject("speedRows").put("pending", tables.speed().pending()).put("absorbed", tables.speed().absorbed())
          .put("otherTopic", tables.speed().otherTopic()).put("exact", tables.speed().exact());
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
