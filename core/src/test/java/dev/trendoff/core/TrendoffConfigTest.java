package dev.trendoff.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.typesafe.config.Config;

class TrendoffConfigTest {

  @TempDir Path dir;

  private Path file(String content) throws Exception {
    Path f = dir.resolve("trendoff.conf");
    Files.writeString(f, content);
    return f;
  }

  private static Properties props(String... kv) {
    Properties p = new Properties();
    for (int i = 0; i < kv.length; i += 2) {
      p.setProperty(kv[i], kv[i + 1]);
    }
    return p;
  }

  @Test
  void defaultsComeFromReferenceConf() {
    Settings s = Settings.from(TrendoffConfig.load(null, Map.of(), new Properties()));
    assertThat(s.kafka().bootstrapServers()).isEqualTo("127.0.0.1:9092");
    assertThat(s.kafka().topic()).isEqualTo("tweets");
    assertThat(s.kafka().partitions()).isEqualTo(4);
    assertThat(s.cassandra().keyspace()).isEqualTo("trendoff");
    assertThat(s.cassandra().contactPoints()).hasSize(1);
  }

  @Test
  void consistencyLevelsAreParsedOnceAnyCaseAndAWrongOneIsOneLine() {
    Settings s = Settings.from(TrendoffConfig.load(null, Map.of("TRENDOFF_CASSANDRA_READ_CONSISTENCY", "one"), new Properties()));
    assertThat(s.cassandra().readConsistency()).isEqualTo(com.datastax.oss.driver.api.core.DefaultConsistencyLevel.ONE);
    assertThat(s.cassandra().writeConsistency()).isEqualTo(com.datastax.oss.driver.api.core.DefaultConsistencyLevel.LOCAL_QUORUM);
    assertThatThrownBy(() -> Settings.from(TrendoffConfig.load(null,
        Map.of("TRENDOFF_CASSANDRA_WRITE_CONSISTENCY", "QUORAM"), new Properties())))
        .isInstanceOf(UserError.class)
        .hasMessage("trendoff.cassandra.write-consistency: 'QUORAM' is not a consistency level (one of ANY, ONE, TWO, THREE, "
            + "QUORUM, ALL, LOCAL_ONE, LOCAL_QUORUM, EACH_QUORUM, SERIAL, LOCAL_SERIAL)");
  }

  @Test
  void fileBeatsDefaultsEnvBeatsFileSystemPropertyBeatsEnvFlagsBeatAll() throws Exception {
    Path f = file("trendoff.kafka.topic = from-file\ntrendoff.kafka.partitions = 8\ntrendoff.cassandra.keyspace = ks_file\n"
        + "trendoff.kafka.dlq-topic = dlq-file\n");
    Map<String, String> env = Map.of("TRENDOFF_KAFKA_TOPIC", "from-env", "TRENDOFF_CASSANDRA_KEYSPACE", "ks_env",
        "TRENDOFF_KAFKA_BOOTSTRAP_SERVERS", "h1:1,h2:2");
    Properties sys = props("trendoff.kafka.topic", "from-prop", "unrelated.key", "x");

    Config c = TrendoffConfig.load(f, env, sys);
    Settings s = Settings.from(c);
    assertThat(s.kafka().topic()).isEqualTo("from-prop");          // -D over env over file
    assertThat(s.cassandra().keyspace()).isEqualTo("ks_env");       // env over file
    assertThat(s.kafka().partitions()).isEqualTo(8);                // file over defaults
    assertThat(s.kafka().dlqTopic()).isEqualTo("dlq-file");
    assertThat(s.kafka().bootstrapServers()).isEqualTo("h1:1,h2:2");

    Settings flagged = Settings.from(TrendoffConfig.withOverrides(c, Map.of("kafka.topic", "from-flag")));
    assertThat(flagged.kafka().topic()).isEqualTo("from-flag");     // flags over everything
  }

  @Test
  void listValuedKeysReadCommaSeparatedFromTheEnvironment() {
    Config c = TrendoffConfig.load(null, Map.of("TRENDOFF_CASSANDRA_CONTACT_POINTS", "127.0.0.1:9142, 127.0.0.2:9142"), new Properties());
    assertThat(Settings.from(c).cassandra().contactPoints()).extracting(a -> a.getHostString() + ":" + a.getPort())
        .containsExactly("127.0.0.1:9142", "127.0.0.2:9142");
  }

