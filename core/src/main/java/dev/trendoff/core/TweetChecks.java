package dev.trendoff.core;

/**
 * What every layer refuses to write, checked in one place (docs/lambda.md 'What a layer refuses'):
 * the parsers reject such a tweet at the source, the speed layer and the batch ingest send it to the
 * dead-letter topic, the recompute skips such a master row, each with the same reason code.
 *
 * <p>The limits keep every value inside what Cassandra takes: a user key is a partition key (at most
 * 65,535 bytes; trendoff allows {@value #MAX_USER_KEY_BYTES}), and every word of a tweet becomes a map
 * key, a cell name of at most 65,535 bytes; a text of at most {@value #MAX_TEXT_BYTES} UTF-8 bytes
 * keeps every word below that. A tweet id is a positive 64-bit number (Twitter's snowflake ids).
 */
public final class TweetChecks {

  /** The longest user key in UTF-8 bytes (Twitter allows 15 characters, Bluesky handles 253, Mastodon user@domain ~290). */
  public static final int MAX_USER_KEY_BYTES = 512;
  /** The longest tweet text in UTF-8 bytes (a tweet is at most 280 characters, a Mastodon post 500 by default). */
  public static final int MAX_TEXT_BYTES = 32 * 1024;

  /** Why a tweet cannot be written; {@link #code()} is the reason every layer reports. */
  public enum Problem {
    /** No user key once normalised ({@code "@"}, blank), or a longer one than {@value #MAX_USER_KEY_BYTES} bytes. */
    BAD_USER("bad-user"),
    /** No text at all (an empty text is a tweet without words; a missing one is not a tweet). */
    MISSING_TEXT("missing-text"),
    /** A text longer than {@value #MAX_TEXT_BYTES} UTF-8 bytes. */
    TEXT_TOO_LONG("text-too-long"),
    /** An id that is not a positive number. */
    BAD_ID("bad-id");

    private final String code;

    Problem(String code) {
      this.code = code;
    }

    public String code() {
      return code;
    }
  }

  /** A problem and a short explanation for a person (never the whole value). */
  public record Unusable(Problem problem, String detail) {}

  private TweetChecks() {}

  /** What is wrong with a tweet given by its screen name (as a source spells it), or null when it can be written. */
  public static Unusable check(long id, CharSequence screenName, CharSequence text) {
    return checkKey(id, screenName == null ? null : UserKeys.of(screenName.toString()), text);
  }

  /** As {@link #check}, for a tweet already keyed ({@link UserKeys#of}): the master table's rows. */
  public static Unusable checkKey(long id, String userKey, CharSequence text) {
    if (id <= 0) {
      return new Unusable(Problem.BAD_ID, "tweet id is not positive: " + id);
    }
    if (userKey == null || userKey.isEmpty()) {
      return new Unusable(Problem.BAD_USER, "no user: the screen name is empty once '@' and spaces are removed");
    }
    int keyBytes = utf8Length(userKey);
    if (keyBytes > MAX_USER_KEY_BYTES) {
      return new Unusable(Problem.BAD_USER, "user name of " + keyBytes + " bytes (at most " + MAX_USER_KEY_BYTES + ")");
    }
    if (text == null) {
      return new Unusable(Problem.MISSING_TEXT, "no text");
    }
    int textBytes = utf8Length(text);
    if (textBytes > MAX_TEXT_BYTES) {
      return new Unusable(Problem.TEXT_TOO_LONG, "text of " + textBytes + " bytes (at most " + MAX_TEXT_BYTES + ")");
    }
    return null;
  }

  /** The length of {@code s} encoded as UTF-8 (an unpaired surrogate counts 3 bytes: at least what any encoder's replacement takes). */
  public static int utf8Length(CharSequence s) {
    int n = 0;
    int len = s.length();
    for (int i = 0; i < len; i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        n++;
      } else if (c < 0x800) {
        n += 2;
      } else if (Character.isHighSurrogate(c) && i + 1 < len && Character.isLowSurrogate(s.charAt(i + 1))) {
        n += 4;
        i++;
      } else {
        n += 3;
      }
    }
    return n;
  }
}
