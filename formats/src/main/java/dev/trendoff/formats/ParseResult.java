package dev.trendoff.formats;

import java.util.Objects;

import dev.trendoff.avro.Tweet;
import dev.trendoff.core.TweetChecks;

/**
 * What a format parser makes of one record: a {@link Tweet} or a {@link Rejection}, never both. A
 * tweet is only ever one every layer can write ({@link #of}).
 */
public final class ParseResult implements java.io.Serializable {

  private static final long serialVersionUID = 1L;

  private final Tweet tweet;
  private final Rejection rejection;

  private ParseResult(Tweet tweet, Rejection rejection) {
    this.tweet = tweet;
    this.rejection = rejection;
  }

  /**
   * {@code tweet}, or its rejection when no layer could write it ({@link TweetChecks}: an empty or
   * over-long user, an over-long text, an id that is not positive), with {@code raw} kept in the rejection.
   */
  public static ParseResult of(Tweet tweet, String raw) {
    TweetChecks.Unusable u = TweetChecks.check(tweet.getId(), tweet.getUserScreenName(), tweet.getText());
    if (u != null) {
      return rejected(RejectReason.of(u.problem()), u.detail(), raw != null ? raw : String.valueOf(tweet));
    }
    return new ParseResult(tweet, null);
  }

  /** {@link #of} without the raw record (a rejection keeps the tweet as text instead). */
  public static ParseResult ok(Tweet tweet) {
    return of(Objects.requireNonNull(tweet), null);
  }

  public static ParseResult rejected(RejectReason reason, String detail, String raw) {
    return new ParseResult(null, new Rejection(reason, detail, raw));
  }

  public static ParseResult rejected(Rejection rejection) {
    return new ParseResult(null, Objects.requireNonNull(rejection));
  }

  public boolean isTweet() {
    return tweet != null;
  }

  /** The tweet; throws if this is a rejection. */
  public Tweet tweet() {
    if (tweet == null) {
      throw new IllegalStateException("rejected: " + rejection);
    }
    return tweet;
  }

  /** The rejection; throws if this is a tweet. */
  public Rejection rejection() {
    if (rejection == null) {
      throw new IllegalStateException("not rejected");
    }
    return rejection;
  }

  @Override
  public String toString() {
    return tweet != null ? "ParseResult[tweet " + tweet.getId() + "]" : "ParseResult[" + rejection + "]";
  }
}
