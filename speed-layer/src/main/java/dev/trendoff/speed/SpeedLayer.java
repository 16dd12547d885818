package dev.trendoff.speed;

import org.apache.spark.SparkConf;

import dev.trendoff.core.Settings;
import dev.trendoff.core.UserError;
import dev.trendoff.spark.KafkaStreamJob;
import dev.trendoff.spark.SparkConfs;

/**
 * The speed layer: Kafka (group {@code trendoff.kafka.speed-group}) -> tokenized rows -> the speed
 * view, one micro-batch every {@code trendoff.speed.batch-interval}, offsets committed after the
 * write. Runs until SIGTERM/SIGINT, then finishes the batch, commits and exits 0.
 */
public final class SpeedLayer {

  private SpeedLayer() {}

  /** The job, not yet started (its Cassandra session is already open: a UserError if it cannot be). */
  public static KafkaStreamJob job(Settings settings) {
    SpeedSettings speed = SpeedSettings.from(settings);
    SparkConf conf = SparkConfs.forJob(settings, speed.stream().appName());
    SpeedViewWriter writer = new SpeedViewWriter(conf, settings, speed);
    writer.warmUp();
    return new KafkaStreamJob(settings, speed.stream(), writer);
  }

  /** Runs until signalled; the same as {@code ./trendoff speed-layer} (used by child-process tests and benchmarks). */
  public static void main(String[] args) throws InterruptedException {
    try {
      job(Settings.load()).runUntilSignalled();
    } catch (UserError e) {
      System.err.println("trendoff: " + e.getMessage());
      System.exit(e.exitCode());
    }
    System.exit(0);
  }
}
