package dev.trendoff.spark;

import java.io.Serializable;

import org.apache.spark.api.java.JavaRDD;

/** What a streaming layer does with one micro-batch of decoded tweets; called on the driver. */
@FunctionalInterface
public interface MicroBatchWriter extends Serializable {
  /**
   * Writes the tweets idempotently and returns only when they are durable: the offsets are
   * committed right after. Throwing stops the job without committing.
   */
  void write(JavaRDD<KafkaTweet> tweets, long batchTimeMillis);
}
