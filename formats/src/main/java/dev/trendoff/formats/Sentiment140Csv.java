package dev.trendoff.formats;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

import dev.trendoff.avro.Tweet;
import dev.trendoff.avro.TweetSource;

/**
 * The Sentiment140 training CSV: no header, Latin-1, six fields: polarity, id, date
 * ({@code Sat May 16 23:58:44 UTC 2009}; the published file says {@code PDT}), query, user, text (collected
 * from Twitter's search API, so its HTML entities are unescaped: {@link HtmlEntities}).
 * Decode the file as {@link #CHARSET} and {@link #parse(String)} each line. Thread-safe.
 */
public final class Sentiment140Csv implements CsvParser {

  private static final long serialVersionUID = 1L;

  public static final Charset CHARSET = StandardCharsets.ISO_8859_1;
  public static final int WIDTH = 6;
  public static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss zzz yyyy", Locale.ENGLISH);

  private static final Sentiment140Csv INSTANCE = new Sentiment140Csv();

  public static Sentiment140Csv instance() {
    return INSTANCE;
  }

  @Override
  public ParseResult parse(List<String> f, String raw) {
    if (f.size() != WIDTH) {
      return ParseResult.rejected(RejectReason.WRONG_FIELD_COUNT, f.size() + " fields where there must be " + WIDTH, raw);
    }
    try {
      long id = Fields.id(f.get(1), "id");
      String date = f.get(2);
      if (Fields.blank(date)) {
        throw new BadField(RejectReason.BAD_DATE, "no date");
      }
      java.time.Instant createdAt;
      try {
        createdAt = ZonedDateTime.parse(date.strip(), DATE).toInstant();
      } catch (DateTimeParseException e) {
        throw new BadField(RejectReason.BAD_DATE, "date not like 'Sat May 16 23:58:44 UTC 2009': " + Fields.shorten(date));
      }
      String user = Fields.required(f.get(4), RejectReason.MISSING_USER, "user").strip();
      String text = Fields.required(f.get(5), RejectReason.MISSING_TEXT, "text");
      return ParseResult.ok(Tweet.newBuilder()
          .setId(id)
          .setUserScreenName(user)
          .setUserName(null)
          .setText(HtmlEntities.unescape(text))
          .setCreatedAt(createdAt)
          .setLang(null)
          .setFavoriteCount(null)
          .setRetweetCount(null)
          .setIsRetweet(Fields.looksLikeRetweet(text))
          .setFavorited(false)
          .setRetweeted(false)
          .setPossiblySensitive(null)
          .setUserFollowersCount(null)
          .setCoordinates(null)
          .setPlace(null)
          .setSource(TweetSource.SENTIMENT140)
          .build());
    } catch (BadField e) {
      return e.toResult(raw);
    }
  }
}
