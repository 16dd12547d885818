package dev.trendoff.serving;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.datastax.oss.driver.api.core.CqlSession;

import dev.trendoff.core.CassandraSessions;
import dev.trendoff.core.DeadLetterTopic;
import dev.trendoff.core.KafkaOffsets;
import dev.trendoff.core.Settings;
import dev.trendoff.core.UserError;
import dev.trendoff.views.TableCounts;
import dev.trendoff.views.ViewPointer;
import dev.trendoff.views.ViewStore;

/**
 * Gathers {@code status}: consumer lag per partition of both groups, the topic's id, the dead letters
 * by layer and reason, rows per table, the published view and the master rows its recompute skipped. Kafka and Cassandra are asked separately; one that is down leaves its part empty and its
 * reason in {@link StatusReport#errors()}.
 */
public final class Status {

  private Status() {}

  public static StatusReport read(Settings s) {
    ServingSettings serving = ServingSettings.from(s);
    List<String> errors = new ArrayList<>();
    List<KafkaLag.GroupLag> groups = null;
    String topicId = null;
    DeadLetterTopic.Counts dead = null;
    try {
      groups = KafkaLag.read(s.kafka(), List.of(s.kafka().speedGroup(), s.kafka().batchGroup()),
          serving.statusKafkaTimeout());
      try (KafkaOffsets o = new KafkaOffsets(s.kafka(), serving.statusKafkaTimeout())) {
        topicId = o.topicId();
      }
      dead = DeadLetterTopic.count(s.kafka(), serving.statusKafkaTimeout(), serving.statusScanLimit());
    } catch (UserError e) {
      errors.add(e.getMessage());
    }
    Settings.Cassandra c = s.cassandra();
    TableCounts.Result tables = null;
    ViewPointer view = null;
    Map<String, Long> skipped = Map.of();
    try (CqlSession session = CassandraSessions.open(c)) {
      QueryService q = QueryService.on(session, c);
      view = q.currentView();
      ViewPointer v = view;
      tables = q.guard(() -> TableCounts.count(session, c.keyspace(), v, serving.statusScanLimit()));
      if (v.exists()) {
        skipped = q.guard(() -> new ViewStore(session, c.keyspace(), 1).skipped(v.version()));
      }
    } catch (UserError e) {
      errors.add(e.getMessage());
    }
    return new StatusReport(s.kafka().bootstrapServers(), s.kafka().topic(), topicId, groups, dead,
        CassandraSessions.where(c), c.keyspace(), serving.statusScanLimit(), tables, view, skipped, errors);
  }
}
