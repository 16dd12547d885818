package dev.trendoff.serving;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Where the prior counts α of {@code compare-users --prior} come from (docs/compare.md 'Rates and z'). */
public enum Prior {
  /** α(w) = a0 · (the users' counts of w together) / (the users' word totals together). */
  POOLED,
  /**
   * α(w) = a0 · c(w) / C over all users of the current batch view version (its corpus); a word the
   * corpus lacks falls back to {@link #POOLED}.
   */
  CORPUS;

  public String cliName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static List<String> names() {
    return Arrays.stream(values()).map(Prior::cliName).toList();
  }
}
