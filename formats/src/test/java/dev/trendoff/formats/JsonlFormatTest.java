package dev.trendoff.formats;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.trendoff.avro.Tweet;
import dev.trendoff.avro.TweetSource;

class JsonlFormatTest {

  static List<ParseResult> fixture() {
    return Fixtures.read("jsonl", "statuses.jsonl");
  }

  static RecordSource jsonl(Path file) {
    return TweetFormats.named("jsonl").source(file.toString(), Fixtures.LIMITS);
  }

  @Test
  void readsEveryLineOfTheFixtureAsATweetOrARejection() {
    List<ParseResult> r = fixture();
    assertThat(r).hasSize(14);
    assertThat(Fixtures.outcomes(r)).containsExactly(
        "tweet", "tweet", "tweet", "tweet", "empty-line", "malformed-json", "missing-user", "missing-text",
        "not-a-status", "tweet", "invalid-utf8", "bad-date", "empty-line", "malformed-json");
  }

  @Test
  void plainStatusFieldByField() {
    Tweet t = fixture().get(0).tweet();
    assertThat(t.getId()).isEqualTo(1050118621198921728L);
    assertThat(t.getUserScreenName()).isEqualTo("TwitterAPI");
    assertThat(t.getUserName()).isEqualTo("Twitter API");
    assertThat(t.getText()).startsWith("To make room for more expression, we will now count all emojis as equal\u2014")
        .endsWith("https://t.co/MkGjXf9aXm");
    assertThat(t.getCreatedAt()).isEqualTo(Instant.parse("2018-10-10T20:19:24Z"));
    assertThat(t.getLang()).isEqualTo("en");
    assertThat(t.getFavoriteCount()).isEqualTo(296);
    assertThat(t.getRetweetCount()).isEqualTo(161);
    assertThat(t.getIsRetweet()).isFalse();
    assertThat(t.getFavorited()).isFalse();
    assertThat(t.getRetweeted()).isFalse();
    assertThat(t.getPossiblySensitive()).isFalse();
    assertThat(t.getUserFollowersCount()).isEqualTo(6133636);
    assertThat(t.getCoordinates().getLatitude()).isEqualTo(37.7821);
    assertThat(t.getCoordinates().getLongitude()).isEqualTo(-122.4009);
    assertThat(t.getPlace()).isEqualTo("San Francisco, CA");
    assertThat(t.getSource()).isEqualTo(TweetSource.JSONL);
  }

  @Test
  void fullTextRetweetsAndExtendedTweets() {
    List<ParseResult> r = fixture();
    Tweet extended = r.get(1).tweet();
    assertThat(extended.getText()).isEqualTo(
        "Don't miss the nation's #DataScience meetup tonight \u2019cause it\u2019s the best in the U.S. https://t.co/AbCdEf1234");
    assertThat(extended.getFavorited()).isTrue();
    assertThat(extended.getPossiblySensitive()).isNull();
    assertThat(extended.getCoordinates()).isNull();
    assertThat(extended.getPlace()).isNull();

    Tweet retweet = r.get(2).tweet();
    assertThat(retweet.getIsRetweet()).isTrue();
    assertThat(retweet.getRetweeted()).isTrue();
    assertThat(retweet.getPossiblySensitive()).isTrue();
    assertThat(retweet.getUserScreenName()).isEqualTo("charles_b");
    assertThat(retweet.getText()).isEqualTo("RT @Ada_Lovelace: Don't miss the nation's #DataScience meetup tonight");

    Tweet truncated = r.get(3).tweet();
    assertThat(truncated.getId()).isEqualTo(720768391153954816L);
    assertThat(truncated.getText()).isEqualTo(
        "A truncated text that goes on and on about caf\u00e9s and na\u00efve r\u00e9sum\u00e9s \uD83D\uDE00 until the end #longread");
  }

  @Test
  void rejectionsSayWhy() {
    List<ParseResult> r = fixture();
    assertThat(r.get(5).rejection().detail()).startsWith("malformed JSON");
    assertThat(r.get(6).rejection().detail()).contains("user.screen_name");
    assertThat(r.get(8).rejection().detail()).isEqualTo("delete notice");
    assertThat(r.get(10).rejection().detail()).isEqualTo("line 11 is not valid UTF-8");
    assertThat(r.get(10).rejection().raw()).contains("bad bytes");
    assertThat(r.get(11).rejection().detail()).contains("created_at");
  }

