package dev.trendoff.producer.bluesky;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

import com.fasterxml.jackson.databind.JsonNode;

import dev.trendoff.avro.Tweet;
import dev.trendoff.avro.TweetSource;
import dev.trendoff.formats.ParseResult;
import dev.trendoff.formats.RejectReason;

/**
 * A Bluesky post as a tweet. Its id is made of its AT URI ({@code at://DID/app.bsky.feed.post/RKEY}),
 * which is unique and stable: the first 63 bits of its SHA-256, so a post read twice (a replay after a
 * restart) is the same row everywhere. The user is the author's handle; the text is the post's
 * {@code text} as typed (Bluesky does not escape it); the time is the post's {@code createdAt}; the
 * language the first of {@code langs}. A post without text (only an image) has no words.
 */
final class BlueskyPosts {
  private BlueskyPosts() {}

  /** The tweet id of the post {@code rkey} of {@code did}. */
  static long id(String did, String rkey) {
    try {
      byte[] h = MessageDigest.getInstance("SHA-256")
          .digest(("at://" + did + "/" + JetstreamEvent.POSTS + "/" + rkey).getBytes(StandardCharsets.UTF_8));
      long id = 0;
      for (int i = 0; i < 8; i++) {
        id = (id << 8) | (h[i] & 0xff);
      }
      id &= Long.MAX_VALUE;
      return id == 0 ? 1 : id;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Whether the post has text to count (a post of only an image has none). */
  static boolean hasText(JetstreamEvent e) {
    JsonNode text = e.record().get("text");
    return text != null && text.isTextual() && !text.asText().isBlank();
  }

  /** The tweet of a new post by {@code handle}, or why it cannot be one. */
  static ParseResult tweet(JetstreamEvent e, String handle, String displayName) {
    JsonNode record = e.record();
    String created = record.path("createdAt").asText("");
    Instant createdAt;
    try {
      createdAt = DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(created, Instant::from);
    } catch (DateTimeParseException ex) {
      return ParseResult.rejected(RejectReason.BAD_DATE, "createdAt is not like '2024-09-09T19:46:02.102Z': "
          + (created.length() > 40 ? created.substring(0, 40) + "..." : created), e.raw());
    }
    JsonNode langs = record.path("langs");
    return ParseResult.ok(Tweet.newBuilder()
        .setId(id(e.did(), e.rkey()))
        .setUserScreenName(handle)
        .setUserName(displayName)
        .setText(record.path("text").asText())
        .setCreatedAt(createdAt)
        .setLang(langs.isArray() && !langs.isEmpty() ? langs.get(0).asText() : null)
        .setFavoriteCount(null)
        .setRetweetCount(null)
        .setIsRetweet(false)
        .setFavorited(false)
        .setRetweeted(false)
        .setPossiblySensitive(null)
        .setUserFollowersCount(null)
        .setCoordinates(null)
        .setPlace(null)
        .setSource(TweetSource.BLUESKY)
        .build());
  }
}