  @Test
  void unknownKeysAreErrorsWherever_theyComeFrom() throws Exception {
    assertThatThrownBy(() -> TrendoffConfig.load(file("trendoff.kafka.topik = x\n"), Map.of(), new Properties()))
        .isInstanceOf(UserError.class).hasMessageContaining("trendoff.kafka.topik");
    assertThatThrownBy(() -> TrendoffConfig.load(null, Map.of("TRENDOFF_KAFKA_TOPIK", "x"), new Properties()))
        .isInstanceOf(UserError.class).hasMessageContaining("TRENDOFF_KAFKA_TOPIK");
    assertThatThrownBy(() -> TrendoffConfig.load(null, Map.of(), props("trendoff.kafka.topik", "x")))
        .isInstanceOf(UserError.class).hasMessageContaining("trendoff.kafka.topik");
    assertThatThrownBy(() -> TrendoffConfig.withOverrides(TrendoffConfig.load(null, Map.of(), new Properties()), Map.of("kafka.nope", 1)))
        .isInstanceOf(UserError.class).hasMessageContaining("kafka.nope");
  }

  /** This module's tests see only core's sections (kafka, cassandra, spark), like a JVM without the other modules. */
  @Test
  void keysOfModulesThisJvmDoesNotHaveAreIgnoredOthersStayErrors() throws Exception {
    Path f = file("trendoff.kafka.topic = t\ntrendoff.stack.kafka-port = 19092\ntrendoff.serving { anything = 1 }\n");
    Map<String, String> env = Map.of("TRENDOFF_SERVING_X", "1", "TRENDOFF_CSV_LOADER_CHUNK_SIZE", "5");
    Config c = TrendoffConfig.load(f, env, props("trendoff.stack.dir", "elsewhere"));
    assertThat(Settings.from(c).kafka().topic()).isEqualTo("t");
    assertThat(c.hasPath("trendoff.stack")).isFalse();

    assertThatThrownBy(() -> TrendoffConfig.load(file("trendoff.nosuch.x = 1\n"), Map.of(), new Properties()))
        .isInstanceOf(UserError.class).hasMessageContaining("trendoff.nosuch.x");
    assertThatThrownBy(() -> TrendoffConfig.load(null, Map.of("TRENDOFF_STACKS_X", "1"), new Properties()))
        .isInstanceOf(UserError.class).hasMessageContaining("TRENDOFF_STACKS_X");
  }

  @Test
  void aMistypedKeyInARealSystemPropertyIsAnError() {
    System.setProperty("trendoff.kafka.topick", "x");
    try {
      assertThatThrownBy(() -> TrendoffConfig.load(null, Map.of(), System.getProperties()))
          .isInstanceOf(UserError.class).hasMessageContaining("trendoff.kafka.topick");
    } finally {
      System.clearProperty("trendoff.kafka.topick");
    }
    System.setProperty("trendoff.home", "/somewhere");
    try {
      assertThat(Settings.from(TrendoffConfig.load(null, Map.of(), System.getProperties())).kafka().topic())
          .isEqualTo("tweets");
    } finally {
      System.clearProperty("trendoff.home");
    }
    Properties launcher = new Properties();
    launcher.setProperty(Terminal.STDOUT, "false");
    launcher.setProperty(Terminal.STDERR, "true");
    assertThat(Settings.from(TrendoffConfig.load(null, Map.of(), launcher)).kafka().topic())
        .as("the launcher's -Dtrendoff.tty.* are not configuration keys").isEqualTo("tweets");
  }

  @Test
  void freeFormSectionsTakeAnyKey() throws Exception {
    Config c = TrendoffConfig.load(file("trendoff.kafka.client { \"security.protocol\" = SASL_SSL }\n"
        + "trendoff.spark.conf { \"spark.executor.memory\" = 2g }\n"), Map.of(), new Properties());
    Settings s = Settings.from(c);
    assertThat(s.kafka().clientProperties()).containsEntry("security.protocol", "SASL_SSL")
        .containsEntry("bootstrap.servers", "127.0.0.1:9092");
    assertThat(s.spark().conf()).containsEntry("spark.executor.memory", "2g");
  }

  @Test
  void wrongTypesAndMissingFilesAreOneLineErrors() throws Exception {
    assertThatThrownBy(() -> TrendoffConfig.load(file("trendoff.kafka.partitions = many\n"), Map.of(), new Properties()))
        .isInstanceOf(UserError.class).hasMessageContaining("partitions");
    assertThatThrownBy(() -> TrendoffConfig.load(dir.resolve("absent.conf"), Map.of(), new Properties()))
        .isInstanceOf(UserError.class).hasMessageContaining("absent.conf");
  }

  @Test
  void passwordIsNeverInToString() {
    Config c = TrendoffConfig.load(null, Map.of("TRENDOFF_CASSANDRA_USERNAME", "svc", "TRENDOFF_CASSANDRA_PASSWORD", "s3cr3t!"), new Properties());
    Settings s = Settings.from(c);
    assertThat(s.cassandra().password()).isEqualTo("s3cr3t!");
    assertThat(s.toString()).doesNotContain("s3cr3t!");
    assertThat(s.cassandra().toString()).doesNotContain("s3cr3t!");
  }

