package dev.trendoff.spark;

import java.net.InetSocketAddress;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.spark.SparkConf;

import dev.trendoff.core.Settings;

/** The SparkConf of a trendoff job: master, Cassandra connector settings, extra spark settings. */
public final class SparkConfs {

  private SparkConfs() {}

  /**
   * Settings for a job named {@code appName}. A master given by spark-submit ({@code spark.master}
   * already set) wins over {@code trendoff.spark.master}.
   */
  public static SparkConf forJob(Settings settings, String appName) {
    SparkConf conf = new SparkConf().setAppName(appName);
    conf.setIfMissing("spark.master", settings.spark().master());
    conf.setIfMissing("spark.ui.enabled", "false");
    if (conf.get("spark.master").startsWith("local")) {
      conf.setIfMissing("spark.driver.host", "127.0.0.1");
      conf.setIfMissing("spark.driver.bindAddress", "127.0.0.1");
    }
    Settings.Cassandra c = settings.cassandra();
    Set<String> hosts = new LinkedHashSet<>();
    Set<Integer> ports = new LinkedHashSet<>();
    for (InetSocketAddress a : c.contactPoints()) {
      hosts.add(a.getHostString());
      ports.add(a.getPort());
    }
    if (ports.size() > 1) {
      throw new dev.trendoff.core.UserError("the Spark Cassandra Connector takes one port for all contact points; got "
          + ports + " in trendoff.cassandra.contact-points");
    }
    conf.set("spark.cassandra.connection.host", String.join(",", hosts));
    conf.set("spark.cassandra.connection.port", String.valueOf(ports.iterator().next()));
    conf.set("spark.cassandra.connection.localDC", c.localDatacenter());
    conf.set("spark.cassandra.input.consistency.level", c.readConsistency().name());
    conf.set("spark.cassandra.output.consistency.level", c.writeConsistency().name());
    conf.set("spark.cassandra.read.timeoutMS", String.valueOf(c.requestTimeout().toMillis()));
    conf.set("spark.cassandra.connection.timeoutMS", String.valueOf(c.connectTimeout().toMillis()));
    if (c.hasCredentials()) {
      conf.set("spark.cassandra.auth.username", c.username());
      conf.set("spark.cassandra.auth.password", c.password());
    }
    settings.spark().conf().forEach(conf::set);
    return conf;
  }

  /** The configuration minus secrets, for a log line. */
  public static String describe(SparkConf conf) {
    return java.util.Arrays.stream(conf.getAll())
        .filter(kv -> !kv._1().contains("password") && !kv._1().contains("secret"))
        .map(kv -> kv._1() + "=" + kv._2())
        .sorted()
        .collect(Collectors.joining(", "));
  }
}
