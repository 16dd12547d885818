package dev.trendoff.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.trendoff.core.UserError;

class SparkOptionsTest {

  @Test
  void takesSparkOptionsOutOfASparkJobCommandLine() {
    SparkOptions o = SparkOptions.parse(new String[] {"batch-layer", "recompute", "--master", "spark://h:7077",
        "--every", "15m", "--conf", "spark.executor.memory=2g", "--conf=spark.cores.max=4",
        "--executor-cores=2", "--deploy-mode", "client"});
    assertThat(o.needsSubmit()).isTrue();
    assertThat(o.master()).isEqualTo("spark://h:7077");
    assertThat(o.commandLine()).containsExactly("batch-layer", "recompute", "--every", "15m");
    assertThat(o.conf()).containsEntry("spark.executor.memory", "2g").containsEntry("spark.cores.max", "4");
    assertThat(o.submitFlags()).containsEntry("--executor-cores", "2");
    assertThat(o.deployMode()).isEqualTo("client");
  }

  @Test
  void leavesOtherCommandsAndArgumentsAfterDoubleDashAlone() {
    String[] args = {"compare-users", "a", "b", "--master", "x"};
    assertThat(SparkOptions.parse(args).commandLine()).containsExactly(args);
    assertThat(SparkOptions.parse(args).isSparkCommand()).isFalse();
    SparkOptions o = SparkOptions.parse(new String[] {"load-csv", "--", "--master"});
    assertThat(o.commandLine()).containsExactly("load-csv", "--", "--master");
    assertThat(o.needsSubmit()).isFalse();
  }

  @Test
  void localMasterRunsInProcess() {
    SparkOptions o = SparkOptions.parse(new String[] {"speed-layer", "--master", "local[3]"});
    assertThat(o.needsSubmit()).isFalse();
  }

  @Test
  void inProcessSettingsBecomeSparkSystemProperties() {
    SparkOptions o = SparkOptions.parse(new String[] {"speed-layer", "--master=local[3]", "--executor-memory", "3g",
        "--conf", "spark.test.trendoff.x=1"});
    try {
      o.applyInProcess();
      assertThat(System.getProperty("spark.master")).isEqualTo("local[3]");
      assertThat(System.getProperty("spark.executor.memory")).isEqualTo("3g");
      assertThat(System.getProperty("spark.test.trendoff.x")).isEqualTo("1");
    } finally {
      System.clearProperty("spark.master");
      System.clearProperty("spark.executor.memory");
      System.clearProperty("spark.test.trendoff.x");
    }
  }

  @Test
  void wrongSparkOptionsAreUsageErrors() {
    assertThatThrownBy(() -> SparkOptions.parse(new String[] {"speed-layer", "--master"}))
        .isInstanceOf(UserError.class).hasMessageContaining("--master needs a value");
    assertThatThrownBy(() -> SparkOptions.parse(new String[] {"speed-layer", "--conf", "trendoff.kafka.topic=x"}))
        .isInstanceOf(UserError.class).hasMessageContaining("spark.*");
    assertThatThrownBy(() -> SparkOptions.parse(new String[] {"speed-layer", "--conf", "spark.cassandra.auth.password=pw0"}))
        .isInstanceOf(UserError.class).hasMessageContaining("secret on the command line").hasMessageNotContaining("pw0");
    assertThatThrownBy(() -> SparkOptions.parse(new String[] {"speed-layer", "--conf", "novalue"}))
        .isInstanceOf(UserError.class).hasMessageContaining("KEY=VALUE");
    assertThatThrownBy(() -> SparkOptions.parse(new String[] {"speed-layer", "--deploy-mode", "remote"}))
        .isInstanceOf(UserError.class).hasMessageContaining("client, cluster");
    assertThatThrownBy(() -> SparkOptions.parse(new String[] {"speed-layer", "--deploy-mode", "client"}).applyInProcess())
        .isInstanceOf(UserError.class).hasMessageContaining("cluster --master");
  }

  @Test
  void buildsTheSparkSubmitCommandLine(@TempDir Path home) throws Exception {
    Path submit = Files.createDirectories(home.resolve("spark/bin")).resolve("spark-submit");
    Files.writeString(submit, "#!/bin/sh\n");
    Files.setPosixFilePermissions(submit, PosixFilePermissions.fromString("rwxr-xr-x"));
    Path jar = home.resolve(SparkSubmit.JOBS_JAR);
    Files.createDirectories(jar.getParent());
    Files.writeString(jar, "jar");
    Properties props = new Properties();
    props.setProperty("trendoff.home", home.toString());
    props.setProperty("trendoff.kafka.topic", "t2");
    props.setProperty("user.dir", "/x");

    SparkOptions o = SparkOptions.parse(new String[] {"batch-layer", "ingest", "--master", "spark://m:7077",
        "--conf", "spark.cores.max=1", "--executor-memory", "1g"});
    List<String> cmd = SparkSubmit.commandLine(o, Map.of("SPARK_HOME", home.resolve("spark").toString()), props);

    assertThat(cmd).containsExactly(submit.toString(), "--master", "spark://m:7077", "--name", "trendoff batch-layer ingest",
        "--class", "dev.trendoff.jobs.Jobs", "--executor-memory", "1g", "--conf", "spark.cores.max=1",
        "--driver-java-options", "-Dtrendoff.home=" + home + " -Dtrendoff.kafka.topic=t2",
        jar.toString(), "batch-layer", "ingest");
  }

  @Test
  void saysWhatIsMissingForSparkSubmit(@TempDir Path home) {
    assertThatThrownBy(() -> SparkSubmit.sparkSubmit(Map.of()))
        .isInstanceOf(UserError.class).hasMessageContaining("SPARK_HOME");
    assertThatThrownBy(() -> SparkSubmit.sparkSubmit(Map.of("TRENDOFF_SPARK_SUBMIT", home.resolve("nope").toString())))
        .isInstanceOf(UserError.class).hasMessageContaining("not an executable");
    Properties props = new Properties();
    props.setProperty("trendoff.home", home.toString());
    assertThatThrownBy(() -> SparkSubmit.jobsJar(Map.of(), props))
        .isInstanceOf(UserError.class).hasMessageContaining("mvn -B -q -pl jobs-assembly");
    Properties secret = new Properties();
    secret.setProperty("trendoff.cassandra.password", "pw");
    assertThatThrownBy(() -> SparkSubmit.driverJavaOptions(secret))
        .isInstanceOf(UserError.class).hasMessageContaining("secret").hasMessageNotContaining("pw");
    props.setProperty("trendoff.x", "a b");
    assertThatThrownBy(() -> SparkSubmit.driverJavaOptions(props))
        .isInstanceOf(UserError.class).hasMessageContaining("trendoff.conf");
  }
}
