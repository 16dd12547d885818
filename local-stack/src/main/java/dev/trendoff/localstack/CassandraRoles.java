package dev.trendoff.localstack;

import java.util.List;

import com.datastax.oss.driver.api.core.CqlSession;

import dev.trendoff.core.Settings;

/**
 * The roles of a secured local Cassandra (PasswordAuthenticator, CassandraAuthorizer). Its first
 * start creates the default superuser {@code cassandra} with the well-known password
 * {@code cassandra}; {@code stack up} logs in with it once, gives it the generated password, and
 * creates the application's role {@value StackSecrets#APP_USER} with its generated password and the
 * right to create keyspaces (the creator of a keyspace gets every permission on it, so the
 * application owns the keyspaces it makes and nothing else; it cannot manage roles). Idempotent: a
 * later {@code up} logs in with the generated password and changes nothing.
 */
final class CassandraRoles {

  private static final String DEFAULT_PASSWORD = "cassandra";

  private CassandraRoles() {}

  /** Settings to log in with, and whether they are the default superuser's well-known ones. */
  record Login(Settings.Cassandra settings, boolean isDefault) {}

  /** An open session and whether it logged in as the default superuser with the well-known password. */
  record Session(CqlSession session, boolean asDefault) implements AutoCloseable {
    @Override
    public void close() {
      session.close();
    }
  }

  /** The superuser with the generated password, then (first start only) with the default one. */
  static List<Login> superuserLogins(Settings.Cassandra client, StackSecrets secrets) {
    return List.of(new Login(as(client, StackSecrets.CASSANDRA_ADMIN, secrets.cassandraAdminPassword()), false),
        new Login(as(client, StackSecrets.CASSANDRA_ADMIN, DEFAULT_PASSWORD), true));
  }

  /**
   * Replaces the default password when {@code admin} logged in with it, and creates the application's
   * role. The passwords are CQL string literals (role options take no bind markers): random letters
   * and digits, so no quoting is needed, and Cassandra logs no role statement.
   */
  static void ensure(Session admin, StackSecrets secrets) {
    CqlSession s = admin.session();
    if (admin.asDefault()) {
      s.execute("ALTER ROLE " + StackSecrets.CASSANDRA_ADMIN + " WITH PASSWORD = '" + literal(secrets.cassandraAdminPassword()) + "'");
    }
    s.execute("CREATE ROLE IF NOT EXISTS " + StackSecrets.APP_USER + " WITH PASSWORD = '"
        + literal(secrets.cassandraAppPassword()) + "' AND LOGIN = true");
    s.execute("GRANT CREATE ON ALL KEYSPACES TO " + StackSecrets.APP_USER);
  }

  private static String literal(String password) {
    if (!password.chars().allMatch(Character::isLetterOrDigit)) {
      throw new IllegalArgumentException("a generated password holds only letters and digits");
    }
    return password;
  }

  private static Settings.Cassandra as(Settings.Cassandra c, String user, String password) {
    return new Settings.Cassandra(c.contactPoints(), c.localDatacenter(), c.keyspace(), c.replication(), user, password,
        c.readConsistency(), c.writeConsistency(), c.requestTimeout(), c.connectTimeout(), c.ssl());
  }
}
