package dev.trendoff.batch;

import java.io.Serializable;

/** One row of {@code batch_user_totals}: a user's tweets and tokens in one version (a connector JavaBean). */
public final class ViewTotalsRow implements Serializable {
  private static final long serialVersionUID = 1L;
  private String userKey;
  private long version;
  private int tweets;
  private long tokens;

  public ViewTotalsRow() {}

  public ViewTotalsRow(String userKey, long version, int tweets, long tokens) {
    this.userKey = userKey;
    this.version = version;
    this.tweets = tweets;
    this.tokens = tokens;
  }

  public String getUserKey() { return userKey; }
  public void setUserKey(String userKey) { this.userKey = userKey; }
  public long getVersion() { return version; }
  public void setVersion(long version) { this.version = version; }
  public int getTweets() { return tweets; }
  public void setTweets(int tweets) { this.tweets = tweets; }
  public long getTokens() { return tokens; }
  public void setTokens(long tokens) { this.tokens = tokens; }
}
