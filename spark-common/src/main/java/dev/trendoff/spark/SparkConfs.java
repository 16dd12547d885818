package dev.trendoff.spark;

import java.net.InetSocketAddress;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.spark.SparkConf;

import dev.trendoff.core.Secrets;
import dev.trendoff.core.Settings;

/** The SparkConf of a trendoff job: master, Cassandra connector settings (credentials, TLS), extra spark settings. */
public final class SparkConfs {

  /** The connector's TLS cipher suites (spark.cassandra.connection.ssl.enabledAlgorithms; trendoff.spark.conf may override). */
  static final String CIPHER_SUITES = String.join(",", "TLS_AES_256_GCM_SHA384", "TLS_AES_128_GCM_SHA256",
      "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384", "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
      "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256");

  private SparkConfs() {}

  /**
   * Settings for a job named {@code appName}. A master given by spark-submit ({@code spark.master}
   * already set) wins over {@code trendoff.spark.master}.
   */
  public static SparkConf forJob(Settings settings, String appName) {
    SparkConf conf = new SparkConf().setAppName(appName);
    conf.setIfMissing("spark.master", settings.spark().master());
    conf.setIfMissing("spark.ui.enabled", "false");
    if (conf.get("spark.master").startsWith("local")) {
      conf.setIfMissing("spark.driver.host", "127.0.0.1");
      conf.setIfMissing("spark.driver.bindAddress", "127.0.0.1");
    }
    Settings.Cassandra c = settings.cassandra();
    Set<String> hosts = new LinkedHashSet<>();
    Set<Integer> ports = new LinkedHashSet<>();
    for (InetSocketAddress a : c.contactPoints()) {
      hosts.add(a.getHostString());
      ports.add(a.getPort());
    }
    if (ports.size() > 1) {
      throw new dev.trendoff.core.UserError("the Spark Cassandra Connector takes one port for all contact points; got "
          + ports + " in trendoff.cassandra.contact-points");
    }
    conf.set("spark.cassandra.connection.host", String.join(",", hosts));
    conf.set("spark.cassandra.connection.port", String.valueOf(ports.iterator().next()));
    conf.set("spark.cassandra.connection.localDC", c.localDatacenter());
    conf.set("spark.cassandra.input.consistency.level", c.readConsistency().name());
    conf.set("spark.cassandra.output.consistency.level", c.writeConsistency().name());
    conf.set("spark.cassandra.read.timeoutMS", String.valueOf(c.requestTimeout().toMillis()));
    conf.set("spark.cassandra.connection.timeoutMS", String.valueOf(c.connectTimeout().toMillis()));
    if (c.hasCredentials()) {
      conf.set("spark.cassandra.auth.username", c.username());
      conf.set("spark.cassandra.auth.password", c.password());
    }
    if (c.ssl().enabled()) {
      // the connector checks the certificate chain against the truststore, never the host name (3.5.1 turns
      // the driver's hostname validation off); trendoff's own driver sessions check both
      conf.set("spark.cassandra.connection.ssl.enabled", "true");
      // the connector's default suites are TLS_RSA_* (RSA key exchange), which no EC certificate and no
      // current Cassandra default accepts: TLS 1.3 and TLS 1.2 ECDHE with AES-GCM, as every Java 11+ has
      conf.set("spark.cassandra.connection.ssl.enabledAlgorithms", CIPHER_SUITES);
      if (!c.ssl().truststorePath().isEmpty()) {
        conf.set("spark.cassandra.connection.ssl.trustStore.path", c.ssl().truststorePath());
        conf.set("spark.cassandra.connection.ssl.trustStore.password", c.ssl().truststorePassword());
      }
    }
    settings.spark().conf().forEach(conf::set);
    return conf;
  }

  /** The configuration minus secrets, for a log line. */
  public static String describe(SparkConf conf) {
    return java.util.Arrays.stream(conf.getAll())
        .filter(kv -> !Secrets.isSecretKey(kv._1()))
        .map(kv -> kv._1() + "=" + kv._2())
        .sorted()
        .collect(Collectors.joining(", "));
  }
}
