package dev.trendoff.spark;

import java.util.function.Consumer;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.spark.connector.cql.CassandraConnector;

import dev.trendoff.core.ConnectFailures;
import dev.trendoff.core.Settings;
import dev.trendoff.core.UserError;

/**
 * Opens a job's Spark Cassandra Connector session on the driver before its stream starts (in local
 * mode the executors share it) and prepares its statements there: a Cassandra that cannot be reached,
 * refuses the credentials or the TLS handshake, or lacks the table, is one clear {@link UserError}
 * line before anything runs, instead of a failed Spark task later.
 */
public final class ConnectorWarmUp {

  private ConnectorWarmUp() {}

  /** Runs {@code prepare} with the connector's session; {@code what} names the statements, for the message. */
  public static void warmUp(CassandraConnector connector, Settings.Cassandra cassandra, String what, Consumer<CqlSession> prepare) {
    try {
      connector.jWithSessionDo(session -> {
        prepare.accept(session);
        return null;
      });
    } catch (Exception e) { // the connector throws IOException undeclared
      if (e instanceof java.io.IOException
          || ConnectFailures.find(e, com.datastax.oss.driver.api.core.AllNodesFailedException.class) != null) {
        throw ConnectFailures.cassandra(cassandra, e);
      }
      String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
      throw new UserError("cannot prepare " + what + " of keyspace " + cassandra.keyspace() + " in Cassandra at "
          + dev.trendoff.core.CassandraSessions.where(cassandra) + " (" + m + "); `./trendoff schema` creates it", e);
    }
  }
}
