package dev.trendoff.producer.x;

import java.net.URI;
import java.time.Duration;
import java.util.function.Function;

import com.typesafe.config.Config;

import dev.trendoff.core.TrendoffConfig;
import dev.trendoff.core.UserError;
import dev.trendoff.producer.Backoff;

/**
 * {@code trendoff.x}: where the X API is, the stall timeout, the reconnect waits, the rules' tag and
 * length; and the app's bearer token, which comes only from the environment variable
 * {@link #TOKEN_ENV} and is never printed ({@link #toString()} leaves it out).
 */
public final class XSettings {

  public static final String TOKEN_ENV = "TRENDOFF_X_BEARER_TOKEN";
  static final String SECTION = TrendoffConfig.ROOT + ".x";

  final URI apiBase;
  final String bearerToken;
  final Duration connectTimeout;
  final Duration stallTimeout;
  final String ruleTag;
  final int maxRuleLength;
  private final Config backoff;

  private XSettings(Config c, String token) {
    String base = c.getString("api-base-url").strip();
    this.apiBase = URI.create(base.endsWith("/") ? base : base + "/");
    this.bearerToken = token;
    this.connectTimeout = c.getDuration("connect-timeout");
    this.stallTimeout = c.getDuration("stall-timeout");
    this.ruleTag = c.getString("rule-tag");
    this.maxRuleLength = c.getInt("max-rule-length");
    this.backoff = c.getConfig("backoff");
    if (maxRuleLength < 20) {
      throw new UserError(SECTION + ".max-rule-length must be at least 20, got " + maxRuleLength);
    }
  }

  /** From the configuration and the environment; no token is one line naming the variable. */
  public static XSettings from(Config config, Function<String, String> env) {
    String token = env.apply(TOKEN_ENV);
    if (token == null || token.isBlank()) {
      throw new UserError("x-stream needs the bearer token of an X developer app with access to the filtered stream:"
          + " set " + TOKEN_ENV + " (it is read from the environment only)");
    }
    return new XSettings(config.getConfig(SECTION), token.strip());
  }

  /** A new count of reconnect waits, as configured. */
  Backoff backoff() {
    return new Backoff(backoff.getDuration("network-step"), backoff.getDuration("network-max"),
        backoff.getDuration("http-start"), backoff.getDuration("http-max"),
        backoff.getDuration("rate-limit-start"), backoff.getDuration("rate-limit-max"));
  }

  @Override
  public String toString() {
    return "XSettings[apiBase=" + apiBase + ", bearerToken=(set, not shown)]";
  }
}
