package dev.trendoff.serving;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

import dev.trendoff.core.UserKeys;

/**
 * One question to the serving layer: which users (2 to 8), ranked how, how many words, with which
 * prior (docs/compare.md 'The request'). Built through {@link #parse}, which checks every parameter
 * before anything is read and says what is wrong as a {@link QueryError} of kind
 * {@link QueryError.Kind#BAD_PARAMETER} naming the parameter: {@code users}, {@code rank}, {@code top},
 * {@code prior} or {@code prior_size}.
 *
 * @param users the names as given (each keyed by {@link UserKeys#of} when read)
 * @param top how many words at most; {@link Ranking#ALL} for every one
 * @param priorSize a0, the prior's size (positive)
 */
public record CompareRequest(List<String> users, Rank rank, int top, Prior prior, double priorSize) {

  /** {@code --top} when not given. */
  public static final int DEFAULT_TOP = 20;
  /** At most this many users in one comparison. */
  public static final int MAX_USERS = 8;

  public CompareRequest {
    users = List.copyOf(users);
  }

  /** With the default prior (pooled, size 1000). */
  public CompareRequest(List<String> users, Rank rank, int top) {
    this(users, rank, top, Prior.POOLED, Method.DEFAULT_PRIOR_SIZE);
  }

  /** The request of user names, a rank name (null: shared) and a top (null: 20; "all"; or a positive number), default prior. */
  public static CompareRequest parse(List<String> names, String rank, String top) {
    return parse(names, rank, top, null, null);
  }

  /**
   * Every parameter as text, as a front end receives it; null means "not given" (the default).
   *
   * @param prior {@code pooled} (default) or {@code corpus}, any case
   * @param priorSize a positive number, default 1000
   */
  public static CompareRequest parse(List<String> names, String rank, String top, String prior, String priorSize) {
    checkNames(names);
    return new CompareRequest(names, rank(rank), top(top), prior(prior), priorSize(priorSize));
  }

  /** How the words are ranked and scored. */
  public Method method() {
    return new Method(rank, prior, priorSize);
  }

  /** 2 to 8 names, none empty, no user twice (keys compared, so "@Alice" is "alice"). */
  static void checkNames(List<String> names) {
    if (names.size() < 2 || names.size() > MAX_USERS) {
      throw QueryError.badUsers(names.size() < 2
          ? "name at least two users, not " + names.size()
          : "name at most " + MAX_USERS + " users, not " + names.size());
    }
    for (String n : names) {
      if (n == null || UserKeys.of(n).isEmpty()) {
        throw QueryError.badUsers("a user name must not be empty");
      }
    }
    for (int i = 0; i < names.size(); i++) {
      for (int k = i + 1; k < names.size(); k++) {
        String a = names.get(i);
        String b = names.get(k);
        if (UserKeys.of(a).equals(UserKeys.of(b))) {
          throw QueryError.badUsers("\"" + a + "\" and \"" + b + "\" are the same user (" + UserKeys.of(a)
              + "): name " + (names.size() == 2 ? "two different users" : "each user once"));
        }
      }
    }
  }

  /** A rank's name, any case; null is shared. */
  static Rank rank(String name) {
    return name == null ? Rank.SHARED : named("rank", name, Rank.values(), Rank::cliName, Rank.names());
  }

  /** {@code pooled} or {@code corpus}, any case; null is pooled. */
  static Prior prior(String name) {
    return name == null ? Prior.POOLED : named("prior", name, Prior.values(), Prior::cliName, Prior.names());
  }

  private static <T> T named(String parameter, String name, T[] values, java.util.function.Function<T, String> cliName,
      List<String> names) {
    for (T v : values) {
      if (cliName.apply(v).equals(name.strip().toLowerCase(Locale.ROOT))) {
        return v;
      }
    }
    throw QueryError.badParameter(parameter, "must be one of " + String.join(", ", names) + ", not '" + name + "'");
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

  /** A positive decimal number ({@code 1000}, {@code 0.5}, {@code 1e4}); null is {@link Method#DEFAULT_PRIOR_SIZE}. */
  static double priorSize(String size) {
    if (size == null) {
      return Method.DEFAULT_PRIOR_SIZE;
    }
    double a0;
    try {
      a0 = new BigDecimal(size.strip()).doubleValue();
    } catch (NumberFormatException e) {
      throw QueryError.badParameter("prior_size", "must be a positive number, not '" + size + "'");
    }
    if (!(a0 > 0)) {
      throw QueryError.badParameter("prior_size", "must be greater than 0, not " + size.strip());
    }
    if (Double.isInfinite(a0)) {
      throw QueryError.badParameter("prior_size", "is too large: " + size.strip());
    }
    return a0;
  }
}
