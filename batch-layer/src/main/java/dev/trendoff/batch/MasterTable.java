package dev.trendoff.batch;

import java.util.Iterator;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.function.VoidFunction;

import com.datastax.oss.driver.api.core.ConsistencyLevel;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.DefaultConsistencyLevel;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.spark.connector.cql.CassandraConnector;

import dev.trendoff.core.BoundedAsync;
import dev.trendoff.core.Settings;

/**
 * Writes master rows from Spark through the Spark Cassandra Connector's pooled session
 * ({@link CassandraConnector}, configured by the job's {@code spark.cassandra.*}): in each Spark
 * partition, a prepared upsert keyed by tweet id, asynchronous with a bounded number in flight, at
 * the configured write consistency. Writing the same tweets again (a replayed micro-batch, a reloaded
 * file) leaves one row per tweet; null fields are left unset rather than written as tombstones. A row
 * of a load-csv run is also written to that run's {@code load_tweets} ({@link MasterLoads}).
 *
 * <p>Why not the connector's row writer ({@code javaFunctions(rdd).writerBuilder(...)}): every master
 * row is a partition of its own, so it cannot batch, and its per-row mapping cost made the ingest a
 * third of a plain driver loop's rate on this machine ({@code ./trendoff bench batch}).
 */
public final class MasterTable {

  private MasterTable() {}

  /** Saves the rows; returns when every row is acknowledged. {@code concurrentWrites}: in flight per Spark task. */
  public static void save(JavaRDD<MasterRow> rows, String keyspace, int concurrentWrites) {
    CassandraConnector connector = CassandraConnector.apply(rows.context().getConf());
    String consistency = rows.context().getConf().get("spark.cassandra.output.consistency.level", "LOCAL_QUORUM");
    rows.foreachPartition(new WritePartition(connector, keyspace, consistency, concurrentWrites));
  }

  /** Empties the master table of {@code keyspace} (for a benchmark that rebuilds its own keyspace). */
  public static void truncate(CqlSession session, String keyspace) {
    session.execute(com.datastax.oss.driver.api.core.cql.SimpleStatement.newInstance(
        "TRUNCATE " + keyspace + "." + dev.trendoff.core.Tables.TWEETS).setTimeout(java.time.Duration.ofSeconds(60)));
  }

  /** {@code trendoff.batch.write-concurrency}: statements in flight per Spark task. */
  public static int concurrentWrites(Settings settings) {
    return BatchSettings.from(settings).writeConcurrency();
  }

  /** One Spark partition's rows, written with the executor's pooled connector session. */
  private record WritePartition(CassandraConnector connector, String keyspace, String consistency, int concurrentWrites)
      implements VoidFunction<Iterator<MasterRow>> {

    @Override
    public void call(Iterator<MasterRow> rows) throws InterruptedException {
      if (!rows.hasNext()) {
        return;
      }
      try (CqlSession session = connector.openSession()) {
        PreparedStatement insert = session.prepare(MasterRowStatements.insert(keyspace));
        PreparedStatement loaded = session.prepare(MasterLoads.insert(keyspace));
        ConsistencyLevel level = DefaultConsistencyLevel.valueOf(consistency);
        BoundedAsync async = new BoundedAsync(session, concurrentWrites);
        while (rows.hasNext()) {
          MasterRow r = rows.next();
          async.submit(MasterRowStatements.bind(insert, r).setConsistencyLevel(level));
          if (r.getLoadId() != null) {
            async.submit(MasterLoads.bind(loaded, r).setConsistencyLevel(level));
          }
        }
        async.await();
      }
    }
  }
}
