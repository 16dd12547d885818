package dev.trendoff.http;

import java.time.Duration;

import com.typesafe.config.Config;

import dev.trendoff.core.Settings;
import dev.trendoff.core.UserError;
import dev.trendoff.serving.CompareRequest;

/**
 * The settings of {@code ./trendoff serve}, section {@code trendoff.http}
 * (http/src/main/resources/reference.conf), read once and checked.
 */
public record HttpSettings(String bind, int port, int maxTop, int maxUsers, int maxStreams, Duration streamInterval,
    Duration streamKeepAlive, Duration usersRefresh, int maxUsersLimit, Duration statusCache, Duration drainTimeout,
    int maxThreads) {

  public static final String SECTION = "trendoff.http";

  public HttpSettings {
    if (port < 0 || port > 65535) {
      throw UserError.usage("the port must be between 0 and 65535, not " + port);
    }
    if (maxTop < CompareRequest.DEFAULT_TOP) {
      throw new UserError(SECTION + ".max-top must be at least " + CompareRequest.DEFAULT_TOP + " (the default top), got " + maxTop);
    }
    atLeastOne("max-users", maxUsers);
    atLeastOne("max-streams", maxStreams);
    atLeastOne("max-users-limit", maxUsersLimit);
    if (maxThreads < 8) {
      throw new UserError(SECTION + ".max-threads must be at least 8, got " + maxThreads);
    }
    if (streamInterval.compareTo(Duration.ofSeconds(1)) < 0) {
      throw new UserError(SECTION + ".stream-interval must be at least 1s (a watched query is read at most once a second), got "
          + streamInterval.toMillis() + " ms");
    }
    for (Duration d : new Duration[] {streamKeepAlive, usersRefresh, statusCache, drainTimeout}) {
      if (d.isNegative() || d.isZero()) {
        throw new UserError(SECTION + ": durations must be positive (stream-keep-alive, users-refresh, status-cache, drain-timeout)");
      }
    }
  }

  public static HttpSettings from(Settings settings) {
    Config c = settings.config().getConfig(SECTION);
    return new HttpSettings(c.getString("bind"), c.getInt("port"), c.getInt("max-top"), c.getInt("max-users"),
        c.getInt("max-streams"), c.getDuration("stream-interval"), c.getDuration("stream-keep-alive"),
        c.getDuration("users-refresh"), c.getInt("max-users-limit"), c.getDuration("status-cache"),
        c.getDuration("drain-timeout"), c.getInt("max-threads"));
  }

  /** The same settings listening on {@code bind}:{@code port}. */
  public HttpSettings at(String bind, int port) {
    return new HttpSettings(bind, port, maxTop, maxUsers, maxStreams, streamInterval, streamKeepAlive, usersRefresh,
        maxUsersLimit, statusCache, drainTimeout, maxThreads);
  }

  private static void atLeastOne(String key, int v) {
    if (v < 1) {
      throw new UserError(SECTION + "." + key + " must be at least 1, got " + v);
    }
  }
}
