package dev.trendoff.core;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.SslAuthenticationException;

import com.datastax.oss.driver.api.core.AllNodesFailedException;
import com.datastax.oss.driver.api.core.auth.AuthenticationException;

/**
 * The one line a command prints when it cannot talk to Kafka or Cassandra (docs/security.md,
 * "When it fails"): credentials refused, a certificate the truststore does not trust or that names
 * another host, a client and a server that disagree about TLS (found by a TLS handshake with the
 * port, which sends no data), or no answer at all. No message holds a secret.
 */
public final class ConnectFailures {

  /** Generous: a JVM's first TLS handshake costs seconds on a busy machine, and the probe only runs after a failure. */
  private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(10);
  private static final Pattern JAAS_USER = Pattern.compile("username\\s*=\\s*\"([^\"]*)\"");

  private ConnectFailures() {}

  /** What went wrong in a TLS handshake. */
  enum TlsProblem { UNTRUSTED, WRONG_HOST, OTHER }

  /**
   * The UserError for {@code failure} of a Kafka client built from {@code clientProperties} while
   * trying to {@code what} (like "list topics"); {@code timeout} is how long it waited.
   */
  public static UserError kafka(Map<String, ?> clientProps, String what, Duration timeout, Throwable failure) {
    Map<String, Object> clientProperties = new java.util.HashMap<>(clientProps);
    String servers = String.valueOf(clientProperties.get(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG));
    String protocol = String.valueOf(clientProperties.getOrDefault(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "PLAINTEXT"))
        .toUpperCase(java.util.Locale.ROOT);
    boolean clientTls = protocol.contains("SSL");
    String at = "Kafka at " + servers;
    if (find(failure, SaslAuthenticationException.class) != null) {
      return new UserError(at + " refused the credentials of user '" + jaasUser(clientProperties) + "' ("
          + clientProperties.getOrDefault("sasl.mechanism", "GSSAPI") + "; sasl.jaas.config in trendoff.kafka.client)", failure);
    }
    Optional<Boolean> tls = Optional.empty();
    if (find(failure, SslAuthenticationException.class) != null || find(failure, SSLException.class) != null) {
      tls = speaksTls(firstAddress(servers, 9092));
      if (tls.isPresent() && !tls.get()) {
        return new UserError(at + " does not speak TLS, but trendoff.kafka.client sets security.protocol " + protocol
            + ": use the protocol of its listener (PLAINTEXT or SASL_PLAINTEXT)", failure);
      }
      String store = "ssl.truststore.location " + clientProperties.getOrDefault("ssl.truststore.location", "(the JVM's default)");
      return new UserError(switch (tlsProblem(failure)) {
        case UNTRUSTED -> at + " presented a certificate that is not trusted by trendoff.kafka.client " + store;
        case WRONG_HOST -> at + " presented a certificate that does not name the host it was reached at"
            + " (ssl.endpoint.identification.algorithm checks it)";
        case OTHER -> "TLS with " + at + " failed: " + innermostMessage(failure) + " (trendoff.kafka.client " + store + ")";
      }, failure);
    }
    if (isTimeout(failure)) {
      if (!clientTls && speaksTls(firstAddress(servers, 9092)).orElse(false)) {
        return new UserError(at + " speaks TLS, but trendoff.kafka.client has security.protocol " + protocol
            + " (plain text): set security.protocol = SASL_SSL with sasl.mechanism, sasl.jaas.config and"
            + " ssl.truststore.location (docs/security.md)", failure);
      }
      return new UserError("cannot reach " + at + " to " + what + " (no answer within " + timeout.toSeconds()
          + " s); is it running? `./trendoff stack up` starts a local one", failure);
    }
    if (find(failure, org.apache.kafka.common.KafkaException.class) != null && mentionsKeystore(failure)) {
      return new UserError("cannot load the truststore or keystore of trendoff.kafka.client ("
          + clientProperties.getOrDefault("ssl.truststore.location", "?") + "): " + innermostMessage(failure), failure);
    }
    return new UserError(at + " refused to " + what + ": " + firstLine(innermostMessage(failure)), failure);
  }

