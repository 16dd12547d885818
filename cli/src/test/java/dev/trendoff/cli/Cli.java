package dev.trendoff.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

import dev.trendoff.core.UserError;
import picocli.CommandLine;

/** Runs one command object as {@code ./trendoff} does (a UserError is one line on stderr and its exit code). */
final class Cli {

  record Result(int exit, String out, String err) {}

  private Cli() {}

  static Result run(Object command, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = new CommandLine(command);
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    cl.setExecutionExceptionHandler((ex, c, parsed) -> {
      for (Throwable t = ex; t != null; t = t.getCause()) {
        if (t instanceof UserError ue) {
          c.getErr().println("trendoff: " + ue.getMessage());
          return ue.exitCode();
        }
      }
      throw ex;
    });
    int exit = cl.execute(args);
    return new Result(exit, out.toString(), err.toString());
  }
}
