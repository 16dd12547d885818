package dev.trendoff.spark;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import dev.trendoff.avro.TweetCodec;
import dev.trendoff.avro.TweetDecodeException;

/** Decodes a run of Kafka records: tweets out, the rest to a dead-letter sink. */
public final class TweetDecoding {

  private TweetDecoding() {}

  /** The decoded tweets of {@code records}, in order; each undecodable record goes to {@code deadLetters}. */
  public static List<KafkaTweet> decode(Iterator<ConsumerRecord<byte[], byte[]>> records, DeadLetterSink deadLetters) {
    List<KafkaTweet> out = new ArrayList<>();
    boolean anyDead = false;
    while (records.hasNext()) {
      ConsumerRecord<byte[], byte[]> r = records.next();
      try {
        out.add(new KafkaTweet(r.partition(), r.offset(), TweetCodec.shared().decode(r.value())));
      } catch (TweetDecodeException e) {
        deadLetters.deadLetter(r, e);
        anyDead = true;
      }
    }
    if (anyDead) {
      deadLetters.flush();
    }
    return out;
  }
}
