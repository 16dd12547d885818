package dev.trendoff.formats;

import dev.trendoff.core.TweetChecks;

/**
 * Why an input record was set aside. {@link #code()} is what summaries and reject files show. The
 * reasons a layer would refuse the tweet ({@link TweetChecks.Problem}) carry the same codes as the
 * dead-letter topic and the recompute's skipped rows (docs/lambda.md 'What a layer refuses').
 */
public enum RejectReason {
  EMPTY_LINE("empty-line"),
  LINE_TOO_LONG("line-too-long"),
  INVALID_ENCODING("invalid-utf8"),
  MALFORMED_JSON("malformed-json"),
  NOT_A_STATUS("not-a-status"),
  BROKEN_QUOTING("broken-quoting"),
  WRONG_FIELD_COUNT("wrong-field-count"),
  BAD_ID(TweetChecks.Problem.BAD_ID.code()),
  MISSING_USER("missing-user"),
  BAD_USER(TweetChecks.Problem.BAD_USER.code()),
  MISSING_TEXT(TweetChecks.Problem.MISSING_TEXT.code()),
  TEXT_TOO_LONG(TweetChecks.Problem.TEXT_TOO_LONG.code()),
  BAD_DATE("bad-date"),
  BAD_NUMBER("bad-number"),
  DUPLICATE_ID("duplicate-id"),
  SEND_FAILED("send-failed");

  private final String code;

  RejectReason(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }

  /** The reason of a tweet no layer could write. */
  public static RejectReason of(TweetChecks.Problem problem) {
    return switch (problem) {
      case BAD_ID -> BAD_ID;
      case BAD_USER -> BAD_USER;
      case MISSING_TEXT -> MISSING_TEXT;
      case TEXT_TOO_LONG -> TEXT_TOO_LONG;
    };
  }
}
