package dev.trendoff.serving;

import java.util.ArrayList;
import java.util.List;

import com.datastax.oss.driver.api.core.CqlSession;

import dev.trendoff.core.CassandraSessions;
import dev.trendoff.core.Settings;
import dev.trendoff.core.UserError;
import dev.trendoff.views.TableCounts;
import dev.trendoff.views.ViewPointer;

/**
 * Gathers {@code status}: consumer lag per partition of both groups, rows per table, the published
 * view. Kafka and Cassandra are asked separately; one that is down leaves its part empty and its
 * reason in {@link StatusReport#errors()}.
 */
public final class Status {

  private Status() {}

  public static StatusReport read(Settings s) {
    ServingSettings serving = ServingSettings.from(s);
    List<String> errors = new ArrayList<>();
    List<KafkaLag.GroupLag> groups = null;
    try {
      groups = KafkaLag.read(s.kafka(), List.of(s.kafka().speedGroup(), s.kafka().batchGroup()),
          serving.statusKafkaTimeout());
    } catch (UserError e) {
      errors.add(e.getMessage());
    }
    Settings.Cassandra c = s.cassandra();
    TableCounts.Result tables = null;
    ViewPointer view = null;
    try (CqlSession session = CassandraSessions.open(c)) {
      QueryService q = QueryService.on(session, c);
      view = q.currentView();
      ViewPointer v = view;
      tables = q.guard(() -> TableCounts.count(session, c.keyspace(), v, serving.statusScanLimit()));
    } catch (UserError e) {
      errors.add(e.getMessage());
    }
    return new StatusReport(s.kafka().bootstrapServers(), s.kafka().topic(), groups,
        CassandraSessions.where(c),
        c.keyspace(), serving.statusScanLimit(), tables, view, errors);
  }
}
