package dev.trendoff.core;

/**
 * Whether standard output and standard error are terminals: progress bars and colour only then, plain
 * lines otherwise. The launcher ({@code trendoff}) knows ({@code [ -t 1 ]}, {@code [ -t 2 ]}) and says so
 * in {@code -Dtrendoff.tty.stdout} and {@code -Dtrendoff.tty.stderr}; a JVM started another way (tests,
 * spark-submit) counts as a terminal only when it has a console (stdin and stdout both terminals).
 */
public final class Terminal {

  public static final String STDOUT = "trendoff.tty.stdout";
  public static final String STDERR = "trendoff.tty.stderr";

  private Terminal() {}

  public static boolean stdout() {
    return is(STDOUT);
  }

  public static boolean stderr() {
    return is(STDERR);
  }

  /** Colour (ANSI escapes) only when both outputs are terminals and {@code NO_COLOR} is not set (no-color.org). */
  public static boolean colour() {
    return stdout() && stderr() && System.getenv("NO_COLOR") == null;
  }

  private static boolean is(String property) {
    String v = System.getProperty(property);
    return v != null ? Boolean.parseBoolean(v) : System.console() != null;
  }
}
