package dev.trendoff.producer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;

import dev.trendoff.avro.TweetSource;
import dev.trendoff.core.TrendoffConfig;
import dev.trendoff.core.UserError;
import dev.trendoff.formats.Fixtures;
import dev.trendoff.formats.ParseResult;
import dev.trendoff.formats.RejectReason;

class TwitterSourceTest {

  static Config config(Map<String, String> env) {
    return TrendoffConfig.load(null, env, new java.util.Properties());
  }

  static final Map<String, String> CREDENTIALS = Map.of(
      "TRENDOFF_TWITTER_CONSUMER_KEY", "ck-secret-value", "TRENDOFF_TWITTER_CONSUMER_SECRET", "cs-secret-value",
      "TRENDOFF_TWITTER_ACCESS_TOKEN", "at-secret-value", "TRENDOFF_TWITTER_ACCESS_TOKEN_SECRET", "ats-secret-value");

  @Test
  void missingCredentialsAreNamedNotShown() {
    assertThatThrownBy(() -> TwitterSettings.from(config(Map.of("TRENDOFF_TWITTER_CONSUMER_KEY", "ck-secret-value"))))
        .isInstanceOf(UserError.class)
        .hasMessageContaining("TRENDOFF_TWITTER_CONSUMER_SECRET")
        .hasMessageContaining("TRENDOFF_TWITTER_ACCESS_TOKEN_SECRET")
        .hasMessageNotContaining("TRENDOFF_TWITTER_CONSUMER_KEY,")
        .hasMessageNotContaining("ck-secret-value");
    TwitterSettings s = TwitterSettings.from(config(CREDENTIALS));
    assertThat(s.toString()).doesNotContain("secret-value");
  }

  @Test
  void aFilterIsNeeded() {
    assertThatThrownBy(() -> new TwitterSource.Filter(List.of(), List.of(), List.of()))
        .isInstanceOf(UserError.class).hasMessageContaining("--track");
  }

  @Test
  void linesBecomeTweetsSkipsOrRejections() throws Exception {
    TwitterSource source = new TwitterSource(TwitterSettings.from(config(CREDENTIALS)),
        new TwitterSource.Filter(List.of("ai"), List.of(), List.of()));
    try {
      source.accept(Fixtures.line("statuses.jsonl", 1));
      source.accept("");
      source.accept("\r");
      source.accept("{\"delete\":{\"status\":{\"id\":1,\"user_id\":3}}}");
      source.accept("{\"limit\":{\"track\":12,\"timestamp_ms\":\"1\"}}");
      source.accept("{not json");
      ParseResult first = source.next();
      assertThat(first.tweet().getId()).isEqualTo(1050118621198921728L);
      assertThat(first.tweet().getSource()).isEqualTo(TweetSource.TWITTER);
      assertThat(source.next().rejection().reason()).isEqualTo(RejectReason.MALFORMED_JSON);
      assertThat(source.skipped()).containsEntry("keep-alive", 2L).containsEntry("delete", 1L).containsEntry("limit", 1L);
    } finally {
      source.stop();
      source.close();
    }
  }
}
