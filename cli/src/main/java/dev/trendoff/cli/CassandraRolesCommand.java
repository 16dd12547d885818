package dev.trendoff.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

import com.datastax.oss.driver.api.core.CqlSession;

import dev.trendoff.core.CassandraRoles;
import dev.trendoff.core.CassandraSessions;
import dev.trendoff.core.Durations;
import dev.trendoff.core.Settings;
import dev.trendoff.core.UserError;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code ./trendoff cassandra-roles}: the roles of a Cassandra that asks for passwords, set up for
 * trendoff (core CassandraRoles): the one-shot service of the same name in docker/compose.yaml runs it
 * at every start, before the schema.
 */
@Command(name = "cassandra-roles", mixinStandardHelpOptions = true,
    description = {"For a Cassandra with PasswordAuthenticator (idempotent): log in as its superuser '"
        + CassandraRoles.SUPERUSER + "', with the password in the environment variable "
        + CassandraRolesCommand.SUPERUSER_PASSWORD_ENV + ", else with the one in "
        + CassandraRolesCommand.PREVIOUS_PASSWORD_ENV + " (if set: the password is being changed) or, on a new node,"
        + " with the default one, and then replace that; then create the role trendoff.cassandra.username with the"
        + " password trendoff.cassandra.password (set again if the role exists), allowed to create keyspaces (it owns"
        + " those it creates).",
        "Waits for the node to accept a login for up to --wait. docs/security.md, docker/README.md."})
final class CassandraRolesCommand implements Callable<Integer> {

  /** Where the superuser's password comes from: the environment only, never an option or a configuration key. */
  static final String SUPERUSER_PASSWORD_ENV = "CASSANDRA_SUPERUSER_PASSWORD";
  /** The superuser's previous password, while it is being changed. */
  static final String PREVIOUS_PASSWORD_ENV = "CASSANDRA_SUPERUSER_PASSWORD_PREVIOUS";

  @Option(names = "--wait", paramLabel = "DURATION", defaultValue = "2m",
      description = "how long to retry the login while the node starts (default ${DEFAULT-VALUE})")
  String wait;

  @Spec CommandSpec spec;

  private final Supplier<Settings> settings;
  private final Map<String, String> env;

  CassandraRolesCommand() {
    this(Settings::load, System.getenv());
  }

  CassandraRolesCommand(Supplier<Settings> settings, Map<String, String> env) {
    this.settings = settings;
    this.env = env;
  }

  @Override
  public Integer call() {
    Settings.Cassandra app = settings.get().cassandra();
    String superuserPassword = env.getOrDefault(SUPERUSER_PASSWORD_ENV, "");
    if (superuserPassword.isEmpty()) {
      throw new UserError("set the superuser's password in the environment variable " + SUPERUSER_PASSWORD_ENV
          + " (never on a command line)");
    }
    if (!app.hasCredentials() || app.password().isEmpty()) {
      throw new UserError("trendoff.cassandra.username and trendoff.cassandra.password name the role to create:"
          + " set both (TRENDOFF_CASSANDRA_USERNAME, TRENDOFF_CASSANDRA_PASSWORD)");
    }
    String previous = env.getOrDefault(PREVIOUS_PASSWORD_ENV, "");
    try (CassandraRoles.Session admin = login(app, superuserPassword, previous, Durations.parse(wait))) {
      CassandraRoles.ensure(admin, superuserPassword, app.username(), app.password());
      PrintWriter out = spec.commandLine().getOut();
      out.printf("cassandra-roles: superuser %s %s; role %s: password set, may create keyspaces (%s)%n",
          CassandraRoles.SUPERUSER, admin.replacesPassword() ? "given its new password" : "has its own password",
          app.username(), CassandraSessions.where(app));
      out.flush();
    }
    return 0;
  }

  /** The superuser's session, retrying its logins until one works or {@code wait} has passed. */
  private static CassandraRoles.Session login(Settings.Cassandra app, String superuserPassword, String previous,
      Duration wait) {
    long deadline = System.nanoTime() + wait.toNanos();
    UserError last = null;
    while (true) {
      for (CassandraRoles.Login login : CassandraRoles.superuserLogins(app, superuserPassword, previous)) {
        try {
          CqlSession session = CassandraSessions.open(login.settings(), false);
          return new CassandraRoles.Session(session, login.replacesPassword());
        } catch (UserError e) {
          last = e; // the node is still starting, or not this password
        }
      }
      if (System.nanoTime() > deadline) {
        String why = last.getMessage().contains("refused the credentials")
            ? "Cassandra at " + CassandraSessions.where(app) + " refused the superuser '" + CassandraRoles.SUPERUSER
                + "' with the password of " + SUPERUSER_PASSWORD_ENV
                + (previous.isEmpty() ? "" : ", of " + PREVIOUS_PASSWORD_ENV) + " and the default one (was it changed elsewhere?)"
            : last.getMessage();
        throw new UserError(why + " (tried for " + wait.toSeconds() + " s)", last);
      }
      try {
        Thread.sleep(2000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new UserError("interrupted while logging in to Cassandra", e);
      }
    }
  }
}
