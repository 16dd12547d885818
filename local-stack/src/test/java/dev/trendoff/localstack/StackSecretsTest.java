package dev.trendoff.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.trendoff.core.Secrets;
import dev.trendoff.core.Settings;
import dev.trendoff.core.TrendoffConfig;
import dev.trendoff.core.UserError;

/** The secured stack's keys, passwords and configuration files, made once for the class (keytool runs twice). */
class StackSecretsTest {

  @TempDir static Path dir;
  static StackSettings s;
  static StackSecrets secrets;

  @BeforeAll
  static void makeThem() {
    s = StackSettings.from(TrendoffConfig.load(null, Map.of("TRENDOFF_STACK_DIR", dir.toString(), "TRENDOFF_STACK_SECURE", "true"),
        new Properties()));
    secrets = StackSecrets.ensure(s);
  }

  @Test
  void keysAndPasswordsAreTheOwnersOnlyAndTheCaCanSignNothingMore() throws Exception {
    assertThat(Secrets.ownerOnly(s.secureDir())).isTrue();
    try (Stream<Path> files = Files.list(s.secureDir())) {
      List<Path> all = files.toList();
      // (and client.conf once written: another test here writes it); no ca.p12: the CA's key is gone
      assertThat(all).extracting(p -> p.getFileName().toString())
          .contains("server.p12", "truststore.p12", "ca.pem", "passwords.properties")
          .isSubsetOf("server.p12", "truststore.p12", "ca.pem", "passwords.properties", "client.conf");
      assertThat(all).allMatch(Secrets::ownerOnly);
    }
    KeyStore server = load(secrets.keystore(), secrets.keystorePassword());
    assertThat(java.util.Collections.list(server.aliases())).containsExactly("server");
    X509Certificate leaf = (X509Certificate) server.getCertificateChain("server")[0];
    assertThat(server.getCertificateChain("server")).hasSize(2);
    assertThat(leaf.getSubjectAlternativeNames().stream().map(n -> String.valueOf(n.get(1))).toList())
        .contains("127.0.0.1", "localhost");
    KeyStore trust = load(secrets.truststore(), secrets.truststorePassword());
    X509Certificate ca = (X509Certificate) trust.getCertificate("trendoff-local-ca");
    leaf.verify(ca.getPublicKey());
    assertThat(trust.isKeyEntry("trendoff-local-ca")).isFalse();

    List<String> passwords = List.of(secrets.keystorePassword(), secrets.truststorePassword(), secrets.kafkaAdminPassword(),
        secrets.kafkaAppPassword(), secrets.cassandraAdminPassword(), secrets.cassandraAppPassword());
    assertThat(passwords).allMatch(p -> p.matches("[A-Za-z0-9]{32}")).doesNotHaveDuplicates();
    // made once: a later start finds the same ones
    assertThat(StackSecrets.ensure(s).cassandraAppPassword()).isEqualTo(secrets.cassandraAppPassword());
  }

  @Test
  void theServersAreConfiguredForTlsAndPasswordsWithPrivateFiles() throws Exception {
    Properties kafka = new Properties();
    kafka.load(new StringReader(KafkaNode.properties(s, secrets)));
    assertThat(kafka.getProperty("listeners")).isEqualTo("SASL_SSL://127.0.0.1:9092,CONTROLLER://127.0.0.1:9093");
    assertThat(kafka.getProperty("listener.security.protocol.map")).isEqualTo("SASL_SSL:SASL_SSL,CONTROLLER:PLAINTEXT");
    assertThat(kafka.getProperty("inter.broker.listener.name")).isEqualTo("SASL_SSL");
    assertThat(kafka.getProperty("sasl.enabled.mechanisms")).isEqualTo("SCRAM-SHA-512");
    assertThat(kafka.getProperty("listener.name.sasl_ssl.scram-sha-512.sasl.jaas.config"))
        .contains("username=\"admin\"").contains(secrets.kafkaAdminPassword());
    assertThat(kafka.getProperty("ssl.keystore.location")).isEqualTo(secrets.keystore().toString());

    KafkaNode k = new KafkaNode(s, secrets);
    assertThat(k.formatCommand(Path.of("/j/java"), List.of(Path.of("/a.jar")), "id"))
        .containsSequence("--add-scram", "SCRAM-SHA-512=[name=admin,password=" + secrets.kafkaAdminPassword() + "]")
        .containsSequence("--add-scram", "SCRAM-SHA-512=[name=trendoff,password=" + secrets.kafkaAppPassword() + "]");
    k.writeConfig();
    assertThat(Secrets.ownerOnly(k.propertiesFile())).isTrue();

    String yaml = CassandraNode.yaml(s, secrets);
    assertThat(yaml).contains("authenticator:\n  class_name: org.apache.cassandra.auth.PasswordAuthenticator\n")
        .contains("client_encryption_options:\n  enabled: true\n  optional: false\n")
        .contains("  keystore: " + secrets.keystore() + "\n").contains("authorizer: CassandraAuthorizer");
    CassandraNode c = new CassandraNode(s, secrets);
    assertThat(c.jvmOptions()).contains("-Dcassandra.superuser_setup_delay_ms=0");
    c.writeConfig();
    assertThat(Secrets.ownerOnly(c.yamlFile())).isTrue();
  }

