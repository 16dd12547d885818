package dev.trendoff.batch;

import java.io.Serializable;
import java.util.Map;

/** One row of the batch view: one chunk of a user's word counts in one version, with the user's totals (a connector JavaBean). */
public final class ViewChunkRow implements Serializable {
  private static final long serialVersionUID = 1L;
  private String userKey;
  private long version;
  private int chunk;
  private long tweets;
  private long tokens;
  private Map<String, Integer> words;

  public ViewChunkRow() {}

  public ViewChunkRow(String userKey, long version, int chunk, long tweets, long tokens, Map<String, Integer> words) {
    this.userKey = userKey;
    this.version = version;
    this.chunk = chunk;
    this.tweets = tweets;
    this.tokens = tokens;
    this.words = words;
  }

  public String getUserKey() { return userKey; }
  public void setUserKey(String userKey) { this.userKey = userKey; }
  public long getVersion() { return version; }
  public void setVersion(long version) { this.version = version; }
  public int getChunk() { return chunk; }
  public void setChunk(int chunk) { this.chunk = chunk; }
  public long getTweets() { return tweets; }
  public void setTweets(long tweets) { this.tweets = tweets; }
  public long getTokens() { return tokens; }
  public void setTokens(long tokens) { this.tokens = tokens; }
  public Map<String, Integer> getWords() { return words; }
  public void setWords(Map<String, Integer> words) { this.words = words; }
}
