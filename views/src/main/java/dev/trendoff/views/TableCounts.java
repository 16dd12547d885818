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

  /**
   * Speed rows after the cut (pending: counted from the speed side), below it (absorbed by the batch
   * view), and of a topic the published cut does not know (the topic was created again: see
   * {@link TopicChangedException}).
   */
  public record SpeedSplit(long pending, long absorbed, long otherTopic, boolean exact) {}

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
    long otherTopic = 0;
    Cut cut = view.cut();
    for (Row r : session.execute(scan(SpeedView.scanPositions(keyspace), limit))) {
      String topic = r.getString("kafka_topic_id");
      if (!view.exists()) {
        pending++;
      } else if (cut.covers(topic, r.getInt("kafka_partition"), r.getLong("kafka_offset"))) {
        absorbed++;
      } else if (cut.isCurrent(topic)) {
        pending++;
      } else {
        otherTopic++;
      }
    }
    long all = pending + absorbed + otherTopic;
    boolean exact = all <= limit;
    out.add(1, new Count(ViewTables.SPEED_VIEW, Math.min(all, limit), exact));
    return new Result(out, new SpeedSplit(pending, absorbed, otherTopic, exact));
  }

  /** The tables (the master table and the derived ones) that hold at least one row. */
  public static List<String> nonEmpty(CqlSession session, String keyspace) {
    List<String> out = new ArrayList<>();
    String[][] tables = {{Tables.TWEETS, "tweet_id"}, {ViewTables.SPEED_VIEW, "user_key"}, {ViewTables.BATCH_VIEW, "user_key"},
        {ViewTables.VIEW_VERSIONS, "version"}, {ViewTables.VIEW_POINTER, "name"}};
    for (String[] t : tables) {
      if (session.execute(scan("SELECT " + t[1] + " FROM " + ViewTables.in(keyspace, t[0]), 0)).one() != null) {
        out.add(t[0]);
      }
    }
    return out;
  }

  private static SimpleStatement scan(String q, long limit) {
    return SimpleStatement.newInstance(q + " LIMIT " + (limit + 1))
        .setPageSize(5000)
        .setTimeout(java.time.Duration.ofSeconds(60));
  }
}
