package dev.trendoff.core;

/**
 * A problem the user can fix: a wrong argument, a missing file, an unreachable service. Its message
 * is the one line the command prints (no stack trace); {@link #exitCode()} is what the process returns.
 */
public class UserError extends RuntimeException {

  public static final int USAGE = 2;
  public static final int FAILURE = 1;

  private final int exitCode;

  public UserError(String message) {
    this(message, FAILURE, null);
  }

  public UserError(String message, Throwable cause) {
    this(message, FAILURE, cause);
  }

  public UserError(String message, int exitCode, Throwable cause) {
    super(message, cause);
    this.exitCode = exitCode;
  }

  public static UserError usage(String message) {
    return new UserError(message, USAGE, null);
  }

  public int exitCode() {
    return exitCode;
  }
}
