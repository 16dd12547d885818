package dev.trendoff.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class TweetChecksTest {

  @Test
  void anOrdinaryTweetPasses() {
    assertThat(TweetChecks.check(1, "@Alice", "hello world")).isNull();
    assertThat(TweetChecks.check(Long.MAX_VALUE, "bob", "")).as("an empty text is a tweet without words").isNull();
  }

  @Test
  void aScreenNameThatIsEmptyOnceNormalisedIsABadUser() {
    for (String name : new String[] {"@", " @ ", "", "   ", "\t"}) {
      TweetChecks.Unusable u = TweetChecks.check(5, name, "text");
      assertThat(u).as("screen name '%s'", name).isNotNull();
      assertThat(u.problem()).isEqualTo(TweetChecks.Problem.BAD_USER);
      assertThat(u.problem().code()).isEqualTo("bad-user");
    }
    assertThat(TweetChecks.check(5, null, "text").problem()).isEqualTo(TweetChecks.Problem.BAD_USER);
  }

  @Test
  void aUserKeyIsLimitedInUtf8Bytes() {
    String ascii = "a".repeat(TweetChecks.MAX_USER_KEY_BYTES);
    assertThat(TweetChecks.check(5, ascii, "t")).isNull();
    assertThat(TweetChecks.check(5, ascii + "b", "t").problem()).isEqualTo(TweetChecks.Problem.BAD_USER);
    // 171 three-byte characters: 513 bytes, though only 171 chars
    String wide = "\u20ac".repeat(171);
    assertThat(wide.getBytes(StandardCharsets.UTF_8)).hasSize(513);
    assertThat(TweetChecks.check(5, wide, "t").problem()).isEqualTo(TweetChecks.Problem.BAD_USER);
    assertThat(TweetChecks.check(5, "\u20ac".repeat(170), "t")).isNull();
  }

  @Test
  void aTextIsLimitedInUtf8Bytes() {
    assertThat(TweetChecks.check(5, "u", "x".repeat(TweetChecks.MAX_TEXT_BYTES))).isNull();
    TweetChecks.Unusable u = TweetChecks.check(5, "u", "x".repeat(TweetChecks.MAX_TEXT_BYTES + 1));
    assertThat(u.problem()).isEqualTo(TweetChecks.Problem.TEXT_TOO_LONG);
    assertThat(u.detail()).contains("32769 bytes").hasSizeLessThan(80);
    // emoji: four bytes per surrogate pair
    assertThat(TweetChecks.check(5, "u", "\uD83D\uDE00".repeat(TweetChecks.MAX_TEXT_BYTES / 4))).isNull();
    assertThat(TweetChecks.check(5, "u", "\uD83D\uDE00".repeat(TweetChecks.MAX_TEXT_BYTES / 4 + 1)).problem())
        .isEqualTo(TweetChecks.Problem.TEXT_TOO_LONG);
    assertThat(TweetChecks.check(5, "u", null).problem()).isEqualTo(TweetChecks.Problem.MISSING_TEXT);
  }

  @Test
  void anIdMustBePositive() {
    assertThat(TweetChecks.check(0, "u", "t").problem()).isEqualTo(TweetChecks.Problem.BAD_ID);
    assertThat(TweetChecks.check(-7, "u", "t").problem()).isEqualTo(TweetChecks.Problem.BAD_ID);
  }

  @Test
  void utf8LengthAgreesWithTheJdkEncoder() {
    String[] samples = {"", "abc", "caf\u00e9", "\u20ac", "\uD83D\uDE00x", "mixed \u00e9\u20ac\uD83D\uDE00 text"};
    for (String s : samples) {
      assertThat(TweetChecks.utf8Length(s)).as(s).isEqualTo(s.getBytes(StandardCharsets.UTF_8).length);
    }
    // an unpaired surrogate: counted as 3 bytes, at least what any encoder's replacement takes
    assertThat(TweetChecks.utf8Length("\uD83D")).isEqualTo(3);
  }
}
