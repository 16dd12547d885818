package dev.trendoff.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import dev.trendoff.avro.Tweet;
import dev.trendoff.avro.TweetCodec;
import dev.trendoff.avro.TweetDecodeException;

class TweetDecodingTest {

  static Tweet tweet(long id, String user, String text) {
    return Tweet.newBuilder().setId(id).setUserScreenName(user).setText(text)
        .setCreatedAt(Instant.ofEpochMilli(1_500_000_000_000L + id)).build();
  }

  @Test
  void goodRecordsDecodeInOrderAndBadOnesGoToTheSinkWithTheirReason() {
    List<ConsumerRecord<byte[], byte[]>> records = List.of(
        new ConsumerRecord<>("tweets", 2, 10, "a".getBytes(), TweetCodec.shared().encode(tweet(1, "a", "one"))),
        new ConsumerRecord<>("tweets", 2, 11, "a".getBytes(), "garbage".getBytes()),
        new ConsumerRecord<>("tweets", 2, 12, "b".getBytes(), TweetCodec.shared().encode(tweet(2, "b", "two"))),
        new ConsumerRecord<>("tweets", 2, 13, "b".getBytes(), new byte[0]));
    List<String> dead = new ArrayList<>();
    int[] flushes = {0};
    List<KafkaTweet> out = TweetDecoding.decode(records.iterator(), new DeadLetterSink() {
      @Override
      public void deadLetter(ConsumerRecord<byte[], byte[]> r, TweetDecodeException why) {
        dead.add(r.offset() + ":" + why.reason());
      }

      @Override
      public void flush() {
        flushes[0]++;
      }
    });
    assertThat(out).extracting(KafkaTweet::offset).containsExactly(10L, 12L);
    assertThat(out).extracting(k -> k.tweet().getText()).containsExactly("one", "two");
    assertThat(out).allSatisfy(k -> assertThat(k.partition()).isEqualTo(2));
    assertThat(dead).containsExactly("11:NOT_AVRO", "13:EMPTY");
    assertThat(flushes[0]).isEqualTo(1);
  }
}