  @Test
  void aFreeFormSectionComesWholeFromOneEnvironmentVariableOverTheFile() throws Exception {
    Path f = file("trendoff.kafka.client { \"security.protocol\" = SASL_SSL, \"sasl.mechanism\" = PLAIN }\n");
    Settings s = Settings.from(TrendoffConfig.load(f, Map.of("TRENDOFF_KAFKA_CLIENT",
        "{\"sasl.mechanism\": \"SCRAM-SHA-512\", \"sasl.jaas.config\": \"x required password=\\\"p\\\";\"}"), new Properties()));
    assertThat(s.kafka().client()).containsEntry("security.protocol", "SASL_SSL").containsEntry("sasl.mechanism", "SCRAM-SHA-512")
        .containsEntry("sasl.jaas.config", "x required password=\"p\";");
    assertThat(s.kafka().toString()).doesNotContain("password=");
  }

  @Test
  void theConfigurationAsTextInTheEnvironmentReplacesTheFile() throws Exception {
    Path f = file("trendoff.kafka.topic = from-file\ntrendoff.kafka.dlq-topic = dlq-file\n");
    Map<String, String> env = Map.of(TrendoffConfig.CONFIG_TEXT_ENV,
        "{\"trendoff\": {\"kafka\": {\"topic\": \"from-text\"}, \"cassandra\": {\"password\": \"pw\"}}}",
        "TRENDOFF_CASSANDRA_USERNAME", "svc");
    Settings s = Settings.from(TrendoffConfig.load(f, env, new Properties()));
    assertThat(s.kafka().topic()).isEqualTo("from-text");
    assertThat(s.kafka().dlqTopic()).isEqualTo("tweets.dlq");
    assertThat(s.cassandra().password()).isEqualTo("pw");
    assertThat(s.cassandra().username()).isEqualTo("svc");
    assertThatThrownBy(() -> TrendoffConfig.load(null, Map.of(TrendoffConfig.CONFIG_TEXT_ENV, "{\"trendoff\": {\"kafka\": {\"tpoic\": 1}}}"),
        new Properties())).isInstanceOf(UserError.class).hasMessageContaining("trendoff.kafka.tpoic");
  }

  @Test
  void aSyntaxErrorNeverQuotesASecret() throws Exception {
    assertThatThrownBy(() -> TrendoffConfig.load(null, Map.of("TRENDOFF_KAFKA_CLIENT", "{\"sasl.jaas.config\": \"password=hunter2"),
        new Properties())).isInstanceOf(UserError.class).hasMessageContaining("TRENDOFF_KAFKA_CLIENT")
        .hasMessageNotContaining("hunter2");
    assertThatThrownBy(() -> TrendoffConfig.load(null, Map.of(TrendoffConfig.CONFIG_TEXT_ENV, "trendoff.cassandra.password = \"hunter2"),
        new Properties())).isInstanceOf(UserError.class).hasMessageNotContaining("hunter2");
    assertThatThrownBy(() -> TrendoffConfig.load(file("trendoff.kafka.topic = t\ntrendoff.cassandra.password = \"hunter2\n"),
        Map.of(), new Properties())).isInstanceOf(UserError.class).hasMessageContaining("line 2")
        .hasMessageNotContaining("hunter2");
  }

  @Test
  void aFileHoldingASecretMustBeItsOwnersOnly() throws Exception {
    Path f = file("trendoff.cassandra.username = app\ntrendoff.cassandra.password = \"pw\"\n");
    Files.setPosixFilePermissions(f, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
    assertThatThrownBy(() -> TrendoffConfig.load(f, Map.of(), new Properties())).isInstanceOf(UserError.class)
        .hasMessageContaining("trendoff.cassandra.password").hasMessageContaining("chmod 600").hasMessageNotContaining("\"pw\"");
    Files.setPosixFilePermissions(f, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
    assertThat(Settings.from(TrendoffConfig.load(f, Map.of(), new Properties())).cassandra().password()).isEqualTo("pw");
    // no secret, no rule
    Path plain = file("trendoff.kafka.topic = t\ntrendoff.cassandra.password = \"\"\n");
    Files.setPosixFilePermissions(plain, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
    assertThat(Settings.from(TrendoffConfig.load(plain, Map.of(), new Properties())).kafka().topic()).isEqualTo("t");
  }

  @Test
  void envNamesFollowTheKeyPath() {
    assertThat(TrendoffConfig.envName("kafka.bootstrap-servers")).isEqualTo("TRENDOFF_KAFKA_BOOTSTRAP_SERVERS");
  }
}
