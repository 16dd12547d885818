package dev.trendoff.formats;

import java.io.IOException;
import java.util.Map;

/** Where {@code produce} gets its records: a file, standard input, the generator or the live stream. */
public interface RecordSource extends AutoCloseable {

  /** The next record (a tweet or a rejection), or null when the source has ended or was stopped. */
  ParseResult next() throws IOException;

  /** Where the last record came from ("line 12"), for the reject file; null if that means nothing. */
  default String position() {
    return null;
  }

  /** The size of the whole input in {@link #unit()}s, or -1 when it is not known (stdin, a live stream). */
  default long total() {
    return -1;
  }

  /** How much of the input is done, in {@link #unit()}s. */
  default long done() {
    return 0;
  }

  /** What {@link #total()} and {@link #done()} count: "bytes" or "tweets". */
  default String unit() {
    return "tweets";
  }

  /** Records passed over that are not bad input (a stream's keep-alives and notices), by kind. */
  default Map<String, Long> skipped() {
    return Map.of();
  }

  /** True when the source cannot repeat a tweet id (the generator), so the run need not check. */
  default boolean uniqueIds() {
    return false;
  }

  /**
   * Called by the run when every record {@link #next()} has returned so far is settled: its tweet
   * acknowledged by Kafka, or its rejection written. A source that can resume where it stopped (the
   * Bluesky firehose's cursor) records its position here.
   */
  default void checkpoint() throws IOException {
  }

  /** How often the run should {@link #checkpoint()} while it goes on (it always does at its end); null: only at the end. */
  default java.time.Duration checkpointEvery() {
    return null;
  }

  /** Asks {@link #next()} to return null soon; may be called from any thread. */
  default void stop() {
  }

  @Override
  void close() throws IOException;
}
