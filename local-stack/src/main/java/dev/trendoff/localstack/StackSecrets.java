package dev.trendoff.localstack;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigValueFactory;

import dev.trendoff.core.Secrets;
import dev.trendoff.core.TrendoffConfig;
import dev.trendoff.core.UserError;

/**
 * The keys, certificates and passwords of a secured local stack, under {@code <dir>/secure} (mode
 * 0700, every file 0600), made once by the first {@code stack up --secure} and kept with the data:
 * <ul>
 *   <li>a throwaway CA (EC P-256, the JDK's {@code keytool}; passwords through its environment, never
 *       its command line) that signs one server certificate for 127.0.0.1 and localhost; the CA's
 *       private key is deleted once it has signed, so nothing else can ever be issued;</li>
 *   <li>{@value #KEYSTORE} (the server key and its chain: Kafka's and Cassandra's TLS) and
 *       {@value #TRUSTSTORE} (the CA certificate: every client's trust), PKCS12, and the CA as PEM
 *       ({@value #CA_PEM}) for other tools;</li>
 *   <li>{@value #PASSWORDS}: the stores' passwords, the Kafka users' ({@value #KAFKA_ADMIN}, the
 *       broker's own, and {@value #APP_USER}) and the Cassandra roles' ({@value #CASSANDRA_ADMIN}, the
 *       superuser, and {@value #APP_USER}), 32 random letters and digits each;</li>
 *   <li>{@value TrendoffConfig#STACK_CLIENT_FILE}: the application's client settings, which every
 *       command's configuration reads (TrendoffConfig), so nothing is printed or typed.</li>
 * </ul>
 */
final class StackSecrets {

  static final String KEYSTORE = "server.p12";
  static final String TRUSTSTORE = "truststore.p12";
  static final String CA_PEM = "ca.pem";
  static final String PASSWORDS = "passwords.properties";
  /** The application's Kafka user and Cassandra role. */
  static final String APP_USER = "trendoff";
  /** The broker's own Kafka user (inter-broker SASL). */
  static final String KAFKA_ADMIN = "admin";
  /** Cassandra's superuser: the default role, its password replaced by a generated one. */
  static final String CASSANDRA_ADMIN = dev.trendoff.core.CassandraRoles.SUPERUSER;
  static final String SCRAM = "SCRAM-SHA-512";

  private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  private static final List<String> KEYS = List.of("keystore", "truststore", "kafka-admin", "kafka-app",
      "cassandra-admin", "cassandra-app");

  private final Path dir;
  private final Map<String, String> passwords;

  private StackSecrets(Path dir, Map<String, String> passwords) {
    this.dir = dir;
    this.passwords = passwords;
  }

  /** The stack's secrets, made now when it has none yet. */
  static StackSecrets ensure(StackSettings s) {
    Path dir = s.secureDir();
    if (!Files.isRegularFile(dir.resolve(PASSWORDS))) {
      generate(s);
    }
    return load(dir);
  }

  static StackSecrets load(Path dir) {
    Properties p = new Properties();
    try (InputStream in = Files.newInputStream(dir.resolve(PASSWORDS))) {
      p.load(in);
    } catch (IOException e) {
      throw new UserError("cannot read the secured stack's passwords in " + dir + ": " + e.getMessage(), e);
    }
    Map<String, String> m = new LinkedHashMap<>();
    for (String k : KEYS) {
      String v = p.getProperty(k);
      if (v == null || v.isEmpty()) {
        throw new UserError(dir.resolve(PASSWORDS) + " lacks " + k + ": remove the stack's directory and start it again");
      }
      m.put(k, v);
    }
    return new StackSecrets(dir, m);
  }

  Path keystore() {
    return dir.resolve(KEYSTORE);
  }

  Path truststore() {
    return dir.resolve(TRUSTSTORE);
  }

  String keystorePassword() {
    return passwords.get("keystore");
  }

  String truststorePassword() {
    return passwords.get("truststore");
  }

  String kafkaAdminPassword() {
    return passwords.get("kafka-admin");
  }

  String kafkaAppPassword() {
    return passwords.get("kafka-app");
  }

  String cassandraAdminPassword() {
    return passwords.get("cassandra-admin");
  }

  String cassandraAppPassword() {
    return passwords.get("cassandra-app");
  }

  /** The JAAS line a SCRAM client logs in with. */
  static String scramJaas(String user, String password) {
    return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + user + "\" password=\""
        + password + "\";";
  }

  /**
   * The application's client settings for this stack, as overrides for {@link TrendoffConfig#withOverrides}:
   * {@code kafka.client} ({@code kafkaClient}, the configured extra properties, plus SASL_SSL, SCRAM, the
   * JAAS login and the truststore) and the Cassandra user, password and TLS.
   */
  Map<String, Object> clientOverrides(Map<String, String> kafkaClient) {
    Map<String, Object> client = new LinkedHashMap<>(kafkaClient);
    client.put("security.protocol", "SASL_SSL");
    client.put("sasl.mechanism", SCRAM);
    client.put("sasl.jaas.config", scramJaas(APP_USER, kafkaAppPassword()));
    client.put("ssl.truststore.location", truststore().toString());
    client.put("ssl.truststore.password", truststorePassword());
    client.put("ssl.truststore.type", "PKCS12");
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("kafka.client", client);
    o.put("cassandra.username", APP_USER);
    o.put("cassandra.password", cassandraAppPassword());
    o.put("cassandra.ssl.enabled", true);
    o.put("cassandra.ssl.truststore-path", truststore().toString());
    o.put("cassandra.ssl.truststore-password", truststorePassword());
    return o;
  }

