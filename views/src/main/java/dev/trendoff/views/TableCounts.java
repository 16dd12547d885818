package dev.trendoff.views;

import java.util.ArrayList;
import java.util.List;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;

import dev.trendoff.core.Tables;

/**
 * Rows per table (the master table and the derived ones) by a bounded scan, each table's key column
 * only, paged: exact up to {@code limit} rows, "at least limit" beyond. The speed view scan also
 * splits its rows on the current cut.
 */
public final class TableCounts {

  /** {@code exact} false: the scan stopped at the limit, there are at least {@code rows}. */
  public record Count(String table, long rows, boolean exact) {}

  /** Speed rows after the cut (pending: counted from the speed side) and below it (absorbed by the batch view). */
  public record SpeedSplit(long pending, long absorbed, boolean exact) {}

  public record Result(List<Count> tables, SpeedSplit speed) {}

  private TableCounts() {}

  public static Result count(CqlSession session, String keyspace, ViewPointer view, long limit) {
    List<Count> out = new ArrayList<>();
    String[][] tables = {
        {Tables.TWEETS, "tweet_id"}, {ViewTables.BATCH_VIEW, "user_key"}, {ViewTables.CORPUS, "version"},
        {ViewTables.VIEW_VERSIONS, "version"}, {ViewTables.VIEW_POINTER, "name"}};
    for (String[] t : tables) {
      long n = 0;
      for (Row ignored : session.execute(scan("SELECT " + t[1] + " FROM " + ViewTables.in(keyspace, t[0]), limit))) {
        n++;
      }
      out.add(new Count(t[0], Math.min(n, limit), n <= limit));
    }
    long pending = 0;
    long absorbed = 0;
    for (Row r : session.execute(scan(SpeedView.scanPositions(keyspace), limit))) {
      if (view.countsSpeedRow(SpeedView.partition(r), SpeedView.offset(r))) {
        pending++;
      } else {
        absorbed++;
      }
    }
    boolean exact = pending + absorbed <= limit;
    out.add(1, new Count(ViewTables.SPEED_VIEW, Math.min(pending + absorbed, limit), exact));
    return new Result(out, new SpeedSplit(pending, absorbed, exact));
  }

  private static SimpleStatement scan(String q, long limit) {
    return SimpleStatement.newInstance(q + " LIMIT " + (limit + 1))
        .setPageSize(5000)
        .setTimeout(java.time.Duration.ofSeconds(60));
  }
}
