package dev.trendoff.producer;

import dev.trendoff.formats.ParseResult;
import dev.trendoff.formats.RecordSource;

/** The generator as a source: {@code tweets} tweets, then the end. */
public final class SyntheticSource implements RecordSource {

  private final SyntheticTweets tweets;
  private volatile boolean stopped;
  private long next;

  public SyntheticSource(SyntheticTweets tweets) {
    this.tweets = tweets;
  }

  @Override
  public ParseResult next() {
    if (stopped || next >= tweets.size()) {
      return null;
    }
    return ParseResult.ok(tweets.tweet(next++));
  }

  @Override
  public String position() {
    return "tweet " + (next - 1);
  }

  @Override
  public long total() {
    return tweets.size();
  }

  @Override
  public long done() {
    return next;
  }

  /** Ids grow strictly with the tweet number. */
  @Override
  public boolean uniqueIds() {
    return true;
  }

  @Override
  public void stop() {
    stopped = true;
  }

  @Override
  public void close() {
  }
}
