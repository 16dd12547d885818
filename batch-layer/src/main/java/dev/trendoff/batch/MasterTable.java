package dev.trendoff.batch;

import static com.datastax.spark.connector.japi.CassandraJavaUtil.javaFunctions;
import static com.datastax.spark.connector.japi.CassandraJavaUtil.mapToRow;

import org.apache.spark.api.java.JavaRDD;

import dev.trendoff.core.Tables;

/**
 * Writes master rows through the Spark Cassandra Connector. An upsert keyed by tweet id, so writing
 * the same tweets again (a replayed micro-batch, a reloaded file) leaves one row per tweet. Null
 * fields are left unset rather than written as tombstones.
 */
public final class MasterTable {

  private MasterTable() {}

  /**
   * Saves the rows; returns when every row is acknowledged (at the configured write consistency).
   * {@code concurrentWrites}: statements in flight per Spark task (each master row is a partition of
   * its own, so the connector cannot batch them: concurrency is what makes the writes fast).
   */
  public static void save(JavaRDD<MasterRow> rows, String keyspace, int concurrentWrites) {
    javaFunctions(rows)
        .writerBuilder(keyspace, Tables.TWEETS, mapToRow(MasterRow.class))
        .withIgnoreNulls(true)
        .withParallelismLevel(concurrentWrites)
        .saveToCassandra();
  }

  /** {@code trendoff.batch.write-concurrency}. */
  public static int concurrentWrites(dev.trendoff.core.Settings settings) {
    return settings.config().getInt("trendoff.batch.write-concurrency");
  }
}
