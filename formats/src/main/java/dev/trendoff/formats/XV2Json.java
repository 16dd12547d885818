package dev.trendoff.formats;

import java.time.format.DateTimeFormatter;

import com.fasterxml.jackson.databind.JsonNode;

import dev.trendoff.avro.Tweet;
import dev.trendoff.avro.TweetSource;

/**
 * One post of the X API v2, flattened: the tweet object with its author's user object under
 * {@code author} (what {@code twarc2 flatten} writes, and what {@link XV2Pages} makes of a response
 * page). The text is {@code note_tweet.text} when there is one (a post longer than 280 characters;
 * {@code text} then holds only its start), else {@code text}, HTML entities unescaped; the author is
 * {@code author.username}; {@code created_at} is ISO 8601 ({@code 2023-02-18T12:33:11.000Z}); counts
 * come from {@code public_metrics}; a post that {@code referenced_tweets} as {@code retweeted} is a
 * retweet; {@code geo.coordinates} is a GeoJSON point and {@code geo.full_name} the place (from
 * {@code includes.places}). Thread-safe.
 */
public final class XV2Json extends JsonTweetParser {

  private static final long serialVersionUID = 1L;

  static final DateTimeFormatter CREATED_AT = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
  static final String CREATED_AT_EXAMPLE = "2023-02-18T12:33:11.000Z";

  private final TweetSource source;

  public XV2Json(TweetSource source) {
    this.source = source;
  }

  @Override
  Tweet toTweet(JsonNode n) throws BadField {
    if (!n.has("id") && n.has("errors")) {
      throw new BadField(RejectReason.NOT_A_STATUS, "an error response, not a post: "
          + Fields.shorten(n.path("errors").path(0).path("detail").asText(n.path("errors").toString())));
    }
    long id = JsonFields.id(n, "id");
    JsonNode author = n.path("author");
    String username = JsonFields.text(author, "username");
    if (Fields.blank(username)) {
      throw new BadField(RejectReason.MISSING_USER, n.has("author_id")
          ? "no author.username for author_id " + Fields.shorten(n.path("author_id").asText())
          : "no author: neither an author object nor a page's includes.users");
    }
    String text = JsonFields.text(n.path("note_tweet"), "text");
    if (Fields.blank(text)) {
      text = JsonFields.required(n, "text", RejectReason.MISSING_TEXT, "text");
    }
    JsonNode metrics = n.path("public_metrics");
    JsonNode geo = n.path("geo");
    return Tweet.newBuilder()
        .setId(id)
        .setUserScreenName(username.strip())
        .setUserName(JsonFields.text(author, "name"))
        .setText(HtmlEntities.unescape(text))
        .setCreatedAt(JsonFields.time(n, "created_at", CREATED_AT, CREATED_AT_EXAMPLE))
        .setLang(JsonFields.text(n, "lang"))
        .setFavoriteCount(JsonFields.count(metrics, "like_count"))
        .setRetweetCount(JsonFields.count(metrics, "retweet_count"))
        .setIsRetweet(references(n, "retweeted"))
        .setFavorited(false)
        .setRetweeted(false)
        .setPossiblySensitive(JsonFields.flag(n, "possibly_sensitive"))
        .setUserFollowersCount(JsonFields.count(author.path("public_metrics"), "followers_count"))
        .setCoordinates(JsonFields.point(geo.path("coordinates")))
        .setPlace(JsonFields.text(geo, "full_name"))
        .setSource(source)
        .build();
  }

  private static boolean references(JsonNode n, String type) {
    for (JsonNode ref : n.path("referenced_tweets")) {
      if (type.equals(ref.path("type").asText())) {
        return true;
      }
    }
    return false;
  }
}
