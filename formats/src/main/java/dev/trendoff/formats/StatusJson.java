package dev.trendoff.formats;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.trendoff.avro.Coordinates;
import dev.trendoff.avro.Tweet;
import dev.trendoff.avro.TweetSource;

/**
 * Twitter API v1.1 status objects, one JSON object a line: what {@code jsonl} files hold and what
 * the v1.1 stream sends. The text is {@code full_text}, else {@code extended_tweet.full_text}, else
 * {@code text}; a status with {@code retweeted_status} is a retweet. Stream notices ({@code delete},
 * {@code limit}, ...) are not statuses and are rejected as such.
 */
public final class StatusJson implements RecordParser {

  private static final long serialVersionUID = 1L;

  /** {@code Wed Oct 10 20:19:24 +0000 2018} */
  public static final DateTimeFormatter CREATED_AT =
      DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss Z yyyy", Locale.ENGLISH);

  /** Top-level keys of the v1.1 stream's notices, which carry no status. */
  public static final List<String> NOTICE_KEYS = List.of("delete", "limit", "scrub_geo", "status_withheld",
      "user_withheld", "disconnect", "warning", "friends", "event", "control");

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final TweetSource source;

  public StatusJson(TweetSource source) {
    this.source = source;
  }

  /** Parses statuses from {@code jsonl} files. */
  public static StatusJson jsonl() {
    return new StatusJson(TweetSource.JSONL);
  }

  /** The notice key of a stream notice ({@code "delete"}, {@code "limit"}, ...), or null for anything else. */
  public static String noticeKind(JsonNode node) {
    for (String key : NOTICE_KEYS) {
      if (node.has(key)) {
        return key;
      }
    }
    return null;
  }

  @Override
  public ParseResult parse(String line) {
    JsonNode n;
    try {
      n = MAPPER.readTree(line);
    } catch (JsonProcessingException e) {
      return ParseResult.rejected(RejectReason.MALFORMED_JSON, "malformed JSON: " + e.getOriginalMessage(), line);
    }
    if (n == null || !n.isObject()) {
      return ParseResult.rejected(RejectReason.MALFORMED_JSON, "not a JSON object", line);
    }
    return parse(n, line);
  }

  /** Parses an already-read JSON object; {@code raw} is kept in a rejection. */
  public ParseResult parse(JsonNode n, String raw) {
    String notice = noticeKind(n);
    if (notice != null && !n.has("id") && !n.has("id_str")) {
      return ParseResult.rejected(RejectReason.NOT_A_STATUS, notice + " notice", raw);
    }
    try {
      return ParseResult.of(toTweet(n), raw);
    } catch (BadField e) {
      return e.toResult(raw);
    }
  }

  private Tweet toTweet(JsonNode n) throws BadField {
    long id = id(n);
    JsonNode user = n.path("user");
    String screenName = Fields.required(text(user, "screen_name"), RejectReason.MISSING_USER, "user.screen_name");
    String text = text(n, "full_text");
    if (text == null && n.path("truncated").asBoolean(false)) {
      text = text(n.path("extended_tweet"), "full_text");
    }
    if (text == null) {
      text = text(n, "text");
    }
    Fields.required(text, RejectReason.MISSING_TEXT, "text or full_text");
    Tweet.Builder b = Tweet.newBuilder()
        .setId(id)
        .setUserScreenName(screenName.strip())
        .setUserName(text(user, "name"))
        .setText(text)
        .setCreatedAt(createdAt(n))
        .setLang(text(n, "lang"))
        .setFavoriteCount(intOrNull(n, "favorite_count"))
        .setRetweetCount(intOrNull(n, "retweet_count"))
        .setIsRetweet(n.hasNonNull("retweeted_status"))
        .setFavorited(n.path("favorited").asBoolean(false))
        .setRetweeted(n.path("retweeted").asBoolean(false))
        .setPossiblySensitive(n.hasNonNull("possibly_sensitive") ? n.get("possibly_sensitive").asBoolean() : null)
        .setUserFollowersCount(intOrNull(user, "followers_count"))
        .setCoordinates(coordinates(n.path("coordinates")))
        .setPlace(text(n.path("place"), "full_name"))
        .setSource(source);
    return b.build();
  }

  private static long id(JsonNode n) throws BadField {
    JsonNode id = n.get("id");
    if (id != null && id.canConvertToLong() && id.isIntegralNumber()) {
      return positive(id.asLong());
    }
    String idStr = text(n, "id_str");
    if (idStr != null) {
      return Fields.id(idStr, "id_str");
    }
    if (id != null && !id.isNull()) {
      throw new BadField(RejectReason.BAD_ID, "id is not a whole number: " + Fields.shorten(id.toString()));
    }
    throw new BadField(RejectReason.BAD_ID, "no id");
  }

  private static long positive(long id) throws BadField {
    if (id <= 0) {
      throw new BadField(RejectReason.BAD_ID, "id is not positive: " + id);
    }
    return id;
  }

  private static Instant createdAt(JsonNode n) throws BadField {
    String s = text(n, "created_at");
    if (s == null) {
      throw new BadField(RejectReason.BAD_DATE, "no created_at");
    }
    try {
      return ZonedDateTime.parse(s.strip(), CREATED_AT).toInstant();
    } catch (DateTimeParseException e) {
      throw new BadField(RejectReason.BAD_DATE, "created_at is not like 'Wed Oct 10 20:19:24 +0000 2018': "
          + Fields.shorten(s));
    }
  }

  private static Integer intOrNull(JsonNode n, String field) throws BadField {
    JsonNode v = n.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (v.isIntegralNumber() && v.canConvertToInt()) {
      return v.intValue();
    }
    throw new BadField(RejectReason.BAD_NUMBER, field + " is not a whole number: " + Fields.shorten(v.toString()));
  }

  /** GeoJSON point: {@code "coordinates": {"type": "Point", "coordinates": [lon, lat]}}. */
  private static Coordinates coordinates(JsonNode c) throws BadField {
    JsonNode pair = c.path("coordinates");
    if (!pair.isArray() || pair.size() != 2) {
      return null;
    }
    if (!pair.get(0).isNumber() || !pair.get(1).isNumber()) {
      throw new BadField(RejectReason.BAD_NUMBER, "coordinates are not numbers: " + Fields.shorten(pair.toString()));
    }
    return new Coordinates(pair.get(1).asDouble(), pair.get(0).asDouble());
  }

  /** A string field, or null when absent, null or not a string. */
  private static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v != null && v.isTextual() ? v.asText() : null;
  }
}
