package dev.trendoff.serving;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.DefaultConsistencyLevel;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import dev.trendoff.core.Tables;

/**
 * Rows per table by a bounded scan (each table's key column only, paged): exact up to {@code limit}
 * rows, "at least limit" beyond. The speed view scan also splits its rows on the current cut.
 */
public final class TableCounts {

  /** {@code exact} false: the scan stopped at the limit, there are at least {@code rows}. */
  public record Count(String table, long rows, boolean exact) {}

  /** Speed rows after the cut (pending: counted from the speed side) and below it (absorbed by the batch view). */
  public record SpeedSplit(long pending, long absorbed, boolean exact) {}

  public record Result(List<Count> tables, SpeedSplit speed) {}

  private TableCounts() {}

  public static Result count(CqlSession session, String keyspace, String readConsistency, ViewPointer view, long limit) {
    List<Count> out = new ArrayList<>();
    String[][] tables = {
        {Tables.TWEETS, "tweet_id"}, {Tables.BATCH_VIEW, "user_key"},
        {Tables.VIEW_VERSIONS, "version"}, {Tables.VIEW_POINTER, "name"}};
    for (String[] t : tables) {
      long n = 0;
      for (Row ignored : session.execute(scan("SELECT " + t[1] + " FROM " + keyspace + "." + t[0], limit, readConsistency))) {
        n++;
      }
      out.add(new Count(t[0], Math.min(n, limit), n <= limit));
    }
    long pending = 0;
    long absorbed = 0;
    String q = "SELECT kafka_partition, kafka_offset FROM " + keyspace + "." + Tables.SPEED_VIEW;
    for (Row r : session.execute(scan(q, limit, readConsistency))) {
      Integer p = r.isNull(0) ? null : r.getInt(0);
      Long o = r.isNull(1) ? null : r.getLong(1);
      if (view.countsSpeedRow(p, o)) {
        pending++;
      } else {
        absorbed++;
      }
    }
    boolean exact = pending + absorbed <= limit;
    out.add(1, new Count(Tables.SPEED_VIEW, Math.min(pending + absorbed, limit), exact));
    return new Result(out, new SpeedSplit(pending, absorbed, exact));
  }

  private static SimpleStatement scan(String q, long limit, String consistency) {
    return SimpleStatement.newInstance(q + " LIMIT " + (limit + 1))
        .setPageSize(5000)
        .setTimeout(java.time.Duration.ofSeconds(60))
        .setConsistencyLevel(DefaultConsistencyLevel.valueOf(consistency.strip().toUpperCase(Locale.ROOT)));
  }
}
