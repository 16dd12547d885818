package dev.trendoff.producer;

import java.util.ArrayList;
import java.util.List;

import com.typesafe.config.Config;

import dev.trendoff.core.TrendoffConfig;
import dev.trendoff.core.UserError;

/**
 * {@code trendoff.twitter}: OAuth 1.0a credentials of a Twitter app and the stream endpoint. The
 * credentials come only from the configuration (trendoff.conf or TRENDOFF_TWITTER_* variables) and
 * are never printed: {@link #toString()} leaves them out.
 */
public final class TwitterSettings {

  static final String[] CREDENTIAL_KEYS = {"consumer-key", "consumer-secret", "access-token", "access-token-secret"};

  final String consumerKey;
  final String consumerSecret;
  final String accessToken;
  final String accessTokenSecret;
  final String streamBaseUrl;
  final int connectTimeoutMs;
  final int readTimeoutMs;

  private TwitterSettings(Config c) {
    this.consumerKey = c.getString("consumer-key").strip();
    this.consumerSecret = c.getString("consumer-secret").strip();
    this.accessToken = c.getString("access-token").strip();
    this.accessTokenSecret = c.getString("access-token-secret").strip();
    String url = c.getString("stream-base-url").strip();
    this.streamBaseUrl = url.endsWith("/") ? url : url + "/";
    this.connectTimeoutMs = (int) c.getDuration("connect-timeout").toMillis();
    this.readTimeoutMs = (int) c.getDuration("read-timeout").toMillis();
  }

  /** From a loaded configuration; a {@link UserError} naming every credential that is missing. */
  public static TwitterSettings from(Config config) {
    Config c = config.getConfig(TrendoffConfig.ROOT + ".twitter");
    List<String> missing = new ArrayList<>();
    for (String key : CREDENTIAL_KEYS) {
      if (c.getString(key).isBlank()) {
        missing.add(TrendoffConfig.envName("twitter." + key));
      }
    }
    if (!missing.isEmpty()) {
      throw new UserError("missing Twitter credential" + (missing.size() > 1 ? "s" : "") + ": set "
          + String.join(", ", missing) + " (or trendoff.twitter.* in trendoff.conf)");
    }
    return new TwitterSettings(c);
  }

  public String streamBaseUrl() {
    return streamBaseUrl;
  }

  @Override
  public String toString() {
    return "TwitterSettings[streamBaseUrl=" + streamBaseUrl + ", credentials=(set, not shown)]";
  }
}
