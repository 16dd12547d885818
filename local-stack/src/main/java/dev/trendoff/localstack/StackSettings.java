package dev.trendoff.localstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import com.typesafe.config.Config;
import dev.trendoff.core.TrendoffConfig;
import dev.trendoff.core.UserError;

/** The {@code trendoff.stack} section: where the local stack keeps its data and which ports it binds. */
public record StackSettings(Path dir, int kafkaPort, int kafkaControllerPort, int cassandraPort,
    int cassandraStoragePort, String cassandraJavaHome, String kafkaHeap, String cassandraHeap,
    boolean cassandraClassArchive, Path classArchiveDir, Duration startTimeout, Duration stopTimeout,
    String cassandraHost, String cassandraSeeds, String cassandraInitialToken, boolean secure) {

  /** Every local service binds this address only. */
  public static final String HOST = "127.0.0.1";

  /** Reads {@code trendoff.stack} from a loaded trendoff configuration (root {@code trendoff}). */
  public static StackSettings from(Config config) {
    Config s = config.getConfig(TrendoffConfig.ROOT + ".stack");
    Path dir = Path.of(s.getString("dir")).toAbsolutePath().normalize();
    String archiveDir = s.getString("class-archive-dir");
    StackSettings settings = new StackSettings(dir,
        port(s, "kafka-port"), port(s, "kafka-controller-port"), port(s, "cassandra-port"),
        port(s, "cassandra-storage-port"), s.getString("cassandra-java-home").strip(),
        s.getString("kafka-heap"), s.getString("cassandra-heap"), s.getBoolean("cassandra-class-archive"),
        archiveDir.isBlank() ? dir.resolve("cds") : Path.of(archiveDir).toAbsolutePath().normalize(),
        s.getDuration("start-timeout"), s.getDuration("stop-timeout"),
        s.getString("cassandra-host").strip(), s.getString("cassandra-seeds").strip(),
        s.getString("cassandra-initial-token").strip(), s.getBoolean("secure"));
    if (!settings.cassandraHost().startsWith("127.")) {
      throw UserError.usage("trendoff.stack.cassandra-host = " + settings.cassandraHost()
          + ": the local stack binds loopback addresses only (127.x.y.z)");
    }
    settings.checkDistinctPorts();
    return settings;
  }

  public String kafkaBootstrapServers() {
    return HOST + ":" + kafkaPort;
  }

  public String cassandraContactPoint() {
    return cassandraHost + ":" + cassandraPort;
  }

  /** The seeds of this Cassandra node: {@code cassandra-seeds}, or the node itself. */
  public String cassandraSeedList() {
    return cassandraSeeds.isEmpty() ? cassandraHost + ":" + cassandraStoragePort : cassandraSeeds;
  }

  public Path logDir() {
    return dir.resolve("log");
  }

  public Path kafkaDir() {
    return dir.resolve("kafka");
  }

  public Path cassandraDir() {
    return dir.resolve("cassandra");
  }

  /** Keys, certificates and passwords of a secured stack (mode 0700): see {@link StackSecrets}. */
  public Path secureDir() {
    return dir.resolve("secure");
  }

  /**
   * True when this stack runs with authentication and TLS: {@code trendoff.stack.secure}, or a data
   * directory that was started secured before (its Cassandra holds the roles, its Kafka the SCRAM
   * users; it stays secured until it is removed).
   */
  public boolean secured() {
    return secure || java.nio.file.Files.isDirectory(secureDir());
  }

  /**
   * The client settings that point at this stack ({@code trendoff.kafka.bootstrap-servers} and
   * {@code trendoff.cassandra.contact-points}), as overrides for {@link TrendoffConfig#withOverrides}.
   */
  public Map<String, Object> clientOverrides() {
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("kafka.bootstrap-servers", kafkaBootstrapServers());
    o.put("cassandra.contact-points", java.util.List.of(cassandraContactPoint()));
    return o;
  }

  private void checkDistinctPorts() {
    int[] ports = {kafkaPort, kafkaControllerPort, cassandraPort, cassandraStoragePort};
    String[] keys = {"kafka-port", "kafka-controller-port", "cassandra-port", "cassandra-storage-port"};
    for (int i = 0; i < ports.length; i++) {
      for (int j = i + 1; j < ports.length; j++) {
        if (ports[i] == ports[j]) {
          throw UserError.usage("trendoff.stack." + keys[i] + " and trendoff.stack." + keys[j]
              + " are both " + ports[i] + ": give each service its own port");
        }
      }
    }
  }

  private static int port(Config s, String key) {
    int p = s.getInt(key);
    if (p < 1 || p > 65535) {
      throw UserError.usage("trendoff.stack." + key + " = " + p + " is not a TCP port (1-65535)");
    }
    return p;
  }
}
