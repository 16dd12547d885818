package dev.trendoff.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import dev.trendoff.core.UserError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JavaRuntimesTest {

  @TempDir Path jvm;

  private Path fakeHome(String name, String version) throws Exception {
    Path home = jvm.resolve(name);
    Files.createDirectories(home.resolve("bin"));
    Path java = Files.writeString(home.resolve("bin/java"), "#!/bin/sh\n");
    Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.writeString(home.resolve("release"), "IMPLEMENTOR=\"Test\"\nJAVA_VERSION=\"" + version + "\"\nOS_NAME=\"Linux\"\n");
    return home;
  }

  @Test
  void majorVersions() {
    assertThat(JavaRuntimes.majorOf("17.0.15")).isEqualTo(17);
    assertThat(JavaRuntimes.majorOf("11.0.2")).isEqualTo(11);
    assertThat(JavaRuntimes.majorOf("1.8.0_392")).isEqualTo(8);
    assertThat(JavaRuntimes.majorOf("25")).isEqualTo(25);
    assertThat(JavaRuntimes.majorOf("21-ea")).isEqualTo(21);
    assertThat(JavaRuntimes.majorOf("abc")).isEqualTo(-1);
    assertThat(JavaRuntimes.majorFromRelease("IMPLEMENTOR=\"x\"\nJAVA_VERSION=\"17.0.15\"\n")).isEqualTo(17);
    assertThat(JavaRuntimes.majorFromRelease("nothing here")).isEqualTo(-1);
  }

  @Test
  void prefers17ThenAnyOrderEvenWhenTheRunningJavaIsNewer() throws Exception {
    Path j25 = fakeHome("temurin-25", "25.0.3");
    fakeHome("a-java-11", "11.0.2");
    Path j17 = fakeHome("java-17-openjdk", "17.0.15");
    JavaRuntimes.Runtime r = JavaRuntimes.forCassandra("", Map.of(), j25, jvm);
    assertThat(r.home()).isEqualTo(j17);
    assertThat(r.major()).isEqualTo(17);
    assertThat(r.java()).isEqualTo(j17.resolve("bin/java"));
  }

  @Test
  void takes11WhenThereIsNo17AndJavaHomeFirst() throws Exception {
    Path j11 = fakeHome("x-11", "11.0.22");
    Path j25 = fakeHome("y-25", "25");
    assertThat(JavaRuntimes.forCassandra("", Map.of(), j25, jvm).home()).isEqualTo(j11);
    Path other17 = fakeHome("z-17", "17.0.1");
    Path home17 = fakeHome("jh-17", "17.0.9");
    assertThat(JavaRuntimes.forCassandra("", Map.of("JAVA_HOME", home17.toString()), j25, jvm).home()).isEqualTo(home17);
    assertThat(other17).exists();
  }

  @Test
  void noUsableJavaIsOneLineNamingTheKey() throws Exception {
    Path j25 = fakeHome("temurin-25", "25.0.3");
    fakeHome("old-8", "1.8.0_392");
    assertThatThrownBy(() -> JavaRuntimes.forCassandra("", Map.of(), j25, jvm))
        .isInstanceOf(UserError.class)
        .hasMessageContaining("no Java 17 or 11 for Cassandra")
        .hasMessageContaining("Java 25 at " + j25)
        .hasMessageContaining("trendoff.stack.cassandra-java-home")
        .hasMessageNotContaining("\n");
  }

  @Test
  void aConfiguredHomeMustBe11Or17() throws Exception {
    Path j25 = fakeHome("temurin-25", "25.0.3");
    Path j17 = fakeHome("java-17", "17.0.15");
    assertThat(JavaRuntimes.forCassandra(j17.toString(), Map.of(), null, null).home()).isEqualTo(j17);
    assertThatThrownBy(() -> JavaRuntimes.forCassandra(j25.toString(), Map.of(), null, null))
        .isInstanceOf(UserError.class).hasMessageContaining("is Java 25").hasMessageContaining("17 or 11");
    assertThatThrownBy(() -> JavaRuntimes.forCassandra(jvm.resolve("missing").toString(), Map.of(), null, null))
        .isInstanceOf(UserError.class).hasMessageContaining("is not a Java home");
  }
}