  @Test
  void everyCommandReadsTheClientSettingsTheStackWrites() {
    secrets.writeClientFile(s.dir());
    Path file = s.dir().resolve(TrendoffConfig.STACK_CLIENT_FILE);
    assertThat(Secrets.ownerOnly(file)).isTrue();
    // a command's configuration, in a JVM that knows nothing but the stack's directory
    Settings loaded = Settings.from(TrendoffConfig.load(null, Map.of("TRENDOFF_STACK_DIR", dir.toString()), new Properties()));
    assertThat(loaded.kafka().clientProperties()).containsEntry("security.protocol", "SASL_SSL")
        .containsEntry("sasl.mechanism", "SCRAM-SHA-512").containsEntry("ssl.truststore.location", secrets.truststore().toString());
    assertThat(String.valueOf(loaded.kafka().client().get("sasl.jaas.config"))).contains("username=\"trendoff\"")
        .contains(secrets.kafkaAppPassword());
    assertThat(loaded.cassandra().username()).isEqualTo("trendoff");
    assertThat(loaded.cassandra().password()).isEqualTo(secrets.cassandraAppPassword());
    assertThat(loaded.cassandra().ssl().enabled()).isTrue();
    assertThat(loaded.cassandra().ssl().truststorePath()).isEqualTo(secrets.truststore().toString());
    assertThat(loaded.toString()).doesNotContain(secrets.cassandraAppPassword());
    // what the user sets still wins
    Settings mine = Settings.from(TrendoffConfig.load(null, Map.of("TRENDOFF_STACK_DIR", dir.toString(),
        "TRENDOFF_CASSANDRA_USERNAME", "other"), new Properties()));
    assertThat(mine.cassandra().username()).isEqualTo("other");
    // and a directory that has them is secured whatever the setting says
    assertThat(StackSettings.from(TrendoffConfig.load(null, Map.of("TRENDOFF_STACK_DIR", dir.toString()), new Properties()))
        .secured()).isTrue();
  }

  @Test
  void aDirectoryThatRanWithoutSecurityCannotBecomeSecured(@TempDir Path plain) throws Exception {
    Files.createDirectories(plain.resolve("kafka/data"));
    Files.writeString(plain.resolve("kafka/data/meta.properties"), "node.id=1\n");
    LocalStack stack = new LocalStack(TrendoffConfig.load(null, Map.of("TRENDOFF_STACK_DIR", plain.toString(),
        "TRENDOFF_STACK_SECURE", "true", "TRENDOFF_STACK_KAFKA_PORT", "1", "TRENDOFF_STACK_CASSANDRA_PORT", "2"), new Properties()));
    assertThatThrownBy(() -> stack.up(false, new java.io.PrintStream(java.io.OutputStream.nullOutputStream())))
        .isInstanceOf(UserError.class).hasMessageContaining("data from a start without security");
    assertThat(plain.resolve("secure")).doesNotExist();
  }

  private static KeyStore load(Path file, String password) throws Exception {
    KeyStore ks = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(file)) {
      ks.load(in, password.toCharArray());
    }
    return ks;
  }
}
