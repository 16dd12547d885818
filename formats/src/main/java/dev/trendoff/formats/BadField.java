package dev.trendoff.formats;

/** Thrown inside a parser when a field makes the record unusable; turned into a {@link Rejection}. */
final class BadField extends Exception {

  final RejectReason reason;

  BadField(RejectReason reason, String detail) {
    super(detail, null, false, false);
    this.reason = reason;
  }

  ParseResult toResult(String raw) {
    return ParseResult.rejected(reason, getMessage(), raw);
  }
}
