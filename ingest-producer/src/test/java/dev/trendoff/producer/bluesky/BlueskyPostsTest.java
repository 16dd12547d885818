package dev.trendoff.producer.bluesky;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import dev.trendoff.avro.Tweet;
import dev.trendoff.avro.TweetSource;
import dev.trendoff.formats.ParseResult;
import dev.trendoff.formats.RejectReason;

class BlueskyPostsTest {

  @Test
  void theIdIsTheFirst63BitsOfTheSha256OfThePostsAtUri() {
    // printf 'at://did:plc:ewvi7nxzyoun6zhxrhs64oiz/app.bsky.feed.post/3l3qo2vutsw2b' | sha256sum: eae723e71eedb54e...
    assertThat(BlueskyPosts.id("did:plc:ewvi7nxzyoun6zhxrhs64oiz", "3l3qo2vutsw2b")).isEqualTo(0x6ae723e71eedb54eL);
    assertThat(BlueskyPosts.id("did:plc:ewvi7nxzyoun6zhxrhs64oiz", "3l3qo2vutsw2c"))
        .isNotEqualTo(BlueskyPosts.id("did:plc:ewvi7nxzyoun6zhxrhs64oiz", "3l3qo2vutsw2b")).isPositive();
  }

  @Test
  void aPostBecomesATweetKeyedByTheHandleWithItsTextAsTyped() throws Exception {
    ParseResult r = BlueskyPosts.tweet(JetstreamEvent.parse(JetstreamEventTest.POST), "alice.example.com", "Alice");
    Tweet t = r.tweet();
    assertThat(t.getUserScreenName()).isEqualTo("alice.example.com");
    assertThat(t.getUserName()).isEqualTo("Alice");
    assertThat(t.getText()).isEqualTo("Caf\u00e9 & <3 \u2014 no entities here &amp; that stays");
    assertThat(t.getCreatedAt()).isEqualTo(Instant.parse("2024-09-09T19:46:02.102Z"));
    assertThat(t.getLang()).isEqualTo("en");
    assertThat(t.getSource()).isEqualTo(TweetSource.BLUESKY);
    assertThat(t.getIsRetweet()).isFalse();
  }

  @Test
  void aBadTimeIsARejectionAndNoTextIsNoPostToCount() throws Exception {
    JetstreamEvent bad = JetstreamEvent.parse(JetstreamEventTest.POST.replace("2024-09-09T19:46:02.102Z", "yesterday"));
    assertThat(BlueskyPosts.tweet(bad, "a.b", null).rejection().reason()).isEqualTo(RejectReason.BAD_DATE);
    JetstreamEvent image = JetstreamEvent.parse(JetstreamEventTest.POST.replaceFirst("\"text\":\"[^\"]*\"", "\"text\":\"\""));
    assertThat(BlueskyPosts.hasText(image)).isFalse();
  }
}
