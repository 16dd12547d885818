package dev.trendoff.core;

import java.util.List;
import java.util.regex.Pattern;

import com.datastax.oss.driver.api.core.CqlSession;

/**
 * The roles of a Cassandra node that runs PasswordAuthenticator and CassandraAuthorizer, as trendoff
 * sets them up: for the secured local stack (local-stack LocalStack) and for the one-host deployment
 * ({@code ./trendoff cassandra-roles}: cli CassandraRolesCommand, docker/compose.yaml). A new node's
 * first start creates the default superuser {@value #SUPERUSER} with the well-known password
 * {@value #DEFAULT_PASSWORD}; trendoff logs in with it once, gives it a password of its own, and
 * creates the application's role with the right to create keyspaces (the creator of a keyspace gets
 * every permission on it, so the application owns the keyspaces it makes and nothing else; it cannot
 * manage roles). Idempotent: later the superuser logs in with its own password, and the application's
 * role is given its password again, so a changed one takes effect. To change the superuser's own
 * password, log in with the previous one once: it is then replaced too.
 */
public final class CassandraRoles {

  /** Cassandra's default superuser. */
  public static final String SUPERUSER = "cassandra";
  static final String DEFAULT_PASSWORD = "cassandra";
  /** A role name that CQL takes unquoted: it is folded to lower case, so only lower case is accepted. */
  private static final Pattern ROLE_NAME = Pattern.compile("[a-z][a-z0-9_]*");

  private CassandraRoles() {}

  /**
   * Settings to log in with, and whether their password is one to replace (the default, or a previous
   * one) rather than the superuser's own.
   */
  public record Login(Settings.Cassandra settings, boolean replacesPassword) {}

  /** An open session and whether it logged in with a password to replace (the default, or a previous one). */
  public record Session(CqlSession session, boolean replacesPassword) implements AutoCloseable {
    @Override
    public void close() {
      session.close();
    }
  }

  /**
   * The superuser with {@code superuserPassword}, then with {@code previousPassword} (when not empty: the
   * password is being changed), then (a new node) with the default one.
   */
  public static List<Login> superuserLogins(Settings.Cassandra client, String superuserPassword, String previousPassword) {
    List<Login> logins = new java.util.ArrayList<>();
    logins.add(new Login(as(client, SUPERUSER, superuserPassword), false));
    if (!previousPassword.isEmpty()) {
      logins.add(new Login(as(client, SUPERUSER, previousPassword), true));
    }
    logins.add(new Login(as(client, SUPERUSER, DEFAULT_PASSWORD), true));
    return logins;
  }

  /**
   * Gives the superuser {@code superuserPassword} when {@code admin} logged in with another (the default,
   * or a previous one), and creates (or gives its password again to) the application's role. Cassandra
   * logs no role statement.
   */
  public static void ensure(Session admin, String superuserPassword, String appUser, String appPassword) {
    for (String statement : statements(admin.replacesPassword(), superuserPassword, appUser, appPassword)) {
      admin.session().execute(statement);
    }
  }

  /** The statements {@link #ensure} runs, in order. */
  static List<String> statements(boolean replaceSuperuserPassword, String superuserPassword, String appUser,
      String appPassword) {
    if (!ROLE_NAME.matcher(appUser).matches() || appUser.equals(SUPERUSER)) {
      throw new UserError("the application's Cassandra role must be a lower-case name of letters, digits and '_',"
          + " other than " + SUPERUSER + " (trendoff.cassandra.username)");
    }
    if (superuserPassword.isEmpty() || appPassword.isEmpty()) {
      throw new UserError("the Cassandra superuser and the role " + appUser + " each need a password");
    }
    List<String> s = new java.util.ArrayList<>();
    if (replaceSuperuserPassword) {
      s.add("ALTER ROLE " + SUPERUSER + " WITH PASSWORD = " + literal(superuserPassword));
    }
    s.add("CREATE ROLE IF NOT EXISTS " + appUser + " WITH PASSWORD = " + literal(appPassword) + " AND LOGIN = true");
    s.add("ALTER ROLE " + appUser + " WITH PASSWORD = " + literal(appPassword) + " AND LOGIN = true");
    s.add("GRANT CREATE ON ALL KEYSPACES TO " + appUser);
    return s;
  }

  /** A CQL string literal (role options take no bind markers): quoted, a quote doubled. */
  static String literal(String text) {
    return "'" + text.replace("'", "''") + "'";
  }

  private static Settings.Cassandra as(Settings.Cassandra c, String user, String password) {
    return new Settings.Cassandra(c.contactPoints(), c.localDatacenter(), c.keyspace(), c.replication(), user, password,
        c.readConsistency(), c.writeConsistency(), c.requestTimeout(), c.connectTimeout(), c.ssl());
  }
}
