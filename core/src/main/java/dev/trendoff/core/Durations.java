package dev.trendoff.core;

import java.time.Duration;

import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;

/** Parses {@code 15m}, {@code 90s}, {@code 1h} the way the configuration files do (HOCON durations). */
public final class Durations {
  private Durations() {}

  public static Duration parse(String text) {
    try {
      Duration d = ConfigFactory.parseString("d = \"" + text.replace("\"", "") + "\"").getDuration("d");
      if (d.isNegative()) {
        throw UserError.usage("not a positive duration: " + text);
      }
      return d;
    } catch (ConfigException e) {
      throw UserError.usage("not a duration (like 90s, 15m, 1h): " + text);
    }
  }
}
