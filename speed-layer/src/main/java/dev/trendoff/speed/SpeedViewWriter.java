package dev.trendoff.speed;

import java.util.Iterator;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.function.VoidFunction;

import com.datastax.oss.driver.api.core.ConsistencyLevel;
import com.datastax.spark.connector.cql.CassandraConnector;

import dev.trendoff.core.Settings;
import dev.trendoff.spark.ConnectorWarmUp;
import dev.trendoff.spark.KafkaTweet;
import dev.trendoff.spark.MicroBatchWriter;
import dev.trendoff.views.SpeedViewWrites;

/**
 * The speed layer's micro-batch: on the executors, each Spark partition's tweets become speed rows
 * grouped by user ({@link SpeedRows}) and are written through the connector's shared session
 * ({@link SpeedViewWrites}). Returns when every partition is written, so the offsets committed next
 * are only those of rows already in the view.
 */
public final class SpeedViewWriter implements MicroBatchWriter {

  private static final long serialVersionUID = 1L;

  private final CassandraConnector connector;
  private final String keyspace;
  private final ConsistencyLevel consistency;
  private final int maxRowsPerBatch;
  private final int maxInFlight;
  /** For the warm-up's messages, on the driver only. */
  private final transient Settings.Cassandra cassandra;

  public SpeedViewWriter(SparkConf conf, Settings settings, SpeedSettings speed) {
    this.connector = CassandraConnector.apply(conf);
    this.keyspace = settings.cassandra().keyspace();
    this.consistency = settings.cassandra().writeConsistency();
    this.maxRowsPerBatch = speed.maxRowsPerBatch();
    this.maxInFlight = speed.maxInFlight();
    this.cassandra = settings.cassandra();
  }

  /**
   * Opens the connector's session and prepares the insert now, on the driver (in local mode the
   * executors share it), so the first micro-batch does not pay for it; an unreachable or refusing
   * Cassandra or a missing table is a {@link dev.trendoff.core.UserError} before the stream starts.
   */
  public void warmUp() {
    ConnectorWarmUp.warmUp(connector, cassandra, "writes to the speed view",
        session -> new SpeedViewWrites(session, keyspace, consistency, maxRowsPerBatch, maxInFlight));
  }

  @Override
  public void write(JavaRDD<KafkaTweet> tweets, long batchTimeMillis) {
    tweets.foreachPartition(new WritePartition(connector, keyspace, consistency, maxRowsPerBatch, maxInFlight));
  }

  private record WritePartition(CassandraConnector connector, String keyspace, ConsistencyLevel consistency,
      int maxRowsPerBatch, int maxInFlight) implements VoidFunction<Iterator<KafkaTweet>> {

    @Override
    public void call(Iterator<KafkaTweet> tweets) {
      if (!tweets.hasNext()) {
        return;
      }
      var byUser = SpeedRows.standard().byUser(tweets);
      connector.jWithSessionDo(session ->
          new SpeedViewWrites(session, keyspace, consistency, maxRowsPerBatch, maxInFlight).write(byUser));
    }
  }
}
