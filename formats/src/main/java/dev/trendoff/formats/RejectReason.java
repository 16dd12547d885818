package dev.trendoff.formats;

/** Why an input record was set aside. {@link #code()} is what summaries and reject files show. */
public enum RejectReason {
  EMPTY_LINE("empty-line"),
  LINE_TOO_LONG("line-too-long"),
  INVALID_ENCODING("invalid-utf8"),
  MALFORMED_JSON("malformed-json"),
  NOT_A_STATUS("not-a-status"),
  BROKEN_QUOTING("broken-quoting"),
  WRONG_FIELD_COUNT("wrong-field-count"),
  BAD_ID("bad-id"),
  MISSING_USER("missing-user"),
  MISSING_TEXT("missing-text"),
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
}
