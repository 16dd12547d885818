package dev.trendoff.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import com.typesafe.config.Config;
import dev.trendoff.core.Settings;
import dev.trendoff.core.TrendoffConfig;
import dev.trendoff.core.UserError;
import org.junit.jupiter.api.Test;

class StackSettingsTest {

  private static Config load(Map<String, String> env) {
    return TrendoffConfig.load(null, env, new Properties());
  }

  @Test
  void defaultsAreTheDocumentedPortsAndVarUnderTheWorkingDirectory() {
    StackSettings s = StackSettings.from(load(Map.of()));
    assertThat(s.kafkaPort()).isEqualTo(9092);
    assertThat(s.kafkaControllerPort()).isEqualTo(9093);
    assertThat(s.cassandraPort()).isEqualTo(9042);
    assertThat(s.cassandraStoragePort()).isEqualTo(7000);
    assertThat(s.dir()).isEqualTo(Path.of("var").toAbsolutePath());
    assertThat(s.logDir()).isEqualTo(s.dir().resolve("log"));
    assertThat(s.classArchiveDir()).isEqualTo(s.dir().resolve("cds"));
    assertThat(s.startTimeout()).isEqualTo(Duration.ofSeconds(180));
    assertThat(s.cassandraJavaHome()).isEmpty();
  }

  @Test
  void theDefaultClientSettingsAgreeWithTheDefaultStack() {
    Config c = load(Map.of());
    StackSettings s = StackSettings.from(c);
    Settings client = Settings.from(c);
    assertThat(client.kafka().bootstrapServers()).isEqualTo(s.kafkaBootstrapServers());
    assertThat(client.cassandra().contactPoints()).hasSize(1);
    assertThat(client.cassandra().contactPoints().get(0).getHostString() + ":"
        + client.cassandra().contactPoints().get(0).getPort()).isEqualTo(s.cassandraContactPoint());
  }

  @Test
  void environmentMovesThePortsAndClientOverridesFollowThem() {
    Config c = load(Map.of("TRENDOFF_STACK_KAFKA_PORT", "19092", "TRENDOFF_STACK_CASSANDRA_PORT", "19042",
        "TRENDOFF_STACK_DIR", "/tmp/elsewhere"));
    StackSettings s = StackSettings.from(c);
    assertThat(s.kafkaBootstrapServers()).isEqualTo("127.0.0.1:19092");
    assertThat(s.dir()).isEqualTo(Path.of("/tmp/elsewhere"));
    Settings client = Settings.from(TrendoffConfig.withOverrides(c, s.clientOverrides()));
    assertThat(client.kafka().bootstrapServers()).isEqualTo("127.0.0.1:19092");
    assertThat(client.cassandra().contactPoints().get(0).getPort()).isEqualTo(19042);
  }

  @Test
  void twoServicesOnOnePortIsAUsageError() {
    Config c = load(Map.of("TRENDOFF_STACK_KAFKA_PORT", "9042"));
    assertThatThrownBy(() -> StackSettings.from(c)).isInstanceOf(UserError.class)
        .hasMessageContaining("trendoff.stack.kafka-port").hasMessageContaining("trendoff.stack.cassandra-port")
        .hasMessageContaining("9042");
  }

  @Test
  void aPortOutOfRangeIsAUsageError() {
    Config c = load(Map.of("TRENDOFF_STACK_CASSANDRA_PORT", "70000"));
    assertThatThrownBy(() -> StackSettings.from(c)).isInstanceOf(UserError.class)
        .hasMessageContaining("trendoff.stack.cassandra-port = 70000");
  }

  @Test
  void anUnknownStackKeyIsRejected() {
    Properties p = new Properties();
    p.setProperty("trendoff.stack.kafka-prot", "1");
    assertThatThrownBy(() -> TrendoffConfig.load(null, Map.of(), p)).isInstanceOf(UserError.class)
        .hasMessageContaining("trendoff.stack.kafka-prot");
    assertThatThrownBy(() -> load(Map.of("TRENDOFF_STACK_KAFKA_PROT", "1"))).isInstanceOf(UserError.class)
        .hasMessageContaining("TRENDOFF_STACK_KAFKA_PROT");
  }

  @Test
  void clientOverridesNameBothClientKeys() {
    StackSettings s = StackSettings.from(load(Map.of()));
    assertThat(s.clientOverrides()).containsEntry("kafka.bootstrap-servers", "127.0.0.1:9092")
        .containsEntry("cassandra.contact-points", List.of("127.0.0.1:9042"));
  }
}