  /**
   * {@code Admin.create(properties)}; a configuration the client refuses (a truststore it cannot load)
   * is a UserError.
   */
  public static org.apache.kafka.clients.admin.Admin admin(Map<String, Object> properties) {
    try {
      return org.apache.kafka.clients.admin.Admin.create(properties);
    } catch (org.apache.kafka.common.KafkaException e) {
      throw kafka(properties, "connect", Duration.ZERO, e);
    }
  }

  /** The UserError for a failure to open a driver or connector session to {@code c}. */
  public static UserError cassandra(Settings.Cassandra c, Throwable failure) {
    String at = "Cassandra at " + CassandraSessions.where(c);
    Throwable nodeError = failure;
    AllNodesFailedException all = find(failure, AllNodesFailedException.class);
    if (all != null) {
      nodeError = all.getAllErrors().values().stream().flatMap(java.util.List::stream).findFirst().orElse(all);
    }
    if (find(nodeError, AuthenticationException.class) != null) {
      return new UserError(c.hasCredentials()
          ? at + " refused the credentials of user '" + c.username() + "' (trendoff.cassandra.username/password)"
          : at + " requires a user name and password (PasswordAuthenticator): set trendoff.cassandra.username and"
              + " trendoff.cassandra.password", failure);
    }
    InetSocketAddress first = c.contactPoints().get(0);
    if (c.ssl().enabled() && find(nodeError, SSLException.class) != null) {
      Optional<Boolean> tls = speaksTls(first);
      if (tls.isPresent() && !tls.get()) {
        return new UserError(at + " does not speak TLS (its client_encryption_options are off), but"
            + " trendoff.cassandra.ssl.enabled is true", failure);
      }
      String store = "trendoff.cassandra.ssl.truststore-path "
          + (c.ssl().truststorePath().isEmpty() ? "(the JVM's default)" : c.ssl().truststorePath());
      return new UserError(switch (tlsProblem(nodeError)) {
        case UNTRUSTED -> at + " presented a certificate that is not trusted by " + store;
        case WRONG_HOST -> at + " presented a certificate that does not name the host it was reached at"
            + " (trendoff.cassandra.ssl.hostname-validation)";
        case OTHER -> "TLS with " + at + " failed: " + innermostMessage(nodeError) + " (" + store + ")";
      }, failure);
    }
    if (!c.ssl().enabled() && speaksTls(first).orElse(false)) {
      return new UserError(at + " speaks TLS only, but trendoff.cassandra.ssl.enabled is false: set it true and"
          + " trendoff.cassandra.ssl.truststore-path (docs/security.md)", failure);
    }
    if (c.ssl().enabled() && mentionsKeystore(failure)) {
      return new UserError("cannot load trendoff.cassandra.ssl.truststore-path (" + c.ssl().truststorePath() + "): "
          + innermostMessage(failure), failure);
    }
    return new UserError("cannot reach " + at + " (" + nodeError.getClass().getSimpleName()
        + "); is it running? `./trendoff stack up` starts a local one", failure);
  }

  /**
   * A refused login or a failed TLS handshake anywhere in {@code t}'s causes (a job that failed deep
   * inside Spark, where no settings are at hand), as one line; empty for anything else.
   */
  public static Optional<UserError> securityFailure(Throwable t) {
    if (find(t, SaslAuthenticationException.class) != null) {
      return Optional.of(new UserError("Kafka refused the credentials (sasl.jaas.config in trendoff.kafka.client)", t));
    }
    if (find(t, AuthenticationException.class) != null) {
      return Optional.of(new UserError("Cassandra refused the credentials (trendoff.cassandra.username/password)", t));
    }
    if (find(t, SslAuthenticationException.class) != null || find(t, javax.net.ssl.SSLHandshakeException.class) != null) {
      return Optional.of(new UserError(switch (tlsProblem(t)) {
        case UNTRUSTED -> "a server presented a certificate that the truststore does not trust"
            + " (trendoff.kafka.client ssl.truststore.location, trendoff.cassandra.ssl.truststore-path)";
        case WRONG_HOST -> "a server presented a certificate that does not name the host it was reached at";
        case OTHER -> "a TLS handshake failed: " + innermostMessage(t);
      }, t));
    }
    return Optional.empty();
  }

