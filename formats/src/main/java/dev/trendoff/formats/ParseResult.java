package dev.trendoff.formats;

import java.util.Objects;

import dev.trendoff.avro.Tweet;

/** What a format parser makes of one record: a {@link Tweet} or a {@link Rejection}, never both. */
public final class ParseResult implements java.io.Serializable {

  private static final long serialVersionUID = 1L;

  private final Tweet tweet;
  private final Rejection rejection;

  private ParseResult(Tweet tweet, Rejection rejection) {
    this.tweet = tweet;
    this.rejection = rejection;
  }

  public static ParseResult ok(Tweet tweet) {
    return new ParseResult(Objects.requireNonNull(tweet), null);
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
