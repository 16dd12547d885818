package dev.trendoff.core;

import java.util.Locale;

/** Screen names are case-insensitive on Twitter: every layer keys users by this normal form. */
public final class UserKeys {
  private UserKeys() {}

  /** {@code "@Alice "} becomes {@code "alice"}. */
  public static String of(String screenName) {
    if (screenName == null) {
      return null;
    }
    String s = screenName.strip();
    if (s.startsWith("@")) {
      s = s.substring(1);
    }
    return s.toLowerCase(Locale.ROOT);
  }
}
