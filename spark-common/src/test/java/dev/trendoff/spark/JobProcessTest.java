package dev.trendoff.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.typesafe.config.Config;

import dev.trendoff.core.Settings;
import dev.trendoff.core.TrendoffConfig;

/** A child job gets its whole configuration, secrets included, without a command line or a file showing them. */
class JobProcessTest {

  /** The child: prints what it was configured with (the password as a hash), then waits to be stopped. */
  public static final class PrintsItsSettings {
    public static void main(String[] args) throws Exception {
      Settings s = Settings.load();
      System.out.println("topic " + s.kafka().topic());
      System.out.println("password sha256 " + sha256(s.cassandra().password()));
      System.out.println("ready");
      Thread.sleep(60_000);
    }
  }

  @Test
  void theConfigurationGoesInTheChildsEnvironmentNeverOnItsCommandLineOrInAFile(@TempDir Path dir) throws Exception {
    String secret = "pw-" + UUID.randomUUID();
    Config config = TrendoffConfig.withOverrides(TrendoffConfig.load(null, Map.of(), new Properties()),
        Map.of("cassandra.username", "app", "cassandra.password", secret, "kafka.topic", "topic_of_the_parent"));
    Path log = dir.resolve("child.log");
    try (JobProcess child = JobProcess.start("child", PrintsItsSettings.class.getName(), List.of(), config, "96m", log)) {
      assertThat(child.awaitLog("ready", Duration.ofMinutes(2))).as(child.logText()).isTrue();
      Path proc = Path.of("/proc", Long.toString(child.pid()));
      String cmdline = new String(Files.readAllBytes(proc.resolve("cmdline")), StandardCharsets.UTF_8).replace('\0', ' ');
      assertThat(cmdline).contains(PrintsItsSettings.class.getName()).doesNotContain(secret).doesNotContain("-Dtrendoff.config");
      // the environment: its owner's only
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(proc.resolve("environ")))).isEqualTo("r--------");
    }
    assertThat(Files.readString(log)).contains("topic topic_of_the_parent").contains("password sha256 " + sha256(secret))
        .doesNotContain(secret);
    try (var files = Files.list(dir)) {
      assertThat(files.toList()).containsExactly(log);
    }
  }

  static String sha256(String s) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
  }
}
