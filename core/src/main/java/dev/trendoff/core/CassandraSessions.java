package dev.trendoff.core;

import java.net.InetSocketAddress;
import java.util.stream.Collectors;

import com.datastax.oss.driver.api.core.AllNodesFailedException;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.CqlSessionBuilder;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import com.datastax.oss.driver.api.core.config.ProgrammaticDriverConfigLoaderBuilder;
import com.datastax.oss.driver.internal.core.ssl.DefaultSslEngineFactory;

/** Opens driver sessions from {@link Settings.Cassandra}: contact points, datacenter, credentials, TLS, timeouts. */
public final class CassandraSessions {

  /**
   * The execution profile of writes: trendoff.cassandra.write-consistency. Statements without a
   * profile are reads, at trendoff.cassandra.read-consistency.
   */
  public static final String WRITES = "trendoff-writes";

  private CassandraSessions() {}

  /** {@code statement} run at the write consistency (sessions opened here know the profile). */
  public static <S extends com.datastax.oss.driver.api.core.cql.Statement<S>> S asWrite(S statement) {
    return statement.setExecutionProfileName(WRITES);
  }

  /** A session bound to the trendoff keyspace (which must exist: see {@link Schema}). */
  public static CqlSession open(Settings.Cassandra c) {
    return open(c, true);
  }

  /** A session, bound to the keyspace or not. Unreachable or refusing Cassandra is a {@link UserError}. */
  public static CqlSession open(Settings.Cassandra c, boolean useKeyspace) {
    ProgrammaticDriverConfigLoaderBuilder config = DriverConfigLoader.programmaticBuilder()
        .withDuration(DefaultDriverOption.REQUEST_TIMEOUT, c.requestTimeout())
        .withDuration(DefaultDriverOption.CONNECTION_CONNECT_TIMEOUT, c.connectTimeout())
        .withDuration(DefaultDriverOption.CONNECTION_INIT_QUERY_TIMEOUT, c.connectTimeout())
        .withDuration(DefaultDriverOption.METADATA_SCHEMA_REQUEST_TIMEOUT, c.requestTimeout())
        .withDuration(DefaultDriverOption.CONTROL_CONNECTION_AGREEMENT_TIMEOUT, c.requestTimeout())
        .withString(DefaultDriverOption.REQUEST_CONSISTENCY, c.readConsistency().name())
        .withBoolean(DefaultDriverOption.REQUEST_WARN_IF_SET_KEYSPACE, false)
        .startProfile(WRITES)
        .withString(DefaultDriverOption.REQUEST_CONSISTENCY, c.writeConsistency().name())
        .endProfile();
    if (c.ssl().enabled()) {
      config.withClass(DefaultDriverOption.SSL_ENGINE_FACTORY_CLASS, DefaultSslEngineFactory.class)
          .withBoolean(DefaultDriverOption.SSL_HOSTNAME_VALIDATION, c.ssl().hostnameValidation());
      if (!c.ssl().truststorePath().isEmpty()) {
        config.withString(DefaultDriverOption.SSL_TRUSTSTORE_PATH, c.ssl().truststorePath());
        if (!c.ssl().truststorePassword().isEmpty()) {
          config.withString(DefaultDriverOption.SSL_TRUSTSTORE_PASSWORD, c.ssl().truststorePassword());
        }
      }
    }
    DriverConfigLoader loader = config.build();
    CqlSessionBuilder b = CqlSession.builder()
        .withConfigLoader(loader)
        .withLocalDatacenter(c.localDatacenter());
    for (InetSocketAddress a : c.contactPoints()) {
      b.addContactPoint(new InetSocketAddress(a.getHostString(), a.getPort()));
    }
    if (c.hasCredentials()) {
      b.withAuthCredentials(c.username(), c.password());
    }
    if (useKeyspace) {
      b.withKeyspace(c.keyspace());
    }
    try {
      return b.build();
    } catch (AllNodesFailedException e) {
      throw ConnectFailures.cassandra(c, e);
    } catch (com.datastax.oss.driver.api.core.InvalidKeyspaceException e) {
      throw new UserError("Cassandra keyspace " + c.keyspace() + " does not exist: run `./trendoff schema`", e);
    } catch (IllegalStateException | IllegalArgumentException e) {
      if (c.ssl().enabled() && ConnectFailures.find(e, java.security.GeneralSecurityException.class) != null
          || ConnectFailures.find(e, java.io.IOException.class) != null) {
        throw ConnectFailures.cassandra(c, e);
      }
      throw new UserError("cannot open a Cassandra session to " + where(c) + ": " + e.getMessage(), e);
    }
  }

  /** The contact points as {@code host:port,host:port}, for messages. */
  public static String where(Settings.Cassandra c) {
    return c.contactPoints().stream().map(a -> a.getHostString() + ":" + a.getPort()).collect(Collectors.joining(","));
  }
}
