package dev.trendoff.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretsTest {

  @TempDir Path dir;

  @Test
  void secretKeysAreThoseOfPasswordsSecretsTokensAndJaasLogins() {
    assertThat(List.of("trendoff.cassandra.password", "trendoff.cassandra.ssl.truststore-password", "sasl.jaas.config",
        "trendoff.twitter.consumer-secret", "trendoff.twitter.access-token", "spark.cassandra.auth.password"))
        .allMatch(Secrets::isSecretKey);
    assertThat(List.of("trendoff.cassandra.username", "security.protocol", "ssl.truststore.location", "trendoff.kafka.topic",
        "trendoff.stack.cassandra-initial-token"))
        .noneMatch(Secrets::isSecretKey);
  }

  @Test
  void aSecretOnTheJavaCommandLineIsRefusedWithoutShowingIt() {
    Properties p = new Properties();
    p.setProperty("trendoff.kafka.topic", "t");
    Secrets.refuseOnCommandLine(p);
    p.setProperty("trendoff.cassandra.password", "hunter2");
    assertThatThrownBy(() -> Secrets.refuseOnCommandLine(p)).isInstanceOf(UserError.class)
        .hasMessageContaining("-Dtrendoff.cassandra.password").hasMessageContaining("TRENDOFF_CASSANDRA_PASSWORD")
        .hasMessageNotContaining("hunter2");
  }

  @Test
  void privateFilesAreTheOwnersOnlyFromTheStart() throws Exception {
    Path f = dir.resolve("sub").resolve("s.conf");
    Secrets.writePrivate(f, "password = x\n");
    assertThat(Files.readString(f)).isEqualTo("password = x\n");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f))).isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f.getParent()))).isEqualTo("rwx------");
    assertThat(Secrets.ownerOnly(f)).isTrue();
    Secrets.writePrivate(f, "again");
    assertThat(Files.readString(f)).isEqualTo("again");
    assertThat(Files.list(f.getParent())).containsExactly(f);
  }

  @Test
  void anOpenDirectoryIsClosedBeforeItHoldsASecret() throws Exception {
    Path open = Files.createDirectory(dir.resolve("open"), PosixFilePermissions.asFileAttribute(
        PosixFilePermissions.fromString("rwxr-xr-x")));
    Secrets.privateDir(open);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(open))).isEqualTo("rwx------");
  }

  @Test
  void aSecretFileIsRemovedOnCloseAndAKilledWritersFileAtTheNextCreate() throws Exception {
    Path d = dir.resolve("secrets");
    Path kept;
    try (SecretFile f = SecretFile.create(d, "sasl.jaas.config=x")) {
      kept = f.path();
      assertThat(Files.readString(kept)).isEqualTo("sasl.jaas.config=x");
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(kept))).isEqualTo("rw-------");
    }
    assertThat(kept).doesNotExist();

    // the file of a writer that died without closing it (kill -9): its pid names it
    Process gone = new ProcessBuilder("true").start();
    gone.waitFor();
    Path stale = Files.writeString(d.resolve("secret-" + gone.pid() + "-left"), "x");
    Path mine = Files.writeString(d.resolve("secret-" + ProcessHandle.current().pid() + "-open"), "y");
    try (SecretFile f = SecretFile.create(d, "z")) {
      assertThat(stale).doesNotExist();
      assertThat(mine).exists();
    }
  }

  @Test
  void aJavaArgumentFileHoldsOneArgumentALineQuotingBlanks() {
    assertThat(SecretFile.javaArgFile(List.of("-cp", "/a b/c.jar", "Main", "--add-scram", "SCRAM-SHA-512=[name=u,password=p]")))
        .isEqualTo("-cp\n\"/a b/c.jar\"\nMain\n--add-scram\nSCRAM-SHA-512=[name=u,password=p]\n");
    assertThatThrownBy(() -> SecretFile.javaArgFile(List.of("a\"b"))).isInstanceOf(IllegalArgumentException.class);
  }
}
