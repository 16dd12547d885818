package dev.trendoff.core;

import java.io.PrintWriter;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/**
 * How a trendoff entry point ({@code ./trendoff}, the jobs assembly's {@code spark-submit} main) runs a
 * picocli command line: a {@link UserError}, wherever it is in the cause chain, is one line on stderr
 * and its exit code (so is a refused login or TLS handshake deep inside a job: {@link
 * ConnectFailures#securityFailure}); any other failure is logged with its stack trace and shown as one line naming the
 * exception, exit {@link UserError#FAILURE}. Usage errors picocli finds itself exit {@link UserError#USAGE}.
 */
public final class CommandLines {

  private static final Logger LOG = LoggerFactory.getLogger(CommandLines.class);
  private static final String PREFIX = "trendoff: ";

  private CommandLines() {}

  /**
   * Runs {@code args} on {@code cl} and returns the exit code. {@code detailsIn} says where the stack
   * trace of an unexpected failure can be read (like "var/log/trendoff.log").
   */
  public static int execute(CommandLine cl, String[] args, String detailsIn) {
    try {
      Secrets.refuseOnCommandLine(System.getProperties());
    } catch (UserError e) {
      return report(cl.getErr(), e);
    }
    // a secret file of a trendoff process that was killed (kill -9) goes at the next command
    SecretFile.removeStale(SecretFile.DIR);
    cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
      UserError ue = findUserError(ex);
      if (ue == null) {
        ue = ConnectFailures.securityFailure(ex).orElse(null);
      }
      if (ue != null) {
        LOG.debug("user error", ex);
        return report(commandLine.getErr(), ue);
      }
      LOG.error("command failed", ex);
      commandLine.getErr().println(PREFIX + ex.getClass().getSimpleName()
          + (ex.getMessage() == null ? "" : ": " + firstLine(ex.getMessage())) + " (details in " + detailsIn + ")");
      return UserError.FAILURE;
    });
    return cl.execute(args);
  }

  /** Prints {@code e} as the one line a command shows for it and returns its exit code. */
  public static int report(PrintWriter err, UserError e) {
    err.println(PREFIX + e.getMessage());
    err.flush();
    return e.exitCode();
  }

  private static UserError findUserError(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof UserError ue) {
        return ue;
      }
    }
    return null;
  }

  private static String firstLine(String s) {
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
