package dev.trendoff.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import com.typesafe.config.Config;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

class ConnectionOptionsTest {

  @Command(name = "probe", mixinStandardHelpOptions = true)
  static final class Probe implements Runnable {
    @Mixin ConnectionOptions connection = new ConnectionOptions();

    @Override
    public void run() {}
  }

  static final Config LOADED = TrendoffConfig.load(null, Map.of("TRENDOFF_KAFKA_TOPIC", "from-env"), new Properties());

  static Probe parse(Probe p, String... args) {
    new CommandLine(p).parseArgs(args);
    return p;
  }

  @Test
  void eachOptionOverridesItsKeyAndNothingElse() {
    Settings s = parse(new Probe(), "--bootstrap-servers", "k1:1,k2:2", "--contact-points", "c1:9,c2:9",
        "--keyspace", "ks_x").connection.settings(LOADED);
    assertThat(s.kafka().bootstrapServers()).isEqualTo("k1:1,k2:2");
    assertThat(s.kafka().topic()).as("not given: the environment's").isEqualTo("from-env");
    assertThat(s.cassandra().contactPoints()).extracting(a -> a.getHostString() + ":" + a.getPort())
        .containsExactly("c1:9", "c2:9");
    assertThat(s.cassandra().keyspace()).isEqualTo("ks_x");
    Probe topicOnly = parse(new Probe(), "--topic", "t2");
    assertThat(topicOnly.connection.kafka.overrides()).isEqualTo(Map.of("kafka.topic", "t2"));
    assertThat(topicOnly.connection.cassandra.overrides()).isEmpty();
  }

  @Test
  void aCommandMayDefaultToAKeyspaceOfItsOwn() {
    Probe p = new Probe();
    p.connection = ConnectionOptions.withKeyspace("bench_ks");
    assertThat(parse(p).connection.settings(LOADED).cassandra().keyspace()).isEqualTo("bench_ks");
    Probe q = new Probe();
    q.connection = ConnectionOptions.withKeyspace("bench_ks");
    assertThat(parse(q, "--keyspace", "mine").connection.settings(LOADED).cassandra().keyspace()).isEqualTo("mine");
  }

  @Test
  void helpListsTheFourOptions() {
    StringWriter out = new StringWriter();
    CommandLine cl = new CommandLine(new Probe());
    cl.setOut(new PrintWriter(out));
    cl.execute("--help");
    assertThat(out.toString()).contains("--bootstrap-servers=HOST:PORT[,...]").contains("--topic=TOPIC")
        .contains("--contact-points=HOST:PORT[,HOST:PORT...]").contains("--keyspace=KEYSPACE");
  }
}
