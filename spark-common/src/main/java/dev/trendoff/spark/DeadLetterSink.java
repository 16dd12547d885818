package dev.trendoff.spark;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import dev.trendoff.avro.TweetDecodeException;

/** Where a record that cannot be decoded is set aside, with the reason. */
public interface DeadLetterSink {
  void deadLetter(ConsumerRecord<byte[], byte[]> record, TweetDecodeException why);

  /** Returns once everything given to {@link #deadLetter} is stored. */
  void flush();
}
