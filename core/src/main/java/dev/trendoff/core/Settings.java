package dev.trendoff.core;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.datastax.oss.driver.api.core.DefaultConsistencyLevel;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigValue;

/**
 * The settings every layer shares (Kafka, Cassandra, Spark), typed, read from a loaded
 * {@link TrendoffConfig}. Module-specific settings live beside their module and read their own section.
 */
public record Settings(Kafka kafka, Cassandra cassandra, Spark spark, Config config) {

  public static Settings load() {
    return from(TrendoffConfig.load());
  }

  public static Settings from(Config config) {
    Config t = config.getConfig(TrendoffConfig.ROOT);
    return new Settings(Kafka.from(t.getConfig("kafka")), Cassandra.from(t.getConfig("cassandra")),
        Spark.from(t.getConfig("spark")), config);
  }

  public record Kafka(String bootstrapServers, String topic, String dlqTopic, int partitions,
      short replicationFactor, String speedGroup, String batchGroup, Map<String, String> client) {

    static Kafka from(Config c) {
      return new Kafka(c.getString("bootstrap-servers"), c.getString("topic"), c.getString("dlq-topic"),
          c.getInt("partitions"), (short) c.getInt("replication-factor"), c.getString("speed-group"),
          c.getString("batch-group"), flatten(c.getConfig("client")));
    }

    /** Never prints the values of the extra client properties (sasl.jaas.config holds a password). */
    @Override
    public String toString() {
      return "Kafka[bootstrapServers=" + bootstrapServers + ", topic=" + topic + ", dlqTopic=" + dlqTopic
          + ", partitions=" + partitions + ", client keys=" + client.keySet() + "]";
    }

    /** Bootstrap servers plus the extra client properties: the base of every Kafka client's properties. */
    public Map<String, Object> clientProperties() {
      Map<String, Object> p = new LinkedHashMap<>(client);
      p.put("bootstrap.servers", bootstrapServers);
      return p;
    }
  }

  public record Cassandra(List<InetSocketAddress> contactPoints, String localDatacenter, String keyspace,
      String replication, String username, String password, DefaultConsistencyLevel readConsistency,
      DefaultConsistencyLevel writeConsistency, Duration requestTimeout, Duration connectTimeout, Ssl ssl) {

    static Cassandra from(Config c) {
      List<InetSocketAddress> points = new ArrayList<>();
      for (String hp : c.getStringList("contact-points")) {
        points.add(parseHostPort(hp, 9042));
      }
      return new Cassandra(points, c.getString("local-datacenter"), c.getString("keyspace"),
          c.getString("replication"), c.getString("username"), c.getString("password"),
          consistency(c, "read-consistency"), consistency(c, "write-consistency"),
          c.getDuration("request-timeout"), c.getDuration("connect-timeout"), Ssl.from(c.getConfig("ssl")));
    }

    /** A consistency level by its CQL name, any case ({@code LOCAL_QUORUM}, {@code one}); parsed once, here. */
    static DefaultConsistencyLevel consistency(Config c, String key) {
      String v = c.getString(key).strip().toUpperCase(java.util.Locale.ROOT);
      try {
        return DefaultConsistencyLevel.valueOf(v);
      } catch (IllegalArgumentException e) {
        throw new UserError("trendoff.cassandra." + key + ": '" + c.getString(key) + "' is not a consistency level (one of "
            + java.util.Arrays.stream(DefaultConsistencyLevel.values()).map(Enum::name)
                .collect(java.util.stream.Collectors.joining(", ")) + ")");
      }
    }

    public boolean hasCredentials() {
      return !username.isEmpty();
    }

    /** Never prints the password. */
    @Override
    public String toString() {
      return "Cassandra[contactPoints=" + contactPoints + ", localDatacenter=" + localDatacenter
          + ", keyspace=" + keyspace + ", username=" + (username.isEmpty() ? "(none)" : username) + ", " + ssl + "]";
    }
  }

  /**
   * Client-to-node TLS ({@code trendoff.cassandra.ssl}): on or off, the truststore (JKS or PKCS12; empty:
   * the JVM's default trust) and whether the node's certificate must name the host it was reached at.
   */
  public record Ssl(boolean enabled, String truststorePath, String truststorePassword, boolean hostnameValidation) {

    static Ssl from(Config c) {
      return new Ssl(c.getBoolean("enabled"), c.getString("truststore-path").strip(), c.getString("truststore-password"),
          c.getBoolean("hostname-validation"));
    }

    /** Never prints the password. */
    @Override
    public String toString() {
      return enabled ? "tls (truststore " + (truststorePath.isEmpty() ? "default" : truststorePath) + ")" : "no tls";
    }
  }

  public record Spark(String master, Map<String, String> conf) {
    static Spark from(Config c) {
      return new Spark(c.getString("master"), flatten(c.getConfig("conf")));
    }
  }

  /** Never prints secrets. */
  @Override
  public String toString() {
    return "Settings[kafka=" + kafka.bootstrapServers() + ", " + cassandra + "]";
  }

  public static InetSocketAddress parseHostPort(String hostPort, int defaultPort) {
    String s = hostPort.strip();
    int colon = s.lastIndexOf(':');
    if (colon > 0 && s.indexOf(':') == colon) {
      try {
        return InetSocketAddress.createUnresolved(s.substring(0, colon), Integer.parseInt(s.substring(colon + 1)));
      } catch (NumberFormatException e) {
        throw new UserError("not a host:port: " + hostPort);
      }
    }
    return InetSocketAddress.createUnresolved(s, defaultPort);
  }

  private static Map<String, String> flatten(Config c) {
    Map<String, String> out = new LinkedHashMap<>();
    for (Map.Entry<String, ConfigValue> e : c.entrySet()) {
      out.put(stripQuotes(e.getKey()), String.valueOf(e.getValue().unwrapped()));
    }
    return out;
  }

  private static String stripQuotes(String key) {
    return key.replace("\"", "");
  }
}
