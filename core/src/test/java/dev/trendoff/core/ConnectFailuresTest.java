package dev.trendoff.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;

import javax.net.ssl.SSLHandshakeException;

import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.SslAuthenticationException;
import org.junit.jupiter.api.Test;

import com.datastax.oss.driver.api.core.auth.AuthenticationException;
import com.datastax.oss.driver.internal.core.metadata.DefaultEndPoint;

class ConnectFailuresTest {

  private static final String JAAS =
      "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"app\" password=\"hunter2\";";

  @Test
  void aRefusedKafkaLoginNamesTheUserNotThePassword() {
    Map<String, Object> p = Map.of("bootstrap.servers", "127.0.0.1:1", "security.protocol", "SASL_SSL",
        "sasl.mechanism", "SCRAM-SHA-512", "sasl.jaas.config", JAAS);
    UserError e = ConnectFailures.kafka(p, "list topics", Duration.ofSeconds(5),
        new java.util.concurrent.ExecutionException(new SaslAuthenticationException("Authentication failed")));
    assertThat(e.getMessage()).isEqualTo("Kafka at 127.0.0.1:1 refused the credentials of user 'app' (SCRAM-SHA-512;"
        + " sasl.jaas.config in trendoff.kafka.client)").doesNotContain("hunter2");
  }

  @Test
  void anUntrustedOrMisnamedCertificateIsSaidSo() {
    Map<String, Object> p = Map.of("bootstrap.servers", "127.0.0.1:1", "security.protocol", "SASL_SSL",
        "ssl.truststore.location", "/etc/t.p12");
    Throwable pkix = new SslAuthenticationException("SSL handshake failed",
        new SSLHandshakeException("PKIX path building failed: unable to find valid certification path to requested target"));
    assertThat(ConnectFailures.kafka(p, "connect", Duration.ofSeconds(5), pkix).getMessage())
        .isEqualTo("Kafka at 127.0.0.1:1 presented a certificate that is not trusted by trendoff.kafka.client"
            + " ssl.truststore.location /etc/t.p12");
    Throwable host = new SslAuthenticationException("SSL handshake failed", new SSLHandshakeException(
        "No subject alternative names matching IP address 10.0.0.1 found"));
    assertThat(ConnectFailures.kafka(p, "connect", Duration.ofSeconds(5), host).getMessage())
        .contains("does not name the host");
    assertThat(ConnectFailures.securityFailure(new IllegalStateException("job failed", pkix)).orElseThrow().getMessage())
        .contains("not trust");
    assertThat(ConnectFailures.securityFailure(new IllegalStateException("other"))).isEmpty();
  }

  @Test
  void aPortThatIsNotTlsIsToldApartFromOneThatIsClosed() throws Exception {
    try (ServerSocket plain = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      Thread t = new Thread(() -> {
        try (Socket s = plain.accept()) {
          s.getInputStream().read(new byte[5]);
          s.getOutputStream().write("not tls\n".getBytes());
        } catch (Exception ignored) {
          // the probe hung up
        }
      });
      t.start();
      assertThat(ConnectFailures.speaksTls(new InetSocketAddress("127.0.0.1", plain.getLocalPort()))).contains(false);
      t.join(10_000);
    }
    int closed;
    try (ServerSocket s = new ServerSocket(0)) {
      closed = s.getLocalPort();
    }
    assertThat(ConnectFailures.speaksTls(new InetSocketAddress("127.0.0.1", closed))).isEmpty();
    Map<String, Object> p = Map.of("bootstrap.servers", "127.0.0.1:" + closed);
    assertThat(ConnectFailures.kafka(p, "list topics", Duration.ofSeconds(5),
        new org.apache.kafka.common.errors.TimeoutException("timed out")).getMessage())
        .isEqualTo("cannot reach Kafka at 127.0.0.1:" + closed + " to list topics (no answer within 5 s); is it running?"
            + " `./trendoff stack up` starts a local one");
  }

  @Test
  void aRefusedCassandraLoginNamesTheUserAndTheKeysNotThePassword() {
    Settings.Cassandra c = Settings.from(TrendoffConfig.load(null, Map.of("TRENDOFF_CASSANDRA_USERNAME", "app",
        "TRENDOFF_CASSANDRA_PASSWORD", "hunter2"), new Properties())).cassandra();
    AuthenticationException refused = new AuthenticationException(new DefaultEndPoint(new InetSocketAddress("127.0.0.1", 9042)),
        "Provided username app and/or password are incorrect");
    assertThat(ConnectFailures.cassandra(c, refused).getMessage())
        .isEqualTo("Cassandra at 127.0.0.1:9042 refused the credentials of user 'app' (trendoff.cassandra.username/password)");
    Settings.Cassandra anonymous = Settings.from(TrendoffConfig.load(null, Map.of(), new Properties())).cassandra();
    assertThat(ConnectFailures.cassandra(anonymous, refused).getMessage()).contains("requires a user name and password");
  }
}
