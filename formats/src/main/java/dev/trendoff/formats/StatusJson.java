package dev.trendoff.formats;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;

import dev.trendoff.avro.Tweet;
import dev.trendoff.avro.TweetSource;

/**
 * Twitter API v1.1 status objects, one JSON object a line: what {@code jsonl} files hold and what
 * the v1.1 stream sends. The text is {@code full_text}, else {@code extended_tweet.full_text}, else
 * {@code text}, its HTML entities unescaped ({@link HtmlEntities}); a status with
 * {@code retweeted_status} is a retweet. Stream notices ({@code delete}, {@code limit}, ...) are not
 * statuses and are rejected as such.
 */
public final class StatusJson extends JsonTweetParser {

  private static final long serialVersionUID = 1L;

  /** {@code Wed Oct 10 20:19:24 +0000 2018}: v1.1's {@code created_at}, and the X archive's. */
  public static final DateTimeFormatter CREATED_AT =
      DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss Z yyyy", Locale.ENGLISH);
  static final String CREATED_AT_EXAMPLE = "Wed Oct 10 20:19:24 +0000 2018";

  /** Top-level keys of the v1.1 stream's notices, which carry no status. */
  public static final List<String> NOTICE_KEYS = List.of("delete", "limit", "scrub_geo", "status_withheld",
      "user_withheld", "disconnect", "warning", "friends", "event", "control");

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
  Tweet toTweet(JsonNode n) throws BadField {
    String notice = noticeKind(n);
    if (notice != null && !n.has("id") && !n.has("id_str")) {
      throw new BadField(RejectReason.NOT_A_STATUS, notice + " notice");
    }
    long id = JsonFields.id(n, "id", "id_str");
    JsonNode user = n.path("user");
    String screenName = JsonFields.required(user, "screen_name", RejectReason.MISSING_USER, "user.screen_name");
    String text = JsonFields.text(n, "full_text");
    if (text == null && n.path("truncated").asBoolean(false)) {
      text = JsonFields.text(n.path("extended_tweet"), "full_text");
    }
    if (text == null) {
      text = JsonFields.text(n, "text");
    }
    Fields.required(text, RejectReason.MISSING_TEXT, "text or full_text");
    return Tweet.newBuilder()
        .setId(id)
        .setUserScreenName(screenName.strip())
        .setUserName(JsonFields.text(user, "name"))
        .setText(HtmlEntities.unescape(text))
        .setCreatedAt(JsonFields.time(n, "created_at", CREATED_AT, CREATED_AT_EXAMPLE))
        .setLang(JsonFields.text(n, "lang"))
        .setFavoriteCount(JsonFields.count(n, "favorite_count"))
        .setRetweetCount(JsonFields.count(n, "retweet_count"))
        .setIsRetweet(n.hasNonNull("retweeted_status"))
        .setFavorited(n.path("favorited").asBoolean(false))
        .setRetweeted(n.path("retweeted").asBoolean(false))
        .setPossiblySensitive(JsonFields.flag(n, "possibly_sensitive"))
        .setUserFollowersCount(JsonFields.count(user, "followers_count"))
        .setCoordinates(JsonFields.point(n.path("coordinates")))
        .setPlace(JsonFields.text(n.path("place"), "full_name"))
        .setSource(source)
        .build();
  }
}
