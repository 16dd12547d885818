package dev.trendoff.speed;

import java.util.Iterator;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.function.VoidFunction;

import com.datastax.spark.connector.cql.CassandraConnector;

import dev.trendoff.core.Settings;
import dev.trendoff.core.Tables;
import dev.trendoff.core.UserError;
import dev.trendoff.spark.KafkaTweet;
import dev.trendoff.spark.MicroBatchWriter;

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
  private final String consistency;
  private final int maxRowsPerBatch;
  private final int maxInFlight;

  public SpeedViewWriter(SparkConf conf, Settings settings, SpeedSettings speed) {
    this.connector = CassandraConnector.apply(conf);
    this.keyspace = settings.cassandra().keyspace();
    this.consistency = settings.cassandra().writeConsistency();
    this.maxRowsPerBatch = speed.maxRowsPerBatch();
    this.maxInFlight = speed.maxInFlight();
  }

  /**
   * Opens the connector's session and prepares the insert now, on the driver (in local mode the
   * executors share it), so the first micro-batch does not pay for it; an unreachable Cassandra or a
   * missing table is a {@link UserError} before the stream starts.
   */
  public void warmUp() {
    try {
      connector.jWithSessionDo(session -> new SpeedViewWrites(session, keyspace, consistency, maxRowsPerBatch, maxInFlight));
    } catch (RuntimeException e) {
      throw new UserError("the speed layer cannot write " + keyspace + "." + Tables.SPEED_VIEW + " in Cassandra at "
          + connector.conf().contactInfo() + " (" + e.getMessage() + "); is it up (`./trendoff stack up`) and the schema"
          + " applied (`./trendoff schema`)?", e);
    }
  }

  @Override
  public void write(JavaRDD<KafkaTweet> tweets, long batchTimeMillis) {
    tweets.foreachPartition(new WritePartition(connector, keyspace, consistency, maxRowsPerBatch, maxInFlight));
  }

  private record WritePartition(CassandraConnector connector, String keyspace, String consistency,
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
