package dev.trendoff.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import dev.trendoff.core.TrendoffConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CassandraNodeTest {

  @TempDir Path dir;

  private StackSettings settings() {
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("stack.dir", dir.toString());
    o.put("stack.cassandra-port", 19042);
    o.put("stack.cassandra-storage-port", 17000);
    return StackSettings.from(TrendoffConfig.withOverrides(TrendoffConfig.load(null, Map.of(), new Properties()), o));
  }

  /** The YAML as key -> value for its top-level "key: value" lines. */
  private static Map<String, String> topLevel(String yaml) {
    Map<String, String> m = new LinkedHashMap<>();
    for (String line : yaml.split("\n")) {
      if (!line.isBlank() && !line.startsWith(" ") && !line.startsWith("#")) {
        int colon = line.indexOf(':');
        m.put(line.substring(0, colon), line.substring(colon + 1).strip());
      }
    }
    return m;
  }

  @Test
  void yamlIsOneNodeOnLoopbackWithThe50UnitStyleAndTheConfiguredPorts() {
    StackSettings s = settings();
    String yaml = CassandraNode.yaml(s, null);
    Map<String, String> y = topLevel(yaml);
    assertThat(y).containsEntry("num_tokens", "1")
        .containsEntry("listen_address", "127.0.0.1")
        .containsEntry("rpc_address", "127.0.0.1")
        .containsEntry("native_transport_port", "19042")
        .containsEntry("storage_port", "17000")
        .containsEntry("commitlog_sync", "batch")
        .containsEntry("commitlog_disk_access_mode", "auto")
        .containsEntry("concurrent_writes", "64")
        .doesNotContainKey("commitlog_sync_period")
        .containsEntry("memtable_heap_space", "128MiB")
        .containsEntry("start_native_transport", "true")
        .containsEntry("commitlog_directory", dir.resolve("cassandra/commitlog").toString());
    assertThat(yaml).contains("- seeds: \"127.0.0.1:17000\"").contains("  - " + dir.resolve("cassandra/data"));
    // 5.0 unit style only: no pre-4.1 "_in_ms" / "_in_mb" keys
    assertThat(y.keySet()).noneMatch(k -> k.endsWith("_in_ms") || k.endsWith("_in_mb") || k.endsWith("_in_kb"));
    // no address other than loopback anywhere
    assertThat(yaml).doesNotContain("0.0.0.0").doesNotContain("localhost");
  }

  @Test
  void jvmOptionsCarryTheMarkerHeapModuleFlagsAndDirectories() {
    StackSettings s = settings();
    List<String> o = new CassandraNode(s, null).jvmOptions();
    assertThat(o.get(0)).isEqualTo(ServerProcess.marker("cassandra", s.dir()));
    assertThat(o).contains("-Xmx512m", "-Dcassandra-foreground=yes", "-Dcassandra.storagedir=" + s.cassandraDir(),
        "-Dcassandra.logdir=" + s.logDir(), "java.base/sun.nio.ch=ALL-UNNAMED", "java.base/jdk.internal.ref=ALL-UNNAMED",
        "java.base/java.io=ALL-UNNAMED");
    assertThat(o).anyMatch(x -> x.startsWith("-Dcassandra.config=file:") && x.endsWith("cassandra.yaml"));
  }

  @Test
  void moduleFlagsComeFromTheArgumentFileOptionAndValuePairsWithoutComments() {
    // 1 system property, then 9 --add-exports and 17 --add-opens, each followed by its module/package=ALL-UNNAMED
    assertThat(CassandraNode.MODULE_FLAGS).hasSize(1 + 2 * 26);
    assertThat(CassandraNode.MODULE_FLAGS.get(0)).isEqualTo("-Djdk.attach.allowAttachSelf=true");
    assertThat(CassandraNode.MODULE_FLAGS.subList(1, 3)).containsExactly("--add-exports", "java.base/jdk.internal.misc=ALL-UNNAMED");
    assertThat(CassandraNode.MODULE_FLAGS).filteredOn(f -> f.startsWith("--add-")).hasSize(26);
    assertThat(CassandraNode.MODULE_FLAGS).noneMatch(f -> f.contains("#") || f.isBlank());
  }

  @Test
  void classArchiveIsRecordedOnceThenLoaded() throws Exception {
    StackSettings s = settings();
    CassandraNode node = new CassandraNode(s, null);
    JavaRuntimes.Runtime java = new JavaRuntimes.Runtime(Path.of(System.getProperty("java.home")), 17);
    List<Path> cp = List.of(Path.of("/x/a.jar"));

    List<String> first = node.command(java, cp);
    String record = first.stream().filter(a -> a.startsWith("-XX:ArchiveClassesAtExit=")).findFirst().orElseThrow();
    assertThat(first).noneMatch(a -> a.startsWith("-XX:SharedArchiveFile="));
    assertThat(first.get(first.size() - 1)).isEqualTo(CassandraNode.MAIN_CLASS);

    // the server "exits" having written the archive to the temporary name; stopping promotes it
    Path tmp = Path.of(record.substring(record.indexOf('=') + 1));
    Files.write(tmp, new byte[] {1, 2, 3});
    node.promoteClassArchive();
    Path archive = node.classArchive(java, cp);
    assertThat(archive).exists().hasBinaryContent(new byte[] {1, 2, 3});
    assertThat(tmp).doesNotExist();

    List<String> second = node.command(java, cp);
    assertThat(second).contains("-XX:SharedArchiveFile=" + archive).noneMatch(a -> a.startsWith("-XX:ArchiveClassesAtExit="));
    // another classpath gets another archive
    assertThat(node.classArchive(java, List.of(Path.of("/x/b.jar")))).isNotEqualTo(archive);
  }

  @Test
  void anArchiveThatWasNeverWrittenIsForgotten() throws Exception {
    StackSettings s = settings();
    CassandraNode node = new CassandraNode(s, null);
    JavaRuntimes.Runtime java = new JavaRuntimes.Runtime(Path.of(System.getProperty("java.home")), 17);
    node.command(java, List.of(Path.of("/x/a.jar")));
    node.promoteClassArchive(); // killed with -9: nothing written
    assertThat(node.classArchive(java, List.of(Path.of("/x/a.jar")))).doesNotExist();
    assertThat(node.pendingArchiveNote()).doesNotExist();
  }
}
