package dev.trendoff.formats;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.trendoff.avro.Coordinates;
import dev.trendoff.avro.Tweet;
import dev.trendoff.avro.TweetSource;

/** x-v2 on fixtures/x-v2.jsonl: response pages, a flattened post, and the ways a line goes wrong. */
class XV2FormatTest {

  static List<ParseResult> fixture() {
    return Fixtures.read("x-v2", "x-v2.jsonl");
  }

  @Test
  void pagesBecomeTheirPostsAndEveryOtherLineATweetOrARejection() {
    List<ParseResult> r = fixture();
    assertThat(Fixtures.outcomes(r)).containsExactly("tweet", "tweet", "tweet", "tweet", "missing-user", "missing-user",
        "missing-user", "empty-line", "malformed-json", "not-a-status", "bad-date", "missing-text", "tweet");
    assertThat(Fixtures.tweetsOf(r)).extracting(Tweet::getId).containsExactly(1445880548472328192L,
        1445880999999999999L, 1700100200300400500L, 1700100200300400600L, 1700100200300401200L);
  }

  @Test
  void aPagesPostGetsItsAuthorAndPlaceFromTheIncludes() {
    Tweet t = fixture().get(0).tweet();
    assertThat(t.getUserScreenName()).isEqualTo("TwitterDev");
    assertThat(t.getUserName()).isEqualTo("Twitter Dev");
    assertThat(t.getUserFollowersCount()).isEqualTo(513958);
    assertThat(t.getText()).isEqualTo("Today we launch the v2 API & a new way to stream #DevCommunity");
    assertThat(t.getCreatedAt()).isEqualTo(Instant.parse("2021-10-06T22:35:00Z"));
    assertThat(t.getLang()).isEqualTo("en");
    assertThat(t.getFavoriteCount()).isEqualTo(10);
    assertThat(t.getRetweetCount()).isEqualTo(4);
    assertThat(t.getIsRetweet()).isFalse();
    assertThat(t.getPossiblySensitive()).isFalse();
    assertThat(t.getCoordinates()).isEqualTo(new Coordinates(40.73, -73.99));
    assertThat(t.getPlace()).isEqualTo("Manhattan, NY");
    assertThat(t.getSource()).isEqualTo(TweetSource.X_V2);
  }

  @Test
  void retweetsNoteTweetsAndFlattenedPosts() {
    List<ParseResult> r = fixture();
    Tweet retweet = r.get(1).tweet();
    assertThat(retweet.getIsRetweet()).isTrue();
    assertThat(retweet.getUserScreenName()).isEqualTo("X");
    assertThat(retweet.getPlace()).isNull();

    Tweet note = r.get(2).tweet();
    assertThat(note.getText()).isEqualTo("A post longer than the old limit begins here and the API cuts it, so only"
        + " note_tweet has its end: lambda, kappa & the serving layer, counted word by word.");
    assertThat(note.getPossiblySensitive()).isNull();

    Tweet flat = r.get(3).tweet();
    assertThat(flat.getUserScreenName()).isEqualTo("juergen_u");
    assertThat(flat.getUserName()).isEqualTo("J\u00fcrgen \u00dc");
    assertThat(flat.getText()).isEqualTo("Gr\u00fc\u00dfe aus M\u00fcnchen \uD83C\uDF7A und \u6771\u4eac <3");
    assertThat(flat.getFavoriteCount()).as("numbers as strings").isEqualTo(5);
    assertThat(flat.getRetweetCount()).isEqualTo(2);
    assertThat(flat.getUserFollowersCount()).isEqualTo(42);

    Tweet streamed = r.get(12).tweet();
    assertThat(streamed.getText()).isEqualTo("One post a line, as the filtered stream sends it");
    assertThat(streamed.getUserScreenName()).isEqualTo("TwitterDev");
  }

  @Test
  void rejectionsSayWhy() {
    List<ParseResult> r = fixture();
    assertThat(r.get(4).rejection().detail()).isEqualTo("line 4: a page without includes.users: the author of post"
        + " 1700100200300400700 is unknown (ask the API for expansions=author_id)");
    assertThat(r.get(4).rejection().raw()).contains("Asked for without expansions");
    assertThat(r.get(6).rejection().detail()).isEqualTo("line 5: author_id 999 of post 1700100200300400800 is not in the page's includes.users");
    assertThat(r.get(9).rejection().detail()).startsWith("an error response, not a post: Could not find tweet with ids");
    assertThat(r.get(10).rejection().detail()).isEqualTo("no created_at");
    assertThat(r.get(11).rejection().detail()).isEqualTo("no text");
  }

  @Test
  void theParserAloneTakesAFlattenedPost() {
    XV2Json p = new XV2Json(TweetSource.X_STREAM);
    ParseResult ok = p.parse("{\"id\":\"7\",\"text\":\"hi &amp; bye\",\"created_at\":\"2023-01-01T00:00:00Z\","
        + "\"author\":{\"username\":\"u\"}}");
    assertThat(ok.tweet().getText()).isEqualTo("hi & bye");
    assertThat(ok.tweet().getSource()).isEqualTo(TweetSource.X_STREAM);
    assertThat(p.parse("{\"id\":\"7\",\"text\":\"t\",\"created_at\":\"2023-01-01T00:00:00Z\",\"author_id\":\"5\"}")
        .rejection().detail()).isEqualTo("no author.username for author_id 5");
    assertThat(p.parse("{\"id\":\"x\"}").rejection().reason()).isEqualTo(RejectReason.BAD_ID);
    assertThat(p.parse("[1]").rejection().reason()).isEqualTo(RejectReason.MALFORMED_JSON);
  }
}
