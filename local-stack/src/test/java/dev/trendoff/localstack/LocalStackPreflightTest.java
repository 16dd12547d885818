package dev.trendoff.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import dev.trendoff.core.TrendoffConfig;
import dev.trendoff.core.UserError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input that `stack up` refuses before it starts anything (no servers needed). */
class LocalStackPreflightTest {

  @TempDir Path tmp;

  private LocalStack stack(Map<String, Object> extra) {
    List<Integer> ports = Ports.free(4);
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("stack.dir", tmp.resolve("var").toString());
    o.put("stack.kafka-port", ports.get(0));
    o.put("stack.kafka-controller-port", ports.get(1));
    o.put("stack.cassandra-port", ports.get(2));
    o.put("stack.cassandra-storage-port", ports.get(3));
    o.putAll(extra);
    return new LocalStack(TrendoffConfig.withOverrides(TrendoffConfig.load(null, Map.of(), new Properties()), o));
  }

  private static PrintStream quiet() {
    return new PrintStream(new ByteArrayOutputStream());
  }

  @Test
  void aPortAlreadyTakenNamesThePortAndTheKeyAndStartsNothing() throws Exception {
    try (ServerSocket taken = new ServerSocket()) {
      taken.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
      LocalStack stack = stack(Map.of("stack.kafka-port", taken.getLocalPort()));
      assertThatThrownBy(() -> stack.up(false, quiet()))
          .isInstanceOf(UserError.class)
          .hasMessageContaining("port " + taken.getLocalPort())
          .hasMessageContaining("already taken")
          .hasMessageContaining("trendoff.stack.kafka-port")
          .hasMessageContaining("TRENDOFF_STACK_KAFKA_PORT")
          .hasMessageNotContaining("\n");
      assertThat(stack.pids()).isEmpty();
      assertThat(tmp.resolve("var/cassandra.pid")).doesNotExist();
      assertThat(tmp.resolve("var/kafka.pid")).doesNotExist();
    }
  }

  @Test
  void aDataDirectoryThatCannotBeWrittenNamesTheKey() throws Exception {
    Path file = Files.writeString(tmp.resolve("a-file"), "not a directory");
    LocalStack stack = stack(Map.of("stack.dir", file.resolve("var").toString()));
    assertThatThrownBy(() -> stack.up(false, quiet()))
        .isInstanceOf(UserError.class)
        .hasMessageContaining(file.resolve("var") + " is not writable")
        .hasMessageContaining("trendoff.stack.dir")
        .hasMessageNotContaining("\n");
  }

  @Test
  void aCassandraJavaThatIsTooNewIsOneClearLine() throws Exception {
    Path home = Files.createDirectories(tmp.resolve("jdk-25/bin")).getParent();
    Path java = Files.writeString(home.resolve("bin/java"), "#!/bin/sh\n");
    assertThat(java.toFile().setExecutable(true)).isTrue();
    Files.writeString(home.resolve("release"), "JAVA_VERSION=\"25.0.1\"\n");
    LocalStack stack = stack(Map.of("stack.cassandra-java-home", home.toString()));
    assertThatThrownBy(() -> stack.up(false, quiet()))
        .isInstanceOf(UserError.class)
        .hasMessageContaining("is Java 25")
        .hasMessageContaining("Cassandra 5.0 needs Java 17 or 11")
        .hasMessageNotContaining("\n");
    assertThat(stack.pids()).isEmpty();
  }

  @Test
  void statusOfAStackThatNeverRanIsDownWithoutPids() {
    LocalStack stack = stack(Map.of());
    List<LocalStack.ServiceStatus> status = stack.status();
    assertThat(status).extracting(LocalStack.ServiceStatus::name).containsExactly("kafka", "cassandra");
    assertThat(status).noneMatch(LocalStack.ServiceStatus::up).allMatch(s -> s.pid().isEmpty());
    assertThat(status.get(0).toString()).startsWith("kafka").contains("down").contains(stack.settings().kafkaBootstrapServers());
  }

  @Test
  void dataSizeCountsDiskUsedNotSparseLength() throws Exception {
    Path d = Files.createDirectories(tmp.resolve("data"));
    try (java.io.RandomAccessFile sparse = new java.io.RandomAccessFile(d.resolve("00000.index").toFile(), "rw")) {
      sparse.setLength(10L * 1024 * 1024); // what Kafka preallocates for an index
    }
    Files.write(d.resolve("00000.log"), new byte[200 * 1024]);
    long used = LocalStack.sizeOf(d);
    assertThat(used).isBetween(200L * 1024, 2L * 1024 * 1024);
    assertThat(LocalStack.sizeOf(tmp.resolve("missing"))).isZero();
  }

  @Test
  void humanSizes() {
    assertThat(LocalStack.human(512)).isEqualTo("512 B");
    assertThat(LocalStack.human(2048)).isEqualTo("2.0 KiB");
    assertThat(LocalStack.human(3L * 1024 * 1024 * 1024)).isEqualTo("3.0 GiB");
  }
}
