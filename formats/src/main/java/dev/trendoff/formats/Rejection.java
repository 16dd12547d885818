package dev.trendoff.formats;

/**
 * One input record that did not become a tweet: why ({@code reason}), a short human explanation
 * ({@code detail}), and the record as it was read ({@code raw}, possibly shortened for huge lines).
 */
public record Rejection(RejectReason reason, String detail, String raw) implements java.io.Serializable {

  /** Raw text kept in a rejection at most (a 1 MB line is not copied whole into the reject file). */
  public static final int MAX_RAW_CHARS = 4096;

  public Rejection {
    if (raw != null && raw.length() > MAX_RAW_CHARS) {
      raw = raw.substring(0, MAX_RAW_CHARS) + "...(" + raw.length() + " chars)";
    }
  }
}
