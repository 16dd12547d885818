package dev.trendoff.localstack.junit;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.typesafe.config.Config;
import dev.trendoff.core.KafkaTopics;
import dev.trendoff.core.Schema;
import dev.trendoff.core.Settings;
import dev.trendoff.core.TrendoffConfig;
import dev.trendoff.localstack.LocalStack;
import dev.trendoff.localstack.StackSettings;

/**
 * The running stack of this test JVM, as a test sees it (resolved as a parameter by
 * {@link LocalStackExtension}). Its {@link #settings()} and {@link #config()} are the loaded trendoff
 * configuration with {@code trendoff.kafka.bootstrap-servers} and {@code trendoff.cassandra.contact-points}
 * pointing at this stack; the default topics exist and the schema is applied.
 */
public final class TestStack {

  private static final AtomicInteger COUNTER = new AtomicInteger();

  private final LocalStack stack;
  private final boolean ownStack;
  private final Config config;
  private final Settings settings;

  TestStack(LocalStack stack, boolean ownStack) {
    this.stack = stack;
    this.ownStack = ownStack;
    this.config = stack.clientConfig();
    this.settings = Settings.from(config);
  }

  /** The trendoff settings pointing at this stack. */
  public Settings settings() {
    return settings;
  }

  /** The whole trendoff configuration (root {@code trendoff}) pointing at this stack; read module sections from it. */
  public Config config() {
    return config;
  }

  /** {@code 127.0.0.1:<port>} of the broker. */
  public String kafkaBootstrapServers() {
    return stack.settings().kafkaBootstrapServers();
  }

  /** The CQL address of the Cassandra node. */
  public InetSocketAddress cassandraAddress() {
    return new InetSocketAddress(StackSettings.HOST, stack.settings().cassandraPort());
  }

  /** The stack's data directory (a temporary directory, deleted when the test JVM's stack stops). */
  public Path dir() {
    return stack.settings().dir();
  }

  /** The stack's own settings (ports, directories). */
  public StackSettings stackSettings() {
    return stack.settings();
  }

  /**
   * {@link #config()} with {@code overrides} applied ({@code trendoff.}-relative keys, e.g.
   * {@code "kafka.topic"} or {@code "cassandra.keyspace"}); unknown keys are an error.
   */
  public Config configWith(Map<String, ?> overrides) {
    return TrendoffConfig.withOverrides(config, overrides);
  }

  /**
   * Settings with {@code overrides} applied, after creating their Kafka topics (topic, dlq-topic)
   * and applying the schema to their keyspace, both idempotently. Use it with {@link #freshName}
   * for a test that needs its own topic or keyspace:
   * <pre>{@code
   * Settings mine = stack.settingsWith(Map.of(
   *     "kafka.topic", stack.freshName("tweets"),
   *     "kafka.dlq-topic", stack.freshName("dlq"),
   *     "cassandra.keyspace", stack.freshName("ks")));
   * }</pre>
   */
  public Settings settingsWith(Map<String, ?> overrides) {
    Settings s = Settings.from(configWith(overrides));
    KafkaTopics.ensure(s.kafka());
    Schema.apply(s.cassandra());
    return s;
  }

  /**
   * A name not used before in this test JVM, valid as a Kafka topic and as a Cassandra keyspace or
   * table: {@code prefix} (lower-cased, non-alphanumerics as '_') + '_' + a counter + '_' + a random part.
   */
  public String freshName(String prefix) {
    String p = prefix.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
    if (p.isEmpty() || !Character.isLetter(p.charAt(0))) {
      p = "t" + p;
    }
    String suffix = "_" + COUNTER.incrementAndGet() + "_" + Long.toString(System.nanoTime() & 0xffffff, 36);
    return p.substring(0, Math.min(p.length(), 40 - suffix.length())) + suffix;
  }

  /** Pids of the stack's server processes that are alive (Kafka, Cassandra). */
  public List<Long> pids() {
    return stack.pids();
  }

  /**
   * {@code kill -9} of the Kafka broker; returns once it is dead. Only on a stack of the test JVM's
   * own (failsafe property {@code test-stack.own}): the build's shared stack serves other modules.
   */
  public void killKafka() {
    kill(stack.kafkaPid(), "Kafka");
  }

  /** {@code kill -9} of the Cassandra node; returns once it is dead. Only on a stack of the test JVM's own. */
  public void killCassandra() {
    kill(stack.cassandraPid(), "Cassandra");
  }

  /** Starts again whichever server is not running (after a kill) and waits until both answer. */
  public void restart() {
    requireOwn();
    stack.up(false, System.err);
  }

  private void kill(java.util.Optional<Long> pid, String what) {
    requireOwn();
    ProcessHandle h = pid.flatMap(ProcessHandle::of).orElseThrow(() -> new IllegalStateException(what + " is not running"));
    h.destroyForcibly();
    h.onExit().join();
  }

  private void requireOwn() {
    if (!ownStack) {
      throw new IllegalStateException("the build's shared test stack cannot be killed or restarted: give the module"
          + " a stack of its own (failsafe system property test-stack.own = true)");
    }
  }

  @Override
  public String toString() {
    return "TestStack[kafka=" + kafkaBootstrapServers() + ", cassandra=" + cassandraAddress() + ", dir=" + dir() + "]";
  }
}
