package dev.trendoff.formats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.trendoff.core.TweetChecks;

/**
 * Tweets no layer could write (docs/lambda.md 'What a layer refuses') are rejected by every parser,
 * with the reason code the dead-letter topic and the recompute use. Records written by hand from each
 * format's layout (docs in each parser's class comment).
 */
class UnusableTweetsTest {

  private static final String LONG_NAME = "x".repeat(TweetChecks.MAX_USER_KEY_BYTES + 1);
  private static final String LONG_TEXT = "word ".repeat(TweetChecks.MAX_TEXT_BYTES / 5 + 1);

  static String status(String screenName, String text) {
    return "{\"id\": 1050118621198921728, \"created_at\": \"Wed Oct 10 20:19:24 +0000 2018\", \"text\": \"" + text
        + "\", \"user\": {\"screen_name\": \"" + screenName + "\"}}";
  }

  static String sentiment140(String user, String text) {
    return "\"0\",\"1467810369\",\"Mon Apr 06 22:19:45 PDT 2009\",\"NO_QUERY\",\"" + user + "\",\"" + text + "\"";
  }

  static String followTheHashtag(String nickname, String text) {
    return "721318437075685382,2016-04-16,12:44,Some Name," + nickname + ",bio,\"" + text
        + "\",0,0,40.7,-74.0,US,NYC,pic,10,5,1,en,http://x";
  }

  @Test
  void anAtSignAloneIsABadUserInJsonAndSentiment140AndNoNicknameInFollowTheHashtag() {
    assertThat(reason(StatusJson.jsonl().parse(status("@", "hello")))).isEqualTo("bad-user");
    assertThat(reason(StatusJson.jsonl().parse(status(" @ ", "hello")))).isEqualTo("bad-user");
    assertThat(reason(Sentiment140Csv.instance().parse(sentiment140("@", "hello")))).isEqualTo("bad-user");
    // followthehashtag strips a leading @ from the Nickname itself and says so as before
    assertThat(reason(FollowTheHashtagCsv.standard().parse(followTheHashtag("@", "hello")))).isEqualTo("missing-user");
  }

  @Test
  void anOverLongScreenNameIsABadUserInEveryFormat() {
    for (ParseResult r : List.of(StatusJson.jsonl().parse(status(LONG_NAME, "hello")),
        Sentiment140Csv.instance().parse(sentiment140(LONG_NAME, "hello")),
        FollowTheHashtagCsv.standard().parse(followTheHashtag(LONG_NAME, "hello")))) {
      assertThat(reason(r)).isEqualTo("bad-user");
      assertThat(r.rejection().detail()).contains("513 bytes");
      assertThat(r.rejection().raw()).as("the record is kept (shortened)").contains("xxxx");
    }
  }

  @Test
  void anOverLongTextIsRejectedInEveryFormat() {
    for (ParseResult r : List.of(StatusJson.jsonl().parse(status("alice", LONG_TEXT)),
        Sentiment140Csv.instance().parse(sentiment140("alice", LONG_TEXT)),
        FollowTheHashtagCsv.standard().parse(followTheHashtag("alice", LONG_TEXT)))) {
      assertThat(reason(r)).isEqualTo("text-too-long");
    }
  }

  @Test
  void theSameRecordsWithAUsableUserAreTweets() {
    assertThat(StatusJson.jsonl().parse(status("@alice", "hello")).isTweet()).isTrue();
    assertThat(Sentiment140Csv.instance().parse(sentiment140("alice", "hello")).isTweet()).isTrue();
    assertThat(FollowTheHashtagCsv.standard().parse(followTheHashtag("@alice", "hello")).isTweet()).isTrue();
  }

  @Test
  void theReasonsAreTheCodesOfTheLayersChecks() {
    for (TweetChecks.Problem p : TweetChecks.Problem.values()) {
      assertThat(RejectReason.of(p).code()).isEqualTo(p.code());
    }
  }

  private static String reason(ParseResult r) {
    return r.isTweet() ? "tweet" : r.rejection().reason().code();
  }
}
