package dev.trendoff.formats;

import com.fasterxml.jackson.databind.JsonNode;

import dev.trendoff.avro.Tweet;
import dev.trendoff.avro.TweetSource;

/**
 * One record of {@link XArchiveRecords}: a tweet of an X archive with its author. The archive writes
 * the v1.1 shapes with numbers as strings: the id is {@code id_str} (or {@code id}), the text
 * {@code full_text} (HTML entities unescaped), or the long post's whole text ({@code noteText}),
 * {@code created_at} like {@code Sat Feb 18 12:33:11 +0000 2023}, {@code favorite_count} and
 * {@code retweet_count} as strings. Archives do not mark retweets but by their text
 * ({@code RT @name: ...}). Thread-safe.
 */
final class XArchiveTweet extends JsonTweetParser {

  private static final long serialVersionUID = 1L;

  static final XArchiveTweet INSTANCE = new XArchiveTweet();

  @Override
  Tweet toTweet(JsonNode r) throws BadField {
    JsonNode t = r.path("tweet");
    long id = JsonFields.id(t, "id_str", "id");
    String username = JsonFields.required(r, "username", RejectReason.MISSING_USER, "username (from account.js)");
    String fullText = JsonFields.text(t, "full_text");
    if (fullText == null) {
      fullText = JsonFields.text(t, "text");
    }
    String note = JsonFields.text(r, "noteText");
    String text = Fields.required(Fields.blank(note) ? fullText : note, RejectReason.MISSING_TEXT, "full_text");
    return Tweet.newBuilder()
        .setId(id)
        .setUserScreenName(username.strip())
        .setUserName(JsonFields.text(r, "displayName"))
        .setText(HtmlEntities.unescape(text))
        .setCreatedAt(JsonFields.time(t, "created_at", StatusJson.CREATED_AT, "Sat Feb 18 12:33:11 +0000 2023"))
        .setLang(JsonFields.text(t, "lang"))
        .setFavoriteCount(JsonFields.count(t, "favorite_count"))
        .setRetweetCount(JsonFields.count(t, "retweet_count"))
        .setIsRetweet(t.hasNonNull("retweeted_status") || (fullText != null && Fields.looksLikeRetweet(fullText)))
        .setFavorited(t.path("favorited").asBoolean(false))
        .setRetweeted(t.path("retweeted").asBoolean(false))
        .setPossiblySensitive(JsonFields.flag(t, "possibly_sensitive"))
        .setUserFollowersCount(null)
        .setCoordinates(JsonFields.point(t.path("coordinates")))
        .setPlace(JsonFields.text(t.path("place"), "full_name"))
        .setSource(TweetSource.X_ARCHIVE)
        .build();
  }
}
