package dev.trendoff.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

import dev.trendoff.core.Secrets;

/**
 * Kafka 4.1 as a child JVM: one KRaft node that is broker and controller, its server.properties
 * (written by code: 127.0.0.1 only, replication factors 1, topic auto-creation off; SASL_SSL when the
 * stack is secured), the storage format step, and the command line.
 */
final class KafkaNode {

  static final String MAIN_CLASS = "kafka.Kafka";
  static final String STORAGE_TOOL = "kafka.tools.StorageTool";

  private final StackSettings s;
  private final StackSecrets secrets;

  /** @param secrets the secured stack's keys and passwords; null for a plain-text stack */
  KafkaNode(StackSettings s, StackSecrets secrets) {
    this.s = s;
    this.secrets = secrets;
  }

  ServerProcess process() {
    return new ServerProcess("kafka", ServerProcess.marker("kafka", s.dir()), s.dir().resolve("kafka.pid"),
        s.logDir().resolve("kafka.log"));
  }

  Path propertiesFile() {
    return s.kafkaDir().resolve("server.properties");
  }

  Path log4jFile() {
    return s.kafkaDir().resolve("log4j2.xml");
  }

  Path dataDir() {
    return s.kafkaDir().resolve("data");
  }

  /** True once the storage has been formatted (then it must not be formatted again). */
  boolean formatted() {
    return Files.isRegularFile(dataDir().resolve("meta.properties"));
  }

  /**
   * server.properties for one node on 127.0.0.1. Secured ({@code secrets} not null): the client listener
   * is SASL_SSL with SCRAM-SHA-512 (also the broker's own, inter-broker, login as {@value StackSecrets#KAFKA_ADMIN})
   * and the stack's server certificate; the KRaft controller listener stays plain text on 127.0.0.1
   * (docs/security.md says who can reach it).
   */
  static String properties(StackSettings s, StackSecrets secrets) {
    String host = StackSettings.HOST;
    String client = secrets == null ? "PLAINTEXT" : "SASL_SSL";
    List<String> lines = new ArrayList<>(List.of(
        "# written by trendoff local-stack; rewritten at every start",
        "process.roles=broker,controller",
        "node.id=1",
        "controller.quorum.voters=1@" + host + ":" + s.kafkaControllerPort(),
        "listeners=" + client + "://" + host + ":" + s.kafkaPort() + ",CONTROLLER://" + host + ":" + s.kafkaControllerPort(),
        "advertised.listeners=" + client + "://" + host + ":" + s.kafkaPort(),
        "controller.listener.names=CONTROLLER",
        "inter.broker.listener.name=" + client,
        "listener.security.protocol.map=" + client + ":" + client + ",CONTROLLER:PLAINTEXT"));
    if (secrets != null) {
      lines.addAll(List.of(
          "sasl.enabled.mechanisms=" + StackSecrets.SCRAM,
          "sasl.mechanism.inter.broker.protocol=" + StackSecrets.SCRAM,
          "listener.name.sasl_ssl.scram-sha-512.sasl.jaas.config="
              + StackSecrets.scramJaas(StackSecrets.KAFKA_ADMIN, secrets.kafkaAdminPassword()),
          "ssl.keystore.type=PKCS12",
          "ssl.keystore.location=" + secrets.keystore(),
          "ssl.keystore.password=" + secrets.keystorePassword(),
          "ssl.key.password=" + secrets.keystorePassword(),
          "ssl.truststore.type=PKCS12",
          "ssl.truststore.location=" + secrets.truststore(),
          "ssl.truststore.password=" + secrets.truststorePassword(),
          "ssl.client.auth=none"));
    }
    lines.addAll(List.of(
        "log.dirs=" + s.kafkaDir().resolve("data"),
        // topics are created explicitly (KafkaTopics): a typo must not silently make an empty topic
        "auto.create.topics.enable=false",
        "num.partitions=1",
        "default.replication.factor=1",
        "min.insync.replicas=1",
        "offsets.topic.replication.factor=1",
        "offsets.topic.num.partitions=4",
        "transaction.state.log.replication.factor=1",
        "transaction.state.log.min.isr=1",
        "transaction.state.log.num.partitions=4",
        "share.coordinator.state.topic.replication.factor=1",
        "share.coordinator.state.topic.min.isr=1",
        "group.initial.rebalance.delay.ms=0",
        "num.network.threads=2",
        "num.io.threads=4",
        "num.recovery.threads.per.data.dir=1",
        "log.retention.hours=168",
        ""));
    return String.join("\n", lines);
  }

