package dev.trendoff.speed;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.trendoff.avro.Tweet;
import dev.trendoff.core.Tokenizer;
import dev.trendoff.spark.KafkaTweet;
import dev.trendoff.views.SpeedRow;

class SpeedRowsTest {

  static KafkaTweet kt(int partition, long offset, long id, String user, String text) {
    return new KafkaTweet("topic-1", partition, offset, Tweet.newBuilder().setId(id).setUserScreenName(user).setText(text)
        .setCreatedAt(Instant.ofEpochMilli(1_500_000_000_000L)).build());
  }

  @Test
  void aRowHasTheTweetsWordsItsTokenCountAndWhereItWasRead() {
    SpeedRow r = SpeedRows.standard().row(kt(3, 42, 7, "@Alice", "Don't stop the #AI, stop THE ai! https://t.co/x @bob"));
    assertThat(r.userKey()).isEqualTo("alice");
    assertThat(r.tweetId()).isEqualTo(7);
    assertThat(r.kafkaPartition()).isEqualTo(3);
    assertThat(r.kafkaOffset()).isEqualTo(42);
    assertThat(r.topicId()).isEqualTo("topic-1");
    assertThat(r.words()).isEqualTo(Tokenizer.standard().counts("Don't stop the #AI, stop THE ai! https://t.co/x @bob"));
    assertThat(r.words()).containsEntry("stop", 2).containsEntry("#ai", 1).containsEntry("ai", 1)
        .doesNotContainKey("@bob").doesNotContainKey("the");
    assertThat(r.tokens()).isEqualTo(r.words().values().stream().mapToInt(Integer::intValue).sum());
  }

  @Test
  void aTweetWithoutWordsIsStillARow() {
    SpeedRow r = SpeedRows.standard().row(kt(0, 1, 9, "bob", "the a 12 @x https://t.co"));
    assertThat(r.words()).isEmpty();
    assertThat(r.tokens()).isZero();
  }

  @Test
  void rowsAreGroupedByUserKeyInKafkaOrder() {
    List<KafkaTweet> in = List.of(
        kt(1, 12, 102, "Bob", "second bob"),
        kt(1, 10, 100, "alice", "first alice"),
        kt(1, 11, 101, "BOB", "first bob"),
        kt(1, 13, 103, "Alice", "second alice"));
    Map<String, List<SpeedRow>> byUser = SpeedRows.standard().byUser(in.iterator());
    assertThat(byUser.keySet()).containsExactly("bob", "alice");
    assertThat(byUser.get("bob")).extracting(SpeedRow::kafkaOffset).containsExactly(11L, 12L);
    assertThat(byUser.get("alice")).extracting(SpeedRow::tweetId).containsExactly(100L, 103L);
  }

  @Test
  void aTweetIdMetTwiceIsTwoRowsKeyedByWhereTheyWereRead() {
    List<KafkaTweet> in = List.of(
        kt(2, 30, 5, "carol", "new text"),
        kt(2, 25, 6, "carol", "other words"),
        kt(2, 20, 5, "carol", "old text words"));
    List<SpeedRow> rows = SpeedRows.standard().byUser(in.iterator()).get("carol");
    assertThat(rows).extracting(SpeedRow::kafkaOffset).containsExactly(20L, 25L, 30L);
    assertThat(rows).extracting(SpeedRow::tweetId).containsExactly(5L, 6L, 5L);
    // the same tweets in another order give the same rows
    List<KafkaTweet> reversed = new ArrayList<>(in);
    java.util.Collections.reverse(reversed);
    assertThat(SpeedRows.standard().byUser(reversed.iterator()).get("carol")).isEqualTo(rows);
  }
}
