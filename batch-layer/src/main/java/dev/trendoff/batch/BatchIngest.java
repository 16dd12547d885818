package dev.trendoff.batch;

import org.apache.spark.api.java.JavaRDD;

import com.datastax.spark.connector.cql.CassandraConnector;

import dev.trendoff.core.Settings;
import dev.trendoff.spark.ConnectorWarmUp;
import dev.trendoff.spark.SparkConfs;
import dev.trendoff.spark.KafkaStreamJob;
import dev.trendoff.spark.KafkaTweet;
import dev.trendoff.spark.MicroBatchWriter;

/**
 * {@code ./trendoff batch-layer ingest}: every tweet of the topic into the master table, with its
 * Kafka partition and offset (what the recompute's cut is measured against). The offsets of consumer
 * group {@code trendoff.kafka.batch-group} are committed only after a micro-batch's rows are written.
 */
public final class BatchIngest {

  public static final String APP_NAME = "trendoff-batch-ingest";

  private BatchIngest() {}

  /** The micro-batch writer: master rows stamped with the batch time as {@code ingested_at}. */
  static MicroBatchWriter writer(String keyspace, int concurrentWrites) {
    return (JavaRDD<KafkaTweet> tweets, long batchTime) -> MasterTable.save(
        tweets.map(kt -> MasterRows.fromKafka(kt.tweet(), kt.partition(), kt.offset(), batchTime)), keyspace,
        concurrentWrites);
  }

  /** The job, not yet started; the master table's insert is already prepared (a UserError if it cannot be). */
  public static KafkaStreamJob job(Settings settings) {
    BatchSettings batch = BatchSettings.from(settings);
    String keyspace = settings.cassandra().keyspace();
    ConnectorWarmUp.warmUp(CassandraConnector.apply(SparkConfs.forJob(settings, batch.ingest().appName())),
        settings.cassandra(), "writes to the master table", session -> session.prepare(MasterRowStatements.insert(keyspace)));
    return new KafkaStreamJob(settings, batch.ingest(), writer(keyspace, batch.writeConcurrency()));
  }

  /** Runs until SIGTERM/SIGINT, then finishes the batch, commits and returns (exit 0). */
  public static void main(String[] args) throws InterruptedException {
    int code = 0;
    try {
      job(Settings.load()).runUntilSignalled();
    } catch (dev.trendoff.core.UserError e) {
      System.err.println("trendoff: " + e.getMessage());
      code = e.exitCode();
    } catch (RuntimeException e) {
      org.slf4j.LoggerFactory.getLogger(BatchIngest.class).error("batch ingest failed", e);
      code = 1;
    }
    System.exit(code);
  }
}