  /** True when the configuration file on disk is what the current settings would write. */
  boolean configMatches() {
    try {
      return properties(s, secrets).equals(Files.readString(propertiesFile(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      return false;
    }
  }

  /** Writes server.properties (mode 600: a secured one holds passwords) and the log4j2 configuration. */
  void writeConfig() throws IOException {
    Files.createDirectories(dataDir());
    Files.createDirectories(s.logDir());
    Secrets.writePrivate(propertiesFile(), properties(s, secrets));
    try (InputStream in = KafkaNode.class.getResourceAsStream("kafka-log4j2.xml")) {
      Files.copy(in, log4jFile(), StandardCopyOption.REPLACE_EXISTING);
    }
  }

  List<String> jvmOptions() {
    List<String> o = new ArrayList<>();
    o.add(process().marker());
    o.add("-Xms128m");
    o.add("-Xmx" + s.kafkaHeap());
    o.add("-XX:+UseG1GC");
    o.add("-XX:MaxGCPauseMillis=20");
    o.add("-XX:InitiatingHeapOccupancyPercent=35");
    o.add("-XX:+ExplicitGCInvokesConcurrent");
    o.add("-Djava.awt.headless=true");
    o.add("-Djava.net.preferIPv4Stack=true");
    o.add("-Dlog4j2.configurationFile=" + log4jFile().toUri());
    o.add("-Dkafka.logs.dir=" + s.logDir());
    return o;
  }

  /**
   * {@code kafka-storage.sh format -t <cluster id> -c server.properties} (static voters: no --standalone);
   * secured, with the SCRAM users ({@value StackSecrets#KAFKA_ADMIN} and {@value StackSecrets#APP_USER})
   * added to the metadata log: those arguments hold passwords, so the caller hands them to java in an
   * argument file ({@link dev.trendoff.core.SecretFile#javaArgFile}), never on the command line.
   */
  List<String> formatCommand(Path java, List<Path> classpath, String clusterId) {
    List<String> cmd = new ArrayList<>();
    cmd.add(java.toString());
    cmd.add("-Xmx256m");
    cmd.add("-Dlog4j2.configurationFile=" + log4jFile().toUri());
    cmd.add("-cp");
    cmd.add(RuntimeClasspath.join(classpath));
    cmd.add(STORAGE_TOOL);
    cmd.addAll(List.of("format", "-t", clusterId, "-c", propertiesFile().toString()));
    if (secrets != null) {
      cmd.addAll(List.of("--add-scram", scram(StackSecrets.KAFKA_ADMIN, secrets.kafkaAdminPassword()),
          "--add-scram", scram(StackSecrets.APP_USER, secrets.kafkaAppPassword())));
    }
    return cmd;
  }

  private static String scram(String user, String password) {
    return StackSecrets.SCRAM + "=[name=" + user + ",password=" + password + "]";
  }

  List<String> command(Path java, List<Path> classpath) {
    List<String> cmd = new ArrayList<>();
    cmd.add(java.toString());
    cmd.addAll(jvmOptions());
    cmd.add("-cp");
    cmd.add(RuntimeClasspath.join(classpath));
    cmd.add(MAIN_CLASS);
    cmd.add(propertiesFile().toString());
    return cmd;
  }
}
