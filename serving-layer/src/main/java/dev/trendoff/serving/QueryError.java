package dev.trendoff.serving;

import java.util.List;
import java.util.Map;

import dev.trendoff.core.UserError;

/**
 * Why a query cannot be answered, typed so that each front end can say it its own way: the command
 * line prints the message and exits non-zero, an HTTP front end picks a status. Its message is one
 * line for a person and never holds a stack trace.
 */
public final class QueryError extends UserError {

  /** What went wrong. */
  public enum Kind {
    /** A parameter of the request is wrong ({@link #parameter()} names it); exit 2, HTTP 400. */
    BAD_PARAMETER,
    /** A user has nothing counted ({@link #nearest()} holds the known names nearest to each); exit 1, HTTP 404. */
    UNKNOWN_USER,
    /** Cassandra cannot be reached or lacks the schema; exit 1, HTTP 503. */
    UNAVAILABLE
  }

  private final Kind kind;
  private final String parameter;
  private final String detail;
  private final Map<String, List<String>> nearest;

  private QueryError(Kind kind, String parameter, String detail, String message, Map<String, List<String>> nearest,
      Throwable cause) {
    super(message, kind == Kind.BAD_PARAMETER ? USAGE : FAILURE, cause);
    this.kind = kind;
    this.parameter = parameter;
    this.detail = detail;
    this.nearest = Map.copyOf(nearest);
  }

  /**
   * {@code parameter} (as the request names it: {@code users}, {@code rank}, {@code top}, {@code prior},
   * {@code prior_size}; docs/compare.md 'The request') is wrong;
   * {@code detail} says how, without the parameter's name ("must be at least 1 (or 'all'), not 0").
   */
  public static QueryError badParameter(String parameter, String detail) {
    return new QueryError(Kind.BAD_PARAMETER, parameter, detail, parameter + " " + detail, Map.of(), null);
  }

  /** Something about the users as a whole is wrong (empty names, the same user twice): the message is the whole line. */
  public static QueryError badUsers(String message) {
    return new QueryError(Kind.BAD_PARAMETER, "users", message, message, Map.of(), null);
  }

  public static QueryError unknownUsers(String message, Map<String, List<String>> nearest) {
    return new QueryError(Kind.UNKNOWN_USER, null, message, message, nearest, null);
  }

  public static QueryError unavailable(String message, Throwable cause) {
    return new QueryError(Kind.UNAVAILABLE, null, message, message, Map.of(), cause);
  }

  public Kind kind() {
    return kind;
  }

  /** The request parameter a {@link Kind#BAD_PARAMETER} error is about, else null. */
  public String parameter() {
    return parameter;
  }

  /** What is wrong, without the parameter's name (for a front end that spells the parameter its own way). */
  public String detail() {
    return detail;
  }

  /** For {@link Kind#UNKNOWN_USER}: each unknown user key -> the known names nearest to it. */
  public Map<String, List<String>> nearest() {
    return nearest;
  }
}
