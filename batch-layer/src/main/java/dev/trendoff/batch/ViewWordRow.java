package dev.trendoff.batch;

import java.io.Serializable;

/** One row of {@code batch_view}: a user's count of one word in one version (a connector JavaBean). */
public final class ViewWordRow implements Serializable {
  private static final long serialVersionUID = 1L;
  private String userKey;
  private long version;
  private String word;
  private int count;

  public ViewWordRow() {}

  public ViewWordRow(String userKey, long version, String word, int count) {
    this.userKey = userKey;
    this.version = version;
    this.word = word;
    this.count = count;
  }

  public String getUserKey() { return userKey; }
  public void setUserKey(String userKey) { this.userKey = userKey; }
  public long getVersion() { return version; }
  public void setVersion(long version) { this.version = version; }
  public String getWord() { return word; }
  public void setWord(String word) { this.word = word; }
  public int getCount() { return count; }
  public void setCount(int count) { this.count = count; }
}