  @Test
  void aOneMegabyteLineIsRejectedAndReadingGoesOn(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("big.jsonl");
    String good = Fixtures.line("statuses.jsonl", 1);
    StringBuilder big = new StringBuilder("{\"text\": \"");
    while (big.length() < 1024 * 1024) {
      big.append("padding ");
    }
    big.append("\"}");
    Files.writeString(f, big + "\n" + good + "\n", StandardCharsets.UTF_8);
    List<ParseResult> r = Fixtures.readAll(jsonl(f));
    assertThat(r).hasSize(2);
    assertThat(r.get(0).rejection().reason()).isEqualTo(RejectReason.LINE_TOO_LONG);
    assertThat(r.get(0).rejection().raw().length()).isLessThan(5000);
    assertThat(r.get(1).tweet().getId()).isEqualTo(1050118621198921728L);
  }

  @Test
  void gzippedFilesReadTheSame(@TempDir Path dir) throws IOException {
    Path gz = dir.resolve("statuses.jsonl.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
      out.write(Files.readAllBytes(Fixtures.path("statuses.jsonl")));
    }
    List<ParseResult> plain = fixture();
    List<ParseResult> unzipped = Fixtures.readAll(jsonl(gz));
    assertThat(unzipped).hasSameSizeAs(plain);
    for (int i = 0; i < plain.size(); i++) {
      assertThat(unzipped.get(i).isTweet()).isEqualTo(plain.get(i).isTweet());
      if (plain.get(i).isTweet()) {
        assertThat(unzipped.get(i).tweet()).isEqualTo(plain.get(i).tweet());
      }
    }
  }

  @Test
  void aTruncatedGzipFileIsAnIoErrorAfterTheGoodLines(@TempDir Path dir) throws IOException {
    java.io.ByteArrayOutputStream buf = new java.io.ByteArrayOutputStream();
    try (OutputStream out = new GZIPOutputStream(buf)) {
      for (int i = 0; i < 2000; i++) {
        out.write(Files.readAllBytes(Fixtures.path("statuses.jsonl")));
      }
    }
    byte[] all = buf.toByteArray();
    Path cut = dir.resolve("cut.jsonl.gz");
    Files.write(cut, java.util.Arrays.copyOf(all, all.length / 2));
    RecordSource source = jsonl(cut);
    int read = 0;
    try {
      while (source.next() != null) {
        read++;
      }
      org.assertj.core.api.Assertions.fail("a cut gzip file must not end quietly");
    } catch (IOException e) {
      assertThat(read).isGreaterThan(100);
    } finally {
      source.close();
    }
  }

  @Test
  void idStrAndNoticesAndNonObjects() {
    StatusJson f = StatusJson.jsonl();
    assertThat(f.parse("{\"limit\":{\"track\":42,\"timestamp_ms\":\"1\"}}").rejection().reason())
        .isEqualTo(RejectReason.NOT_A_STATUS);
    assertThat(f.parse("\"just a string\"").rejection().reason()).isEqualTo(RejectReason.MALFORMED_JSON);
    assertThat(f.parse("{\"id\": \"x\", \"text\": \"t\", \"user\": {\"screen_name\": \"a\"}}").rejection().reason())
        .isEqualTo(RejectReason.BAD_ID);
    assertThat(f.parse("{\"id\": 1, \"created_at\": \"Wed Oct 10 20:19:24 +0000 2018\", \"text\": \"t\","
        + " \"favorite_count\": 99999999999, \"user\": {\"screen_name\": \"a\"}}").rejection().reason())
        .isEqualTo(RejectReason.BAD_NUMBER);
  }

  @Test
  void theTextsHtmlEntitiesAreUnescaped() {
    Tweet t = StatusJson.jsonl().parse("{\"id\": 5, \"created_at\": \"Wed Oct 10 20:19:24 +0000 2018\","
        + " \"text\": \"Q&amp;A: I &lt;3 &quot;Kafka&quot; &gt; all &amp;lt;\", \"user\": {\"screen_name\": \"a\"}}").tweet();
    assertThat(t.getText()).isEqualTo("Q&A: I <3 \"Kafka\" > all &lt;");
  }

  static byte[] bytes(String s) {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    b.writeBytes(s.getBytes(StandardCharsets.UTF_8));
    return b.toByteArray();
  }
}
