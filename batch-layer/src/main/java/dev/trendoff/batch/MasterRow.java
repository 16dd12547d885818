package dev.trendoff.batch;

import java.io.Serializable;
import java.util.Date;
import java.util.Objects;

/**
 * One row of the master table ({@code Tables.TWEETS}): a tweet with all its fields, and where the
 * batch ingest read it in Kafka: the topic's id, partition and offset (all null for tweets loaded by load-csv). A JavaBean so that the
 * Spark Cassandra Connector maps it to the columns by name ({@code tweetId} -> {@code tweet_id}).
 */
public final class MasterRow implements Serializable {

  private static final long serialVersionUID = 1L;

  private long tweetId;
  private String userKey;
  private String userScreenName;
  private String userName;
  private String text;
  private Date createdAt;
  private String lang;
  private Integer favoriteCount;
  private Integer retweetCount;
  private Boolean isRetweet;
  private Boolean favorited;
  private Boolean retweeted;
  private Boolean possiblySensitive;
  private Integer userFollowersCount;
  private Double latitude;
  private Double longitude;
  private String place;
  private String source;
  private Integer kafkaPartition;
  private Long kafkaOffset;
  private Date ingestedAt;
  private String kafkaTopicId;
  private Long loadId;

  public long getTweetId() { return tweetId; }
  public void setTweetId(long tweetId) { this.tweetId = tweetId; }
  public String getUserKey() { return userKey; }
  public void setUserKey(String userKey) { this.userKey = userKey; }
  public String getUserScreenName() { return userScreenName; }
  public void setUserScreenName(String userScreenName) { this.userScreenName = userScreenName; }
  public String getUserName() { return userName; }
  public void setUserName(String userName) { this.userName = userName; }
  public String getText() { return text; }
  public void setText(String text) { this.text = text; }
  public Date getCreatedAt() { return createdAt; }
  public void setCreatedAt(Date createdAt) { this.createdAt = createdAt; }
  public String getLang() { return lang; }
  public void setLang(String lang) { this.lang = lang; }
  public Integer getFavoriteCount() { return favoriteCount; }
  public void setFavoriteCount(Integer favoriteCount) { this.favoriteCount = favoriteCount; }
  public Integer getRetweetCount() { return retweetCount; }
  public void setRetweetCount(Integer retweetCount) { this.retweetCount = retweetCount; }
  public Boolean getIsRetweet() { return isRetweet; }
  public void setIsRetweet(Boolean isRetweet) { this.isRetweet = isRetweet; }
  public Boolean getFavorited() { return favorited; }
  public void setFavorited(Boolean favorited) { this.favorited = favorited; }
  public Boolean getRetweeted() { return retweeted; }
  public void setRetweeted(Boolean retweeted) { this.retweeted = retweeted; }
  public Boolean getPossiblySensitive() { return possiblySensitive; }
  public void setPossiblySensitive(Boolean possiblySensitive) { this.possiblySensitive = possiblySensitive; }
  public Integer getUserFollowersCount() { return userFollowersCount; }
  public void setUserFollowersCount(Integer userFollowersCount) { this.userFollowersCount = userFollowersCount; }
  public Double getLatitude() { return latitude; }
  public void setLatitude(Double latitude) { this.latitude = latitude; }
  public Double getLongitude() { return longitude; }
  public void setLongitude(Double longitude) { this.longitude = longitude; }
  public String getPlace() { return place; }
  public void setPlace(String place) { this.place = place; }
  public String getSource() { return source; }
  public void setSource(String source) { this.source = source; }
  public Integer getKafkaPartition() { return kafkaPartition; }
  public void setKafkaPartition(Integer kafkaPartition) { this.kafkaPartition = kafkaPartition; }
  public Long getKafkaOffset() { return kafkaOffset; }
  public void setKafkaOffset(Long kafkaOffset) { this.kafkaOffset = kafkaOffset; }
  public Date getIngestedAt() { return ingestedAt; }
  public void setIngestedAt(Date ingestedAt) { this.ingestedAt = ingestedAt; }
  public String getKafkaTopicId() { return kafkaTopicId; }
  public void setKafkaTopicId(String kafkaTopicId) { this.kafkaTopicId = kafkaTopicId; }
  /** The load-csv run that loaded the tweet (added to the row's {@code load_ids}); null for a Kafka row. */
  public Long getLoadId() { return loadId; }
  public void setLoadId(Long loadId) { this.loadId = loadId; }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof MasterRow r)) {
      return false;
    }
    return tweetId == r.tweetId && Objects.equals(userKey, r.userKey) && Objects.equals(userScreenName, r.userScreenName)
        && Objects.equals(userName, r.userName) && Objects.equals(text, r.text) && Objects.equals(createdAt, r.createdAt)
        && Objects.equals(lang, r.lang) && Objects.equals(favoriteCount, r.favoriteCount)
        && Objects.equals(retweetCount, r.retweetCount) && Objects.equals(isRetweet, r.isRetweet)
        && Objects.equals(favorited, r.favorited) && Objects.equals(retweeted, r.retweeted)
        && Objects.equals(possiblySensitive, r.possiblySensitive) && Objects.equals(userFollowersCount, r.userFollowersCount)
        && Objects.equals(latitude, r.latitude) && Objects.equals(longitude, r.longitude) && Objects.equals(place, r.place)
        && Objects.equals(source, r.source) && Objects.equals(kafkaPartition, r.kafkaPartition)
        && Objects.equals(kafkaOffset, r.kafkaOffset) && Objects.equals(ingestedAt, r.ingestedAt)
        && Objects.equals(kafkaTopicId, r.kafkaTopicId) && Objects.equals(loadId, r.loadId);
  }

  @Override
  public int hashCode() {
    return Long.hashCode(tweetId);
  }

  @Override
  public String toString() {
    return "MasterRow[" + tweetId + " @" + userKey + " p" + kafkaPartition + "/" + kafkaOffset + "]";
  }
}
