package dev.trendoff.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;

class SchemaTest {

  @Test
  void statementsAreIdempotentAndUseTheConfiguredKeyspace() {
    Settings s = Settings.from(TrendoffConfig.load(null, Map.of("TRENDOFF_CASSANDRA_KEYSPACE", "ks1",
        "TRENDOFF_CASSANDRA_REPLICATION", "{'class': 'NetworkTopologyStrategy', 'dc1': 3}"), new Properties()));
    List<String> stmts = Schema.statements(s.cassandra());
    assertThat(stmts.get(0)).startsWith("CREATE KEYSPACE IF NOT EXISTS ks1").contains("'dc1': 3");
    assertThat(stmts).allSatisfy(st -> assertThat(st).contains("IF NOT EXISTS").doesNotContain("${").doesNotContain("--"));
    assertThat(stmts).anySatisfy(st -> assertThat(st).startsWith("CREATE TABLE IF NOT EXISTS ks1." + Tables.TWEETS + " ("));
  }
}
