package dev.trendoff.serving;

import java.util.function.Supplier;

import com.datastax.oss.driver.api.core.AllNodesFailedException;
import com.datastax.oss.driver.api.core.DriverException;
import com.datastax.oss.driver.api.core.DriverTimeoutException;
import com.datastax.oss.driver.api.core.servererrors.InvalidQueryException;
import dev.trendoff.core.Settings;
import dev.trendoff.core.UserError;

/** Turns driver failures during a command into one clear line ({@link UserError}). */
final class ServingSession {

  private ServingSession() {}

  static <T> T guard(Settings.Cassandra c, Supplier<T> work) {
    try {
      return work.get();
    } catch (InvalidQueryException e) {
      throw new UserError("Cassandra keyspace " + c.keyspace() + " lacks a table or column trendoff needs ("
          + e.getMessage() + "): run `./trendoff schema`", e);
    } catch (AllNodesFailedException | DriverTimeoutException e) {
      throw new UserError("Cassandra at " + where(c) + " stopped answering (" + e.getClass().getSimpleName()
          + "); is it running? `./trendoff stack status`", e);
    } catch (DriverException e) {
      throw new UserError("Cassandra at " + where(c) + " failed: " + firstLine(e.getMessage()), e);
    }
  }

  static String where(Settings.Cassandra c) {
    return String.join(",", c.contactPoints().stream().map(a -> a.getHostString() + ":" + a.getPort()).toList());
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "(no message)";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
