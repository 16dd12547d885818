package dev.trendoff.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import dev.trendoff.avro.Tweet;
import dev.trendoff.avro.TweetCodec;

class TweetDecodingTest {

  static Tweet tweet(long id, String user, String text) {
    return Tweet.newBuilder().setId(id).setUserScreenName(user).setText(text)
        .setCreatedAt(Instant.ofEpochMilli(1_500_000_000_000L + id)).build();
  }

  static ConsumerRecord<byte[], byte[]> record(long offset, byte[] value) {
    return new ConsumerRecord<>("tweets", 2, offset, "k".getBytes(), value);
  }

  static byte[] encoded(long id, String user, String text) {
    return TweetCodec.shared().encode(tweet(id, user, text));
  }

  /** Remembers what it was given and how often it was asked to confirm. */
  static final class Recording implements DeadLetterSink {
    final List<String> dead = new ArrayList<>();
    int confirms;
    RuntimeException failConfirm;

    @Override
    public void deadLetter(ConsumerRecord<byte[], byte[]> r, String reason, String error) {
      dead.add(r.offset() + ":" + reason);
    }

    @Override
    public void confirm() {
      confirms++;
      if (failConfirm != null) {
        throw failConfirm;
      }
    }
  }

  @Test
  void goodRecordsDecodeInOrderAndEveryOtherGoesToTheSinkWithItsReason() {
    List<ConsumerRecord<byte[], byte[]>> records = List.of(
        record(10, encoded(1, "a", "one")),
        record(11, "garbage".getBytes()),
        record(12, encoded(2, "b", "two")),
        record(13, new byte[0]),
        record(14, encoded(3, "@", "a user that is only an at sign")),
        record(15, encoded(4, "x".repeat(600), "an over-long user")),
        record(16, encoded(5, "c", "t".repeat(40_000))),
        record(17, encoded(-6, "d", "a negative id")),
        record(18, encoded(7, "@E", "three")));
    Recording sink = new Recording();
    List<KafkaTweet> out = TweetDecoding.decode(records.iterator(), "topic-id-1", sink);
    assertThat(out).extracting(KafkaTweet::offset).containsExactly(10L, 12L, 18L);
    assertThat(out).extracting(k -> k.tweet().getText().toString()).containsExactly("one", "two", "three");
    assertThat(out).allSatisfy(k -> {
      assertThat(k.partition()).isEqualTo(2);
      assertThat(k.topicId()).isEqualTo("topic-id-1");
    });
    assertThat(sink.dead).containsExactly("11:not-avro", "13:empty-message", "14:bad-user", "15:bad-user",
        "16:text-too-long", "17:bad-id");
    assertThat(sink.confirms).as("the dead letters are confirmed once, before the tweets are handed on").isEqualTo(1);
  }

  @Test
  void aDeadLetterThatCannotBeStoredFailsTheDecodingAndSoTheBatch() {
    Recording sink = new Recording();
    sink.failConfirm = new IllegalStateException("a dead letter was not stored");
    assertThatThrownBy(() -> TweetDecoding.decode(List.of(record(1, "x".getBytes())).iterator(), "t", sink))
        .hasMessageContaining("not stored");
  }

  @Test
  void noDeadLetterNoConfirmation() {
    Recording sink = new Recording();
    assertThat(TweetDecoding.decode(List.of(record(1, encoded(1, "a", "b"))).iterator(), "t", sink)).hasSize(1);
    assertThat(sink.confirms).isZero();
  }
}
