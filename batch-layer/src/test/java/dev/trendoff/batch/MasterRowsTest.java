package dev.trendoff.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Date;

import org.junit.jupiter.api.Test;

import dev.trendoff.avro.Coordinates;
import dev.trendoff.avro.Tweet;
import dev.trendoff.avro.TweetSource;

class MasterRowsTest {

  static Tweet full() {
    return Tweet.newBuilder().setId(42L).setUserScreenName("@Alice").setUserName("Alice A.").setText("hello world")
        .setCreatedAt(Instant.parse("2016-04-16T12:44:00Z")).setLang("en").setFavoriteCount(3).setRetweetCount(null)
        .setIsRetweet(true).setFavorited(false).setRetweeted(true).setPossiblySensitive(null).setUserFollowersCount(99)
        .setCoordinates(new Coordinates(40.5, -73.9)).setPlace("New York").setSource(TweetSource.CSV).build();
  }

  @Test
  void everyFieldIsMappedAndTheKafkaPositionKept() {
    MasterRow r = MasterRows.fromKafka(full(), "topic-a", 3, 1234L, 1_000L);
    assertThat(r.getTweetId()).isEqualTo(42L);
    assertThat(r.getUserKey()).isEqualTo("alice");
    assertThat(r.getUserScreenName()).isEqualTo("@Alice");
    assertThat(r.getUserName()).isEqualTo("Alice A.");
    assertThat(r.getText()).isEqualTo("hello world");
    assertThat(r.getCreatedAt()).isEqualTo(Date.from(Instant.parse("2016-04-16T12:44:00Z")));
    assertThat(r.getLang()).isEqualTo("en");
    assertThat(r.getFavoriteCount()).isEqualTo(3);
    assertThat(r.getRetweetCount()).isNull();
    assertThat(r.getIsRetweet()).isTrue();
    assertThat(r.getFavorited()).isFalse();
    assertThat(r.getRetweeted()).isTrue();
    assertThat(r.getPossiblySensitive()).isNull();
    assertThat(r.getUserFollowersCount()).isEqualTo(99);
    assertThat(r.getLatitude()).isEqualTo(40.5);
    assertThat(r.getLongitude()).isEqualTo(-73.9);
    assertThat(r.getPlace()).isEqualTo("New York");
    assertThat(r.getSource()).isEqualTo("CSV");
    assertThat(r.getKafkaPartition()).isEqualTo(3);
    assertThat(r.getKafkaOffset()).isEqualTo(1234L);
    assertThat(r.getKafkaTopicId()).isEqualTo("topic-a");
    assertThat(r.getIngestedAt()).isEqualTo(new Date(1_000L));
  }

  @Test
  void fileRowsHaveNoKafkaPositionAndOtherwiseTheSameFields() {
    MasterRow file = MasterRows.fromFile(full(), 1_000L);
    MasterRow kafka = MasterRows.fromKafka(full(), "topic-a", 3, 1234L, 1_000L);
    assertThat(file.getKafkaPartition()).isNull();
    assertThat(file.getKafkaOffset()).isNull();
    assertThat(file.getKafkaTopicId()).isNull();
    kafka.setKafkaPartition(null);
    kafka.setKafkaOffset(null);
    kafka.setKafkaTopicId(null);
    assertThat(file).isEqualTo(kafka);
  }

  @Test
  void noCoordinatesNoLatitude() {
    Tweet t = Tweet.newBuilder(full()).setCoordinates(null).build();
    MasterRow r = MasterRows.fromFile(t, 0L);
    assertThat(r.getLatitude()).isNull();
    assertThat(r.getLongitude()).isNull();
  }
}
