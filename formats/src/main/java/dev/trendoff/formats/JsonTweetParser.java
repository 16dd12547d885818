package dev.trendoff.formats;

import com.fasterxml.jackson.databind.JsonNode;

import dev.trendoff.avro.Tweet;

/**
 * A parser of records that are one JSON object each ({@link StatusJson}, {@link XV2Json},
 * {@link XArchiveTweet}): reads the object, then makes the tweet of it; a record that is not a JSON
 * object, or a field that does not parse, is the rejection.
 */
abstract class JsonTweetParser implements RecordParser {

  private static final long serialVersionUID = 1L;

  /** The tweet of one JSON object, or the {@link BadField} that makes it unusable. */
  abstract Tweet toTweet(JsonNode n) throws BadField;

  @Override
  public ParseResult parse(String record) {
    try {
      return parse(JsonFields.object(record), record);
    } catch (BadField e) {
      return e.toResult(record);
    }
  }

  /** Parses an already-read JSON object; {@code raw} is kept in a rejection. */
  public ParseResult parse(JsonNode n, String raw) {
    try {
      return ParseResult.ok(toTweet(n));
    } catch (BadField e) {
      return e.toResult(raw);
    }
  }
}
