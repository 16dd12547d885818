package dev.trendoff.producer;

import java.io.IOException;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLongArray;

import dev.trendoff.avro.Tweet;
import dev.trendoff.formats.ParseResult;
import dev.trendoff.formats.RecordSource;
import dev.trendoff.formats.RejectReason;
import dev.trendoff.formats.Rejection;
import dev.trendoff.formats.RejectFile;

/**
 * One {@code produce} run: reads records from a source, sets rejections aside (counted by reason,
 * written to the reject file), rejects a tweet id seen before in the run, paces, and sends the
 * tweets; at the end (or on {@link #stop()}) flushes what is in flight and returns the summary.
 */
public final class ProduceRun {

  private final String name;
  private final RecordSource source;
  private final TweetProducer producer;
  private final Pacer pacer;
  private final RejectFile rejects;
  private final long limit;
  private Progress progress = Progress.none();
  private final LongSet seen = new LongSet();
  private final AtomicLongArray rejectedBy = new AtomicLongArray(RejectReason.values().length);
  private volatile boolean stopRequested;
  private long read;

  /**
   * @param name the source's name in the summary
   * @param limit stop after this many tweets have been handed to Kafka ({@code Long.MAX_VALUE}: no limit)
   */
  public ProduceRun(String name, RecordSource source, TweetProducer producer, Pacer pacer, RejectFile rejects,
      long limit) {
    this.name = name;
    this.source = source;
    this.producer = producer;
    this.pacer = pacer;
    this.rejects = rejects;
    this.limit = limit;
    producer.onFailure((tweet, e) -> reject("kafka", new Rejection(RejectReason.SEND_FAILED,
        "Kafka did not take tweet " + tweet.getId() + ": " + e.getMessage(), String.valueOf(tweet))));
  }

  ProduceRun withProgress(Progress p) {
    this.progress = p;
    return this;
  }

  /** Ends the run soon: what was read is still sent and flushed. Any thread. */
  public void stop() {
    stopRequested = true;
    source.stop();
  }

  public RunSummary run() {
    long start = System.nanoTime();
    long handed = 0;
    boolean checkIds = !source.uniqueIds();
    long checkpointNanos = source.checkpointEvery() == null ? Long.MAX_VALUE : source.checkpointEvery().toNanos();
    long lastCheckpoint = System.nanoTime();
    try {
      while (!stopRequested && handed < limit) {
        if (System.nanoTime() - lastCheckpoint >= checkpointNanos) {
          producer.flush();
          rejects.flush();
          source.checkpoint();
          lastCheckpoint = System.nanoTime();
        }
        ParseResult r = source.next();
        if (r == null) {
          break;
        }
        read++;
        if (!r.isTweet()) {
          reject(source.position(), r.rejection());
        } else {
          Tweet t = r.tweet();
          if (checkIds && !seen.add(t.getId())) {
            reject(source.position(), new Rejection(RejectReason.DUPLICATE_ID,
                "tweet id " + t.getId() + " was already sent in this run", String.valueOf(t)));
          } else {
            pacer.await(t, () -> stopRequested);
            producer.send(t);
            handed++;
          }
        }
        if ((read & 255) == 0) {
          progress.update(source, producer.sent());
        }
      }
    } catch (IOException e) {
      throw new dev.trendoff.core.UserError("cannot read the input after " + source.position() + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      stopRequested = true;
    } finally {
      producer.flush();
      rejects.close();
      progress.update(source, producer.sent());
      progress.close();
    }
    try {
      source.checkpoint();
    } catch (IOException e) {
      throw new dev.trendoff.core.UserError("cannot record where " + name + " stopped: " + e.getMessage(), e);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    SortedMap<String, Long> byReason = new TreeMap<>();
    long rejected = 0;
    for (RejectReason reason : RejectReason.values()) {
      long n = rejectedBy.get(reason.ordinal());
      if (n > 0) {
        byReason.put(reason.code(), n);
        rejected += n;
      }
    }
    SortedMap<String, Long> skipped = new TreeMap<>(source.skipped());
    return new RunSummary(name, read, producer.sent(), producer.failed(), rejected, byReason, skipped, seconds,
        rejects.written() > 0 ? rejects.path().toString() : null, stopRequested);
  }

  private void reject(String where, Rejection r) {
    rejectedBy.incrementAndGet(r.reason().ordinal());
    rejects.write(where, r);
  }

  /** Rejections so far by reason (for tests). */
  Map<RejectReason, Long> rejectedSoFar() {
    Map<RejectReason, Long> m = new java.util.EnumMap<>(RejectReason.class);
    for (RejectReason reason : RejectReason.values()) {
      m.put(reason, rejectedBy.get(reason.ordinal()));
    }
    return m;
  }
}
