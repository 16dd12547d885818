package dev.trendoff.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Properties;

import org.apache.spark.SparkConf;
import org.junit.jupiter.api.Test;

import dev.trendoff.core.Settings;
import dev.trendoff.core.TrendoffConfig;

class SparkConfsTest {

  @Test
  void theConnectorGetsTheCredentialsAndTlsButTheLogLineNeitherPassword() {
    Settings s = Settings.from(TrendoffConfig.load(null, Map.of("TRENDOFF_CASSANDRA_USERNAME", "app",
        "TRENDOFF_CASSANDRA_PASSWORD", "hunter2", "TRENDOFF_CASSANDRA_SSL_ENABLED", "true",
        "TRENDOFF_CASSANDRA_SSL_TRUSTSTORE_PATH", "/etc/t.p12", "TRENDOFF_CASSANDRA_SSL_TRUSTSTORE_PASSWORD", "storepw"),
        new Properties()));
    SparkConf conf = SparkConfs.forJob(s, "test");
    assertThat(conf.get("spark.cassandra.auth.username")).isEqualTo("app");
    assertThat(conf.get("spark.cassandra.auth.password")).isEqualTo("hunter2");
    assertThat(conf.get("spark.cassandra.connection.ssl.enabled")).isEqualTo("true");
    assertThat(conf.get("spark.cassandra.connection.ssl.trustStore.path")).isEqualTo("/etc/t.p12");
    assertThat(conf.get("spark.cassandra.connection.ssl.trustStore.password")).isEqualTo("storepw");
    assertThat(conf.get("spark.cassandra.connection.ssl.enabledAlgorithms")).contains("TLS_AES_128_GCM_SHA256")
        .doesNotContain("TLS_RSA_");
    assertThat(SparkConfs.describe(conf)).contains("spark.cassandra.auth.username=app").doesNotContain("hunter2")
        .doesNotContain("storepw");

    SparkConf plain = SparkConfs.forJob(Settings.from(TrendoffConfig.load(null, Map.of(), new Properties())), "test");
    assertThat(plain.contains("spark.cassandra.connection.ssl.enabled")).isFalse();
    assertThat(plain.contains("spark.cassandra.auth.password")).isFalse();
  }
}
