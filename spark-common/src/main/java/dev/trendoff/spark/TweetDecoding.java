package dev.trendoff.spark;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import dev.trendoff.avro.Tweet;
import dev.trendoff.avro.TweetCodec;
import dev.trendoff.avro.TweetDecodeException;
import dev.trendoff.core.TweetChecks;

/**
 * The one check both streaming layers make of what they read: a record is a tweet they can write,
 * or it goes to the dead-letter sink with its reason (undecodable Avro, or what {@link TweetChecks}
 * refuses: an empty or over-long user, an over-long text, an id that is not positive). Whoever
 * produced the record, nothing a layer cannot write reaches its writer.
 */
public final class TweetDecoding {

  private TweetDecoding() {}

  /**
   * The usable tweets of {@code records}, in order, stamped with {@code topicId}; every other record
   * goes to {@code deadLetters}, which is confirmed before this returns.
   */
  public static List<KafkaTweet> decode(Iterator<ConsumerRecord<byte[], byte[]>> records, String topicId,
      DeadLetterSink deadLetters) {
    List<KafkaTweet> out = new ArrayList<>();
    boolean anyDead = false;
    while (records.hasNext()) {
      ConsumerRecord<byte[], byte[]> r = records.next();
      Tweet t;
      try {
        t = TweetCodec.shared().decode(r.value());
      } catch (TweetDecodeException e) {
        deadLetters.deadLetter(r, e.reason().code(), e.getMessage());
        anyDead = true;
        continue;
      }
      TweetChecks.Unusable u = TweetChecks.check(t.getId(), t.getUserScreenName(), t.getText());
      if (u != null) {
        deadLetters.deadLetter(r, u.problem().code(), u.detail());
        anyDead = true;
        continue;
      }
      out.add(new KafkaTweet(topicId, r.partition(), r.offset(), t));
    }
    if (anyDead) {
      deadLetters.confirm();
    }
    return out;
  }
}
