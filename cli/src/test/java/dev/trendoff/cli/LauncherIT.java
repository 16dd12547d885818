package dev.trendoff.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigRenderOptions;
import dev.trendoff.localstack.junit.JsonDocs;
import dev.trendoff.localstack.junit.LocalStackExtension;
import dev.trendoff.localstack.junit.TestStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code ./trendoff} as a new user meets it, in a git clone of this repository in a temporary directory
 * (the committed state: commit before running it), with standard output and error pipes, never a
 * terminal: a Java other than 17 refused with one line saying what to install and how to point
 * JAVA_HOME at it (the machine's Java 25 when /usr/lib/jvm has one, and a fake {@code java} script whose
 * -version banner says 25 or 1.8: the launcher's parsing is what is tested). Against the build's test
 * stack, the output of real commands through the launcher: the plain progress lines of produce (no \r,
 * no escapes) and the {@code --json} objects of produce, schema, stack status, bench produce and bench
 * serving checked against docs/json.md. Last, no rebuild while nothing changed, then a rebuild with the
 * Maven wrapper, with its notice and no escape codes, after a tracked source changed. The clone starts
 * with this build's output (see reuseThisBuild), so the one Maven build in this test is that rebuild.
 */
@ExtendWith(LocalStackExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LauncherIT {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String ESC = "\u001b";

  private static Path temp;
  private static Path clone;

  record Run(int exit, String out, String err) {
    String both() {
      return out + err;
    }
  }

  @BeforeAll
  static void cloneTheRepository() throws Exception {
    temp = Files.createTempDirectory("launcher-it");
    clone = temp.resolve("trendoff");
    Path repo = repository();
    Run r = exec(List.of("git", "clone", "--quiet", "--no-hardlinks", repo.toString(), clone.toString()), temp,
        Map.of(), 120);
    assertThat(r.exit()).as(r.both()).isZero();
    reuseThisBuild(repo);
  }

  @AfterAll
  static void removeTheClone() throws IOException {
    if (temp != null) {
      dev.trendoff.localstack.Dirs.deleteTree(temp);
    }
  }

  @Test
  @Order(1)
  void aJavaOtherThan17IsRefusedWithOneLineSayingWhatToDo() throws Exception {
    List<Path> javas = new ArrayList<>();
    javas.add(fakeJava("fake-25", "openjdk version \"25.0.1\" 2025-10-21"));
    javas.add(fakeJava("fake-8", "java version \"1.8.0_392\""));
    Path machine25 = machineJava25();
    if (machine25 != null) {
      javas.add(machine25);
    }
    for (Path java : javas) {
      Run r = trendoff(Map.of("TRENDOFF_JAVA", java.toString()), 60, "stopwords");
      String expectedVersion = java.getParent().getParent().getFileName().toString().equals("fake-8") ? "8" : "25";
      assertThat(r.exit()).as(r.both()).isEqualTo(1);
      assertThat(r.out()).isEmpty();
      assertThat(r.err().lines()).as(r.err()).hasSize(1);
      assertThat(r.err()).startsWith("trendoff: needs Java 17")
          .contains(java + " (from TRENDOFF_JAVA) is Java " + expectedVersion + ";")
          .containsPattern("export JAVA_HOME=\\S+")
          .contains("TRENDOFF_JAVA");
    }
    Run viaHome = trendoff(Map.of("JAVA_HOME", javas.get(0).getParent().getParent().toString()), 60, "stopwords");
    assertThat(viaHome.exit()).isEqualTo(1);
    assertThat(viaHome.err()).contains("(from JAVA_HOME) is Java 25");
    assertThat(clone.resolve("cli/target/launcher.began")).as("refused before any build").doesNotExist();
  }

  @Test
  @Order(2)
  void producePrintsPlainProgressLinesAndItsJsonWhenNotOnATerminal(TestStack stack) throws Exception {
    String topic = stack.freshName("launcher");
    Path conf = configFile(stack, Map.of("kafka.topic", topic, "kafka.dlq-topic", topic + "_dlq",
        "producer.rate-line-interval", "500ms"));
    stack.settingsWith(Map.of("kafka.topic", topic, "kafka.dlq-topic", topic + "_dlq"));
    Run r = trendoff(Map.of("TRENDOFF_CONFIG", conf.toString()), 300,
        "produce", "--source", "synthetic", "--tweets", "600", "--users", "20", "--rate", "300", "--json");
    assertThat(r.exit()).as(r.both()).isZero();
    assertThat(r.both()).doesNotContain("\r").doesNotContain(ESC);
    List<String> progress = r.err().lines().filter(l -> l.startsWith("produce: ")).toList();
    assertThat(progress).as(r.err()).isNotEmpty().allSatisfy(line ->
        assertThat(line).matches("produce: [\\d,]+ sent in \\d+ s, [\\d,]+ tweets/s now, \\d+% of the input read"));
    assertThat(JsonDocs.differences("produce", r.out())).isEmpty();
    JsonNode j = MAPPER.readTree(r.out());
    assertThat(j.get("sent").asLong()).isEqualTo(600);
    assertThat(j.get("source").asText()).isEqualTo("synthetic");
  }

  @Test
  @Order(3)
  void schemaAndStackStatusPrintTheirDocumentedJson(TestStack stack) throws Exception {
    String keyspace = stack.freshName("launcher");
    Path conf = configFile(stack, Map.of("cassandra.keyspace", keyspace));
    Run schema = trendoff(Map.of("TRENDOFF_CONFIG", conf.toString()), 300, "schema", "--json");
    assertThat(schema.exit()).as(schema.both()).isZero();
    assertThat(JsonDocs.differences("schema", schema.out())).isEmpty();
    assertThat(MAPPER.readTree(schema.out()).get("keyspace").asText()).isEqualTo(keyspace);
    assertThat(schema.err()).contains("schema applied");

    Run status = trendoff(Map.of("TRENDOFF_CONFIG", conf.toString()), 300, "stack", "status", "--json");
    assertThat(status.exit()).as(status.both()).isZero();
    assertThat(JsonDocs.differences("stack status", status.out())).isEmpty();
    JsonNode services = MAPPER.readTree(status.out()).get("services");
    assertThat(services.findValuesAsText("name")).containsExactly("kafka", "cassandra");
    assertThat(services.findValues("pid")).extracting(JsonNode::asLong).containsExactlyInAnyOrderElementsOf(stack.pids());
  }

  @Test
  @Order(4)
  void benchmarksPrintTheirDocumentedJsonAndTheirTablesOnStderr(TestStack stack) throws Exception {
    Path conf = configFile(stack, Map.of());
    Run produce = trendoff(Map.of("TRENDOFF_CONFIG", conf.toString()), 300,
        "bench", "produce", "--tweets", "2000", "--users", "20", "--rounds", "1", "--json");
    assertThat(produce.exit()).as(produce.both()).isZero();
    assertThat(JsonDocs.differences("bench produce", produce.out())).isEmpty();
    assertThat(MAPPER.readTree(produce.out()).get("tweets").asLong()).isEqualTo(2000);
    assertThat(produce.err()).contains("ratio trendoff / Kafka:");

    Run serving = trendoff(Map.of("TRENDOFF_CONFIG", conf.toString()), 300,
        "bench", "serving", "--keyspace", stack.freshName("bench"), "--users", "20", "--tweets", "400", "--pairs", "20",
        "--warmup", "5", "--scan-pairs", "0", "--setup", "direct", "--json");
    assertThat(serving.exit()).as(serving.both()).isZero();
    assertThat(JsonDocs.differences("bench serving", serving.out())).isEmpty();
    JsonNode j = MAPPER.readTree(serving.out());
    assertThat(j.get("wrongAnswers").asInt()).isZero();
    assertThat(j.get("servingMillis").get("pairs").asInt()).isEqualTo(20);
    assertThat(serving.err()).contains("trendOff scan: skipped");
  }

  @Test
  @Order(5)
  void aChangedSourceIsRebuiltWithANoticeAndNoEscapeCodes() throws Exception {
    Run before = trendoff(Map.of(), 120, "stopwords", "--json");
    assertThat(before.exit()).as(before.both()).isZero();
    assertThat(before.err()).as("the build is up to date").doesNotContain("building");
    assertThat(JsonDocs.differences("stopwords", before.out())).isEmpty();
    Run help = trendoff(Map.of(), 120, "--help");
    assertThat(help.out()).contains("compare-users").doesNotContain(ESC);

    Path source = clone.resolve("cli/src/main/java/dev/trendoff/cli/StopwordsCommand.java");
    String text = Files.readString(source);
    String changed = text.replace("Print the English stopword list", "Print the (changed by LauncherIT) English stopword list");
    assertThat(changed).isNotEqualTo(text);
    Files.writeString(source, changed);

    Run r = trendoff(Map.of(), 1200, "stopwords", "--help");
    assertThat(r.exit()).as(r.both()).isZero();
    assertThat(r.err()).contains("trendoff: cli/src/main/java/dev/trendoff/cli/StopwordsCommand.java changed since the last"
        + " build: building (./mvnw").containsPattern("trendoff: built in \\d+ s");
    assertThat(r.out()).contains("changed by LauncherIT");
    assertThat(r.both()).as("Maven's output off a terminal").doesNotContain(ESC);
    assertThat(Files.readString(clone.resolve("cli/target/classpath.txt"))).as("the clone's own build")
        .contains(clone.resolve("core/target").toString());

    Run again = trendoff(Map.of(), 120, "stopwords", "--help");
    assertThat(again.err()).doesNotContain("building");
    assertThat(again.out()).contains("changed by LauncherIT");
  }

  // ---- helpers ----

  /**
   * The build of this repository, reused by the clone: the launcher's files of cli/target (its classpath names
   * this repository's module jars, built by the Maven run this test is part of) and a fresh stamp.
   */
  private static void reuseThisBuild(Path repo) throws IOException {
    Path from = repo.resolve("cli/target");
    Path to = Files.createDirectories(clone.resolve("cli/target/launcher"));
    Files.copy(from.resolve("classpath.txt"), to.getParent().resolve("classpath.txt"));
    Files.copy(from.resolve("launcher/jvm.flags"), to.resolve("jvm.flags"));
    try (var jars = Files.list(from)) {
      for (Path jar : jars.filter(f -> f.getFileName().toString().matches("trendoff-cli-.*\\.jar")).toList()) {
        Files.copy(jar, to.getParent().resolve(jar.getFileName()));
      }
    }
    Files.writeString(to.getParent().resolve("launcher.stamp"), "");
  }

  /** The repository this test runs in: the nearest directory above the working directory with the launcher and .mvn/. */
  private static Path repository() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isExecutable(dir.resolve("trendoff")) && Files.isDirectory(dir.resolve(".mvn"))) {
        return dir;
      }
    }
    throw new AssertionError("no repository (trendoff and .mvn/) above " + Path.of("").toAbsolutePath());
  }

  /** A {@code java} that only prints {@code banner} for -version, as a JDK's does, under {@code temp/name/bin}. */
  private static Path fakeJava(String name, String banner) throws IOException {
    Path bin = Files.createDirectories(temp.resolve(name).resolve("bin"));
    Path java = bin.resolve("java");
    Files.writeString(java, "#!/bin/sh\necho '" + banner + "' >&2\necho 'OpenJDK Runtime Environment' >&2\nexit 0\n");
    Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
    return java;
  }

  /** The machine's Java 25 (/usr/lib/jvm/*25*), when it has one. */
  private static Path machineJava25() throws IOException {
    Path jvm = Path.of("/usr/lib/jvm");
    if (!Files.isDirectory(jvm)) {
      return null;
    }
    try (var homes = Files.list(jvm)) {
      return homes.filter(h -> h.getFileName().toString().contains("-25")).map(h -> h.resolve("bin/java"))
          .filter(Files::isExecutable).findFirst().orElse(null);
    }
  }

  /** The test stack's configuration with {@code overrides}, as a trendoff.conf file for TRENDOFF_CONFIG. */
  private static Path configFile(TestStack stack, Map<String, ?> overrides) throws IOException {
    Config c = stack.configWith(overrides);
    Path file = Files.createTempFile(temp, "trendoff", ".conf");
    Files.writeString(file, "trendoff " + c.getConfig("trendoff").root().render(ConfigRenderOptions.concise().setJson(true))
        + "\n", StandardCharsets.UTF_8);
    return file;
  }

  /** {@code ./trendoff args} in the clone, with Java 17 (this JVM's) as JAVA_HOME unless {@code env} says otherwise. */
  private static Run trendoff(Map<String, String> env, long timeoutSeconds, String... args) throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add(clone.resolve("trendoff").toString());
    cmd.addAll(List.of(args));
    Map<String, String> e = new java.util.HashMap<>(Map.of("JAVA_HOME", System.getProperty("java.home"),
        "TRENDOFF_JAVA_OPTS", "-Xmx512m"));
    e.putAll(env);
    return exec(cmd, clone, e, timeoutSeconds);
  }

  /** Runs {@code cmd} in {@code dir} with stdout and stderr to files (no terminal), TRENDOFF_* and MAVEN_* cleared. */
  private static Run exec(List<String> cmd, Path dir, Map<String, String> env, long timeoutSeconds) throws Exception {
    Path out = Files.createTempFile(temp, "out", ".txt");
    Path err = Files.createTempFile(temp, "err", ".txt");
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile())
        .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
        .redirectOutput(out.toFile()).redirectError(err.toFile());
    pb.environment().keySet().removeIf(k -> k.startsWith("TRENDOFF_") || k.startsWith("MAVEN_") || k.equals("JAVA_HOME"));
    pb.environment().putAll(env);
    Process p = pb.start();
    if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly().waitFor();
      throw new AssertionError(String.join(" ", cmd) + " did not finish within " + timeoutSeconds + " s:\n"
          + Files.readString(err));
    }
    return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
  }
}
