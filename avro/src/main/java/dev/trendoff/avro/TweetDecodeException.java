package dev.trendoff.avro;

/** A Kafka message that is not a tweet this reader can decode, with the reason why. */
public final class TweetDecodeException extends Exception {

  /** Why a message could not be decoded; {@link #code()} is what dead-letter headers and counts carry. */
  public enum Reason {
    EMPTY("empty-message"), NOT_AVRO("not-avro"), UNKNOWN_SCHEMA("unknown-schema"), CORRUPT("corrupt-avro");

    private final String code;

    Reason(String code) {
      this.code = code;
    }

    /** Lower case with dashes, like the reject reasons of the file formats. */
    public String code() {
      return code;
    }
  }

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
