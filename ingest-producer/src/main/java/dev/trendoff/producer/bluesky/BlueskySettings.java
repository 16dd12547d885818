package dev.trendoff.producer.bluesky;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

import com.typesafe.config.Config;

import dev.trendoff.core.TrendoffConfig;
import dev.trendoff.core.UserError;

/** {@code trendoff.bluesky}: the Jetstream and resolver addresses, the cursor file, waits and limits. */
public record BlueskySettings(URI jetstream, URI resolver, Path cursorFile, Duration checkpointInterval,
    Duration handleWait, Duration retryUnknownAfter, int maxWaiting, int handleCacheSize, Duration handleTtl,
    Duration connectTimeout, Duration stallTimeout, Duration backoffStep, Duration backoffMax) {

  static final String SECTION = TrendoffConfig.ROOT + ".bluesky";

  public static BlueskySettings from(Config config) {
    Config c = config.getConfig(SECTION);
    URI jetstream = URI.create(c.getString("jetstream-url").strip());
    if (!"wss".equals(jetstream.getScheme()) && !"ws".equals(jetstream.getScheme())) {
      throw new UserError(SECTION + ".jetstream-url must be a ws:// or wss:// address, got " + jetstream);
    }
    int maxWaiting = c.getInt("max-waiting");
    int cacheSize = c.getInt("handle-cache-size");
    if (maxWaiting < 1 || cacheSize < 1) {
      throw new UserError(SECTION + ".max-waiting and handle-cache-size must be at least 1");
    }
    return new BlueskySettings(jetstream, URI.create(c.getString("resolver-url").strip()), Path.of(c.getString("cursor-file")),
        c.getDuration("checkpoint-interval"), c.getDuration("handle-wait"), c.getDuration("retry-unknown-after"),
        maxWaiting, cacheSize, c.getDuration("handle-ttl"), c.getDuration("connect-timeout"),
        c.getDuration("stall-timeout"), c.getDuration("backoff-step"), c.getDuration("backoff-max"));
  }
}
