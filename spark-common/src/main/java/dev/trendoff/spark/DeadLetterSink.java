package dev.trendoff.spark;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Where a record a layer cannot use or cannot write is set aside, with the reason (docs/lambda.md 'Dead letters'). */
public interface DeadLetterSink {

  /** Sets {@code record} aside: {@code reason} is a code ({@code bad-user}, {@code not-avro}, ...), {@code error} a line of detail. */
  void deadLetter(ConsumerRecord<byte[], byte[]> record, String reason, String error);

  /**
   * Returns once everything given to {@link #deadLetter} is stored; throws if any could not be, so
   * that the micro-batch fails and its offsets are not committed.
   */
  void confirm();
}
