package dev.trendoff.formats;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.trendoff.avro.Coordinates;
import dev.trendoff.avro.Tweet;
import dev.trendoff.avro.TweetSource;
import dev.trendoff.core.UserError;

/**
 * The followthehashtag "USA Geolocated tweets" CSV. Columns are found by their header names, not
 * positions; the user is {@code Nickname}; {@code Date} ({@code 2016-04-16}) and {@code Hour}
 * ({@code 12:44}) are taken as UTC; {@code Favs} and {@code RTs} may be empty. A retweet is a text
 * beginning with {@code RT @} (the layout has no retweet column).
 *
 * <p>Build one from the file's header line with {@link #fromHeader}, then {@link #parse(String)}
 * each record (one CSV record, which may hold line breaks inside quotes). Thread-safe.
 */
public final class FollowTheHashtagCsv implements CsvParser {

  private static final long serialVersionUID = 1L;

  public static final String TWEET_ID = "Tweet Id";
  public static final String DATE = "Date";
  public static final String HOUR = "Hour";
  public static final String USER_NAME = "User Name";
  public static final String NICKNAME = "Nickname";
  public static final String TWEET_CONTENT = "Tweet content";
  public static final String FAVS = "Favs";
  public static final String RTS = "RTs";
  public static final String LATITUDE = "Latitude";
  public static final String LONGITUDE = "Longitude";
  public static final String PLACE = "Place (as appears on Bio)";
  public static final String FOLLOWERS = "Followers";
  public static final String LANGUAGE = "Tweet language (ISO 639-1)";

  /** The header of the published files, in their order. */
  public static final List<String> STANDARD_HEADER = List.of(TWEET_ID, DATE, HOUR, USER_NAME, NICKNAME, "Bio",
      TWEET_CONTENT, FAVS, RTS, LATITUDE, LONGITUDE, "Country", PLACE, "Profile picture", FOLLOWERS, "Following",
      "Listed", LANGUAGE, "Tweet Url");

  private static final List<String> REQUIRED = List.of(TWEET_ID, DATE, HOUR, NICKNAME, TWEET_CONTENT);
  private static final DateTimeFormatter HOUR_FORMAT = DateTimeFormatter.ofPattern("H:mm[:ss]", Locale.ROOT);

  private final int width;
  private final Map<String, Integer> index;

  private FollowTheHashtagCsv(List<String> header) {
    this.width = header.size();
    this.index = new HashMap<>();
    for (int i = 0; i < header.size(); i++) {
      index.putIfAbsent(normal(header.get(i)), i);
    }
    List<String> missing = new ArrayList<>();
    for (String name : REQUIRED) {
      if (!index.containsKey(normal(name))) {
        missing.add("'" + name + "'");
      }
    }
    if (!missing.isEmpty()) {
      throw new UserError("not a followthehashtag CSV: the header has no column " + String.join(", ", missing)
          + " (expected a header like: " + String.join(",", STANDARD_HEADER) + ")");
    }
  }

  /** From the file's first line; a {@link UserError} if it lacks a column the tweets need. */
  public static FollowTheHashtagCsv fromHeader(String headerLine) {
    if (headerLine == null || headerLine.isBlank()) {
      throw new UserError("not a followthehashtag CSV: the first line (the header) is empty");
    }
    String h = headerLine.startsWith("\uFEFF") ? headerLine.substring(1) : headerLine;
    try {
      return new FollowTheHashtagCsv(CsvFields.split(h));
    } catch (BadField e) {
      throw new UserError("not a followthehashtag CSV: cannot read its header: " + e.getMessage());
    }
  }

  /** From already split header names (e.g. a Spark DataFrame's columns). */
  public static FollowTheHashtagCsv fromHeader(List<String> columns) {
    return new FollowTheHashtagCsv(columns);
  }

  /** The published layout, for records whose header was not seen. */
  public static FollowTheHashtagCsv standard() {
    return new FollowTheHashtagCsv(STANDARD_HEADER);
  }

  /** How many fields a record must have: as many as the header. */
  public int width() {
    return width;
  }

  @Override
  public ParseResult parse(List<String> fields, String raw) {
    if (fields.size() != width) {
      return ParseResult.rejected(RejectReason.WRONG_FIELD_COUNT,
          fields.size() + " fields where the header has " + width, raw);
    }
    try {
      return ParseResult.of(toTweet(fields), raw);
    } catch (BadField e) {
      return e.toResult(raw);
    }
  }

  private Tweet toTweet(List<String> f) throws BadField {
    long id = Fields.id(get(f, TWEET_ID), TWEET_ID);
    String user = Fields.required(get(f, NICKNAME), RejectReason.MISSING_USER, NICKNAME).strip();
    if (user.startsWith("@")) {
      user = user.substring(1);
    }
    if (user.isEmpty()) {
      throw new BadField(RejectReason.MISSING_USER, "no " + NICKNAME);
    }
    String text = Fields.required(get(f, TWEET_CONTENT), RejectReason.MISSING_TEXT, TWEET_CONTENT);
    Double lat = Fields.optionalDouble(get(f, LATITUDE), LATITUDE);
    Double lon = Fields.optionalDouble(get(f, LONGITUDE), LONGITUDE);
    return Tweet.newBuilder()
        .setId(id)
        .setUserScreenName(user)
        .setUserName(Fields.optional(get(f, USER_NAME)))
        .setText(text)
        .setCreatedAt(createdAt(get(f, DATE), get(f, HOUR)))
        .setLang(Fields.optional(get(f, LANGUAGE)))
        .setFavoriteCount(Fields.optionalInt(get(f, FAVS), FAVS))
        .setRetweetCount(Fields.optionalInt(get(f, RTS), RTS))
        .setIsRetweet(Fields.looksLikeRetweet(text))
        .setFavorited(false)
        .setRetweeted(false)
        .setPossiblySensitive(null)
        .setUserFollowersCount(Fields.optionalInt(get(f, FOLLOWERS), FOLLOWERS))
        .setCoordinates(lat != null && lon != null ? new Coordinates(lat, lon) : null)
        .setPlace(Fields.optional(get(f, PLACE)))
        .setSource(TweetSource.CSV)
        .build();
  }

  private static java.time.Instant createdAt(String date, String hour) throws BadField {
    if (Fields.blank(date) || Fields.blank(hour)) {
      throw new BadField(RejectReason.BAD_DATE, "no " + (Fields.blank(date) ? DATE : HOUR));
    }
    try {
      return LocalDate.parse(date.strip()).atTime(LocalTime.parse(hour.strip(), HOUR_FORMAT))
          .toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      throw new BadField(RejectReason.BAD_DATE, "Date/Hour not like 2016-04-16 / 12:44: "
          + Fields.shorten(date) + " " + Fields.shorten(hour));
    }
  }

  private String get(List<String> fields, String column) {
    Integer i = index.get(normal(column));
    return i == null ? null : fields.get(i);
  }

  private static String normal(String name) {
    return name.strip().toLowerCase(Locale.ROOT);
  }
}