  /**
   * Whether the server at {@code address} completes a TLS handshake (certificates are not checked:
   * the answer only says which protocol the port speaks; no data is sent). Empty when it cannot be told.
   */
  static Optional<Boolean> speaksTls(InetSocketAddress address) {
    if (address == null) {
      return Optional.empty();
    }
    int ms = (int) PROBE_TIMEOUT.toMillis();
    try (Socket raw = new Socket()) {
      raw.connect(new InetSocketAddress(address.getHostString(), address.getPort()), ms);
      raw.setSoTimeout(ms);
      SSLContext ctx = SSLContext.getInstance("TLS");
      ctx.init(null, new TrustManager[] {new AnyCertificate()}, null);
      try (SSLSocket s = (SSLSocket) ctx.getSocketFactory().createSocket(raw, address.getHostString(), address.getPort(), false)) {
        s.startHandshake();
        return Optional.of(true);
      } catch (java.net.SocketTimeoutException e) {
        return Optional.empty();
      } catch (IOException e) {
        return Optional.of(false);
      }
    } catch (IOException | GeneralSecurityException e) {
      return Optional.empty();
    }
  }

  /** Accepts any certificate: used only to learn whether a port speaks TLS, never to send data. */
  private static final class AnyCertificate implements X509TrustManager {
    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }

  static TlsProblem tlsProblem(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      String m = String.valueOf(c.getMessage());
      if (c instanceof java.security.cert.CertPathValidatorException || m.contains("PKIX path")
          || m.contains("unable to find valid certification path")) {
        return TlsProblem.UNTRUSTED;
      }
      if (m.contains("No subject alternative") || m.contains("No name matching")) {
        return TlsProblem.WRONG_HOST;
      }
    }
    return TlsProblem.OTHER;
  }

  private static boolean isTimeout(Throwable t) {
    return find(t, java.util.concurrent.TimeoutException.class) != null
        || find(t, org.apache.kafka.common.errors.TimeoutException.class) != null;
  }

  private static boolean mentionsKeystore(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      String m = String.valueOf(c.getMessage()).toLowerCase(java.util.Locale.ROOT);
      if (m.contains("keystore") || m.contains("truststore") || c instanceof java.nio.file.NoSuchFileException
          || c instanceof java.io.FileNotFoundException) {
        return true;
      }
    }
    return false;
  }

  static String jaasUser(Map<String, ?> clientProperties) {
    Object jaas = clientProperties.get("sasl.jaas.config");
    if (jaas == null) {
      return "(none: no sasl.jaas.config)";
    }
    Matcher m = JAAS_USER.matcher(String.valueOf(jaas));
    return m.find() ? m.group(1) : "(unnamed)";
  }

  static InetSocketAddress firstAddress(String servers, int defaultPort) {
    String first = servers.split(",")[0].strip();
    if (first.isEmpty() || first.equals("null")) {
      return null;
    }
    return Settings.parseHostPort(first, defaultPort);
  }

  /** The first of {@code t}'s causes (itself included) of {@code type}, or null. */
  public static <T extends Throwable> T find(Throwable t, Class<T> type) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (type.isInstance(c)) {
        return type.cast(c);
      }
      if (c.getCause() == c) {
        break;
      }
    }
    return null;
  }

  static String innermostMessage(Throwable t) {
    String last = t.getClass().getSimpleName();
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c.getMessage() != null && !c.getMessage().isBlank()) {
        last = c.getMessage();
      }
    }
    return firstLine(last);
  }

  private static String firstLine(String s) {
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
