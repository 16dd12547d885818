package dev.trendoff.batch;

import java.util.Date;

import dev.trendoff.avro.Coordinates;
import dev.trendoff.avro.Tweet;
import dev.trendoff.core.UserKeys;

/**
 * The one mapping from a {@link Tweet} to its master-table row, shared by the batch ingest (which
 * knows the Kafka partition and offset) and load-csv (which has none: its rows lie on the batch
 * side of every cut).
 */
public final class MasterRows {

  private MasterRows() {}

  /** The row of a tweet read from Kafka at {@code partition}/{@code offset} of the topic of id {@code topicId}. */
  public static MasterRow fromKafka(Tweet t, String topicId, int partition, long offset, long ingestedAtMillis) {
    MasterRow r = of(t, ingestedAtMillis);
    r.setKafkaTopicId(topicId);
    r.setKafkaPartition(partition);
    r.setKafkaOffset(offset);
    return r;
  }

  /** The row of a tweet that never went through Kafka, written before loads were recorded: counted by every version. */
  public static MasterRow fromFile(Tweet t, long ingestedAtMillis) {
    return of(t, ingestedAtMillis);
  }

  /** The row of a tweet load-csv run {@code loadId} loaded: no partition, no offset. */
  public static MasterRow fromLoad(Tweet t, long loadId, long ingestedAtMillis) {
    MasterRow r = of(t, ingestedAtMillis);
    r.setLoadId(loadId);
    return r;
  }

  private static MasterRow of(Tweet t, long ingestedAtMillis) {
    MasterRow r = new MasterRow();
    String screenName = str(t.getUserScreenName());
    r.setTweetId(t.getId());
    r.setUserKey(UserKeys.of(screenName));
    r.setUserScreenName(screenName);
    r.setUserName(str(t.getUserName()));
    r.setText(str(t.getText()));
    r.setCreatedAt(t.getCreatedAt() == null ? null : Date.from(t.getCreatedAt()));
    r.setLang(str(t.getLang()));
    r.setFavoriteCount(t.getFavoriteCount());
    r.setRetweetCount(t.getRetweetCount());
    r.setIsRetweet(t.getIsRetweet());
    r.setFavorited(t.getFavorited());
    r.setRetweeted(t.getRetweeted());
    r.setPossiblySensitive(t.getPossiblySensitive());
    r.setUserFollowersCount(t.getUserFollowersCount());
    Coordinates c = t.getCoordinates();
    if (c != null) {
      r.setLatitude(c.getLatitude());
      r.setLongitude(c.getLongitude());
    }
    r.setPlace(str(t.getPlace()));
    r.setSource(t.getSource() == null ? null : t.getSource().name());
    r.setIngestedAt(new Date(ingestedAtMillis));
    return r;
  }

  private static String str(CharSequence s) {
    return s == null ? null : s.toString();
  }
}
