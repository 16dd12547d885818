package dev.trendoff.batch;

import java.time.Duration;

import com.typesafe.config.Config;

import dev.trendoff.core.Settings;
import dev.trendoff.core.TrendoffConfig;
import dev.trendoff.spark.StreamSettings;

/**
 * The batch layer's settings, section {@code trendoff.batch} (defaults and their reasons in
 * batch-layer/src/main/resources/reference.conf), read and checked once.
 *
 * @param writeConcurrency statements in flight per Spark task writing the master table and the batch view
 * @param ingest how the batch ingest reads Kafka (group trendoff.kafka.batch-group)
 * @param recompute the recompute's own settings
 */
public record BatchSettings(int writeConcurrency, StreamSettings ingest, Recompute recompute) {

  public static final String SECTION = "trendoff.batch";

  /**
   * @param every 0: run once
   * @param leaseTtl the recompute lease's time to live (renewed every third of it)
   * @param splitSizeMb Cassandra input split size of the master-table scan
   * @param wordsPerChunk most words in one corpus row
   * @param cleanupConcurrency clean-up deletes in flight
   * @param pauseBeforeFlip testing aid: a pause between writing a version and flipping the pointer
   * @param flipTimeout how long the flip's lightweight transaction may take; zero: the request timeout
   * @param flipSettle after the driver gave up on the flip, how long to wait for Cassandra to finish or give up on it
   * @param fullEvery with {@code every}: a full run when the last full run of the loop is this old (zero: never)
   * @param incrementalMaxTweets an incremental run with more tweets to add than this is a full run instead
   */
  public record Recompute(Duration every, Duration leaseTtl, int splitSizeMb, int wordsPerChunk,
      int cleanupConcurrency, Duration pauseBeforeFlip, Duration flipTimeout, Duration flipSettle, Duration fullEvery,
      long incrementalMaxTweets) {}

  public static BatchSettings from(Settings settings) {
    Config c = settings.config();
    String r = SECTION + ".recompute.";
    return new BatchSettings(TrendoffConfig.atLeastOne(c, SECTION + ".write-concurrency"),
        StreamSettings.from(BatchIngest.APP_NAME, BatchIngest.LAYER, settings.kafka().batchGroup(),
            c.getConfig(SECTION + ".ingest")),
        new Recompute(c.getDuration(r + "every"), c.getDuration(r + "lease-ttl"),
            TrendoffConfig.atLeastOne(c, r + "split-size-mb"), TrendoffConfig.atLeastOne(c, r + "words-per-chunk"),
            TrendoffConfig.atLeastOne(c, r + "cleanup-concurrency"), c.getDuration(r + "pause-before-flip"),
            c.getDuration(r + "flip-timeout"), c.getDuration(r + "flip-settle"), c.getDuration(r + "full-every"),
            TrendoffConfig.atLeastOne(c, r + "incremental-max-tweets")));
  }
}
