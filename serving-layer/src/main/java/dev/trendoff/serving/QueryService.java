package dev.trendoff.serving;

import java.util.Set;
import java.util.function.Supplier;

import com.datastax.oss.driver.api.core.AllNodesFailedException;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.DriverException;
import com.datastax.oss.driver.api.core.DriverTimeoutException;
import com.datastax.oss.driver.api.core.servererrors.InvalidQueryException;

import dev.trendoff.core.CassandraSessions;
import dev.trendoff.core.Settings;
import dev.trendoff.core.UserError;
import dev.trendoff.views.KnownUsers;
import dev.trendoff.views.ViewPointer;

/**
 * The serving layer for a front end: one Cassandra session, its prepared reads, and every answer a
 * front end gives. Each failure is a {@link QueryError} (a bad parameter, an unknown user, Cassandra
 * unavailable), never a driver exception. Thread-safe; a long-lived front end keeps one.
 */
public final class QueryService implements AutoCloseable {

  /** Known names offered for a mistyped one. */
  static final int SUGGESTIONS = 3;

  private final Settings.Cassandra cassandra;
  private final CqlSession session;
  private final boolean ownsSession;
  private final ServingReader reader;
  private final CompareUsers compare;
  /** Where the nearest names of an unknown user come from: {@link #knownUsers} unless a front end keeps its own index. */
  private volatile Supplier<Set<String>> suggestFrom = this::knownUsers;

  private QueryService(Settings.Cassandra cassandra, CqlSession session, boolean ownsSession) {
    this.cassandra = cassandra;
    this.session = session;
    this.ownsSession = ownsSession;
    this.reader = guard(() -> new ServingReader(session, cassandra.keyspace()));
    this.compare = new CompareUsers(reader, () -> suggestFrom.get(), SUGGESTIONS);
  }

  /** Opens its own session (closed with this service); an unreachable Cassandra is {@link QueryError.Kind#UNAVAILABLE}. */
  public static QueryService open(Settings.Cassandra cassandra) {
    CqlSession session;
    try {
      session = CassandraSessions.open(cassandra);
    } catch (UserError e) {
      throw QueryError.unavailable(e.getMessage(), e);
    }
    try {
      return new QueryService(cassandra, session, true);
    } catch (RuntimeException e) {
      session.close();
      throw e;
    }
  }

  /** On a session someone else closes (bound to the keyspace or not). */
  public static QueryService on(CqlSession session, Settings.Cassandra cassandra) {
    return new QueryService(cassandra, session, false);
  }

  /** The comparison a request asks for. */
  public Comparison compare(CompareRequest request) {
    return guard(() -> compare.compare(request));
  }

  /** The pointer readers follow now. */
  public ViewPointer currentView() {
    return guard(reader::currentView);
  }

  /** Every user the views know (a scan of partition keys: not per query). */
  public Set<String> knownUsers() {
    return guard(() -> KnownUsers.all(session, cassandra.keyspace()));
  }

  /**
   * Takes the nearest names of an unknown user from {@code known} (a long-lived front end's index of
   * names) instead of scanning the views' partition keys for each unknown user.
   */
  public void suggestFrom(Supplier<Set<String>> known) {
    this.suggestFrom = known;
  }

  public CqlSession session() {
    return session;
  }

  /** Runs {@code work} (a read on {@link #session()}), turning driver failures into one clear {@link QueryError}. */
  public <T> T guard(Supplier<T> work) {
    try {
      return work.get();
    } catch (InvalidQueryException e) {
      throw QueryError.unavailable("Cassandra keyspace " + cassandra.keyspace() + " lacks a table or column trendoff needs ("
          + firstLine(e.getMessage()) + "): run `./trendoff schema`", e);
    } catch (AllNodesFailedException | DriverTimeoutException e) {
      throw QueryError.unavailable("Cassandra at " + CassandraSessions.where(cassandra) + " stopped answering (" + e.getClass().getSimpleName()
          + "); is it running? `./trendoff stack status`", e);
    } catch (DriverException e) {
      throw QueryError.unavailable("Cassandra at " + CassandraSessions.where(cassandra) + " failed: " + firstLine(e.getMessage()), e);
    }
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "(no message)";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }

  @Override
  public void close() {
    if (ownsSession) {
      session.close();
    }
  }
}