  /** Writes {@link #clientOverrides} (without the configured extras) where every command's configuration reads it. */
  void writeClientFile(Path stackDir) {
    com.typesafe.config.Config c = ConfigFactory.empty();
    for (Map.Entry<String, Object> e : clientOverrides(Map.of()).entrySet()) {
      c = c.withValue(TrendoffConfig.ROOT + "." + e.getKey(), ConfigValueFactory.fromAnyRef(e.getValue()));
    }
    Secrets.writePrivate(stackDir.resolve(TrendoffConfig.STACK_CLIENT_FILE),
        "# written by ./trendoff stack up --secure: the client settings of this stack (mode 600, never printed)\n"
            + c.root().render(ConfigRenderOptions.concise().setFormatted(true)) + "\n");
  }

  // ---- generation

  private static void generate(StackSettings s) {
    Path dir = s.secureDir();
    Path work = s.dir().resolve("secure.new-" + ProcessHandle.current().pid());
    Dirs.deleteTree(work);
    Secrets.privateDir(work);
    try {
      Map<String, String> pw = new LinkedHashMap<>();
      for (String k : KEYS) {
        pw.put(k, randomPassword());
      }
      Path ca = work.resolve("ca.p12");
      String storePass = pw.get("keystore");
      keytool(ca, storePass, "-genkeypair", "-alias", "ca", "-keyalg", "EC", "-groupname", "secp256r1",
          "-dname", "CN=trendoff local stack CA", "-ext", "bc:c=ca:true", "-ext", "ku:c=keyCertSign,cRLSign",
          "-validity", "3650");
      String san = "san=ip:" + StackSettings.HOST + (s.cassandraHost().equals(StackSettings.HOST) ? "" : ",ip:" + s.cassandraHost())
          + ",dns:localhost";
      keytool(ca, storePass, "-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1",
          "-dname", "CN=localhost", "-ext", san, "-ext", "eku=serverAuth,clientAuth", "-signer", "ca", "-validity", "825");

      KeyStore issued = KeyStore.getInstance("PKCS12");
      try (InputStream in = Files.newInputStream(ca)) {
        issued.load(in, storePass.toCharArray());
      }
      Key key = issued.getKey("server", storePass.toCharArray());
      Certificate[] chain = issued.getCertificateChain("server");
      Certificate caCert = issued.getCertificate("ca");

      KeyStore server = KeyStore.getInstance("PKCS12");
      server.load(null, null);
      server.setKeyEntry("server", (PrivateKey) key, storePass.toCharArray(), chain);
      Secrets.writePrivate(work.resolve(KEYSTORE), bytes(server, storePass));

      KeyStore trust = KeyStore.getInstance("PKCS12");
      trust.load(null, null);
      trust.setCertificateEntry("trendoff-local-ca", caCert);
      Secrets.writePrivate(work.resolve(TRUSTSTORE), bytes(trust, pw.get("truststore")));
      Secrets.writePrivate(work.resolve(CA_PEM), "-----BEGIN CERTIFICATE-----\n"
          + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(caCert.getEncoded())
          + "\n-----END CERTIFICATE-----\n");
      // the CA's private key goes: no other certificate can ever be issued under this trust
      Files.delete(ca);

      StringBuilder props = new StringBuilder("# the secured local stack's passwords (generated; never printed)\n");
      pw.forEach((k, v) -> props.append(k).append('=').append(v).append('\n'));
      Secrets.writePrivate(work.resolve(PASSWORDS), props.toString());
      Files.move(work, dir, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException | GeneralSecurityException e) {
      throw new UserError("cannot make the secured stack's keys under " + dir + ": " + e.getMessage(), e);
    } finally {
      Dirs.deleteTree(work);
    }
  }

  /** {@code keytool ARGS -keystore store -storetype PKCS12}, the store's password in keytool's environment. */
  private static void keytool(Path store, String password, String... args) throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
    cmd.addAll(List.of(args));
    cmd.addAll(List.of("-keystore", store.toString(), "-storetype", "PKCS12", "-storepass:env", "TRENDOFF_KEYTOOL_PASS"));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.environment().put("TRENDOFF_KEYTOOL_PASS", password);
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    try {
      if (!p.waitFor(2, TimeUnit.MINUTES) || p.exitValue() != 0) {
        p.destroyForcibly();
        throw new IOException("keytool " + args[0] + " failed: " + out.strip());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while running keytool", e);
    }
  }

  private static byte[] bytes(KeyStore ks, String password) throws IOException, GeneralSecurityException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ks.store(out, password.toCharArray());
    return out.toByteArray();
  }

  static String randomPassword() {
    SecureRandom r = new SecureRandom();
    StringBuilder b = new StringBuilder(32);
    for (int i = 0; i < 32; i++) {
      b.append(ALPHABET.charAt(r.nextInt(ALPHABET.length())));
    }
    return b.toString();
  }

}
