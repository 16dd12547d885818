package dev.trendoff.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import dev.trendoff.core.TrendoffConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaNodeTest {

  @TempDir Path dir;

  private StackSettings settings() {
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("stack.dir", dir.toString());
    o.put("stack.kafka-port", 19092);
    o.put("stack.kafka-controller-port", 19093);
    return StackSettings.from(TrendoffConfig.withOverrides(TrendoffConfig.load(null, Map.of(), new Properties()), o));
  }

  @Test
  void serverPropertiesAreOneKraftNodeOnLoopbackWithoutTopicAutoCreation() throws Exception {
    StackSettings s = settings();
    Properties p = new Properties();
    p.load(new StringReader(KafkaNode.properties(s, null)));
    assertThat(p.getProperty("process.roles")).isEqualTo("broker,controller");
    assertThat(p.getProperty("controller.quorum.voters")).isEqualTo("1@127.0.0.1:19093");
    assertThat(p.getProperty("listeners")).isEqualTo("PLAINTEXT://127.0.0.1:19092,CONTROLLER://127.0.0.1:19093");
    assertThat(p.getProperty("advertised.listeners")).isEqualTo("PLAINTEXT://127.0.0.1:19092");
    assertThat(p.getProperty("auto.create.topics.enable")).isEqualTo("false");
    assertThat(p.getProperty("log.dirs")).isEqualTo(dir.resolve("kafka/data").toString());
    for (String rf : List.of("offsets.topic.replication.factor", "transaction.state.log.replication.factor",
        "default.replication.factor", "transaction.state.log.min.isr", "share.coordinator.state.topic.replication.factor")) {
      assertThat(p.getProperty(rf)).as(rf).isEqualTo("1");
    }
  }

  @Test
  void commandsRunKafkaAndTheStorageToolOnTheKafkaClasspath() {
    StackSettings s = settings();
    KafkaNode k = new KafkaNode(s, null);
    Path java = Path.of("/j/bin/java");
    List<String> run = k.command(java, List.of(Path.of("/a.jar"), Path.of("/b.jar")));
    assertThat(run.get(0)).isEqualTo("/j/bin/java");
    assertThat(run.get(1)).isEqualTo(ServerProcess.marker("kafka", s.dir()));
    assertThat(run).contains("-Xmx512m", "/a.jar:/b.jar");
    assertThat(run.subList(run.size() - 2, run.size())).containsExactly(KafkaNode.MAIN_CLASS, k.propertiesFile().toString());
    List<String> format = k.formatCommand(java, List.of(Path.of("/a.jar")), "abc");
    assertThat(format).containsSequence(KafkaNode.STORAGE_TOOL, "format", "-t", "abc", "-c", k.propertiesFile().toString())
        .doesNotContain("--standalone");
  }

  @Test
  void kafkaToolsRunOnTheBrokerClasspathNotOurs() {
    List<String> cmd = KafkaTools.command(KafkaTools.PRODUCER_PERFORMANCE, List.of("--help"));
    String cp = cmd.get(cmd.indexOf("-cp") + 1);
    assertThat(cp).contains("kafka-tools-4.1.1.jar").contains("kafka-clients-4.1.1.jar").contains("log4j-slf4j-impl")
        .doesNotContain("kafka-clients-3.");
    assertThat(cmd.subList(cmd.size() - 2, cmd.size())).containsExactly(KafkaTools.PRODUCER_PERFORMANCE, "--help");
  }
}
