package dev.trendoff.serving;

import java.util.List;
import java.util.Locale;

import dev.trendoff.core.UserKeys;

/**
 * One question to the serving layer: which users, ranked how, how many words (docs/compare.md). Built
 * only through {@link #parse}, which checks every argument before anything is read and says what is
 * wrong as a {@link QueryError} of kind {@link QueryError.Kind#BAD_PARAMETER}.
 *
 * @param users the names as given (each keyed by {@link UserKeys#of} when read)
 * @param top how many words at most; {@link Ranking#ALL} for every one
 */
public record CompareRequest(List<String> users, Rank rank, int top) {

  /** {@code --top} when not given. */
  public static final int DEFAULT_TOP = 20;

  public CompareRequest {
    users = List.copyOf(users);
  }

  /** The request of two user names, a rank name (null: shared) and a top (null: 20; "all"; or a positive number). */
  public static CompareRequest parse(List<String> names, String rank, String top) {
    checkNames(names);
    return new CompareRequest(names, rank(rank), top(top));
  }

  /** Two names, neither empty, not the same user twice (keys compared, so "@Alice" is "alice"). */
  static void checkNames(List<String> names) {
    if (names.size() != 2) {
      throw QueryError.badUsers("name two users, not " + names.size());
    }
    for (String n : names) {
      if (n == null || UserKeys.of(n).isEmpty()) {
        throw QueryError.badUsers("a user name must not be empty");
      }
    }
    String a = names.get(0);
    String b = names.get(1);
    if (UserKeys.of(a).equals(UserKeys.of(b))) {
      throw QueryError.badUsers("\"" + a + "\" and \"" + b + "\" are the same user (" + UserKeys.of(a)
          + "): name two different users");
    }
  }

  /** {@code shared}, {@code total} or {@code alternate}, any case; null is shared. */
  static Rank rank(String name) {
    if (name == null) {
      return Rank.SHARED;
    }
    for (Rank r : Rank.values()) {
      if (r.cliName().equals(name.strip().toLowerCase(Locale.ROOT))) {
        return r;
      }
    }
    throw QueryError.badParameter("rank", "must be one of " + String.join(", ", Rank.names()) + ", not '" + name + "'");
  }

  /** "all" or a positive whole number; null is {@link #DEFAULT_TOP}. */
  static int top(String top) {
    if (top == null) {
      return DEFAULT_TOP;
    }
    if (top.strip().equalsIgnoreCase("all")) {
      return Ranking.ALL;
    }
    int n;
    try {
      n = Integer.parseInt(top.strip());
    } catch (NumberFormatException e) {
      throw QueryError.badParameter("top", "must be a positive whole number or 'all', not '" + top + "'");
    }
    if (n <= 0) {
      throw QueryError.badParameter("top", "must be at least 1 (or 'all'), not " + n);
    }
    return n;
  }
}
