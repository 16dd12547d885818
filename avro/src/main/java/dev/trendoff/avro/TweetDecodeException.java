package dev.trendoff.avro;

/** A Kafka message that is not a tweet this reader can decode, with the reason why. */
public final class TweetDecodeException extends Exception {

  /** Why a message could not be decoded; {@link #name()} is what dead-letter headers carry. */
  public enum Reason { EMPTY, NOT_AVRO, UNKNOWN_SCHEMA, CORRUPT }

  private final Reason reason;

  public TweetDecodeException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public TweetDecodeException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
