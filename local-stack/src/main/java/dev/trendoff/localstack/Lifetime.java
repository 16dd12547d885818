package dev.trendoff.localstack;

/**
 * How long the stack's servers live once started.
 *
 * @param ownSession the servers get their own session (setsid): a terminal's Ctrl-C does not reach them
 * @param ownerPid when above 0, a small watchdog stops the servers once this process is gone
 *     (also after a SIGKILL, which runs no shutdown hook)
 */
public record Lifetime(boolean ownSession, long ownerPid) {

  /** Until {@code ./trendoff stack down}: the servers outlive the command that started them. */
  public static final Lifetime DETACHED = new Lifetime(true, 0);

  /** As long as this JVM. */
  public static Lifetime thisJvm() {
    return new Lifetime(false, ProcessHandle.current().pid());
  }

  /** As long as process {@code pid} (a build that many test JVMs share the stack of). */
  public static Lifetime whileAlive(long pid) {
    return new Lifetime(true, pid);
  }
}
