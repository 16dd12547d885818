package dev.trendoff.views;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import dev.trendoff.core.Schema;
import dev.trendoff.core.Settings;
import dev.trendoff.core.TrendoffConfig;

class ViewSchemaTest {

  @Test
  void theSchemaCreatesEveryDerivedTableInTheConfiguredKeyspace() {
    Settings s = Settings.from(TrendoffConfig.load(null, Map.of("TRENDOFF_CASSANDRA_KEYSPACE", "ks1"), new Properties()));
    List<String> stmts = Schema.statements(s.cassandra());
    assertThat(ViewTables.ALL).hasSize(6);
    for (String table : ViewTables.ALL) {
      assertThat(stmts).anySatisfy(st -> assertThat(st).startsWith("CREATE TABLE IF NOT EXISTS ks1." + table + " ("));
    }
    // keyspaces created before a column existed get it
    for (String table : List.of(ViewTables.VIEW_POINTER, ViewTables.VIEW_VERSIONS)) {
      assertThat(stmts).anySatisfy(st -> assertThat(st).startsWith("ALTER TABLE ks1." + table + " ADD IF NOT EXISTS (topic_id text"));
    }
  }

  @Test
  void everyStatementNamesItsTableWithTheKeyspace() {
    assertThat(SpeedView.insert("ks")).startsWith("INSERT INTO ks.speed_rows (")
        .satisfies(cql -> assertThat(cql.chars().filter(c -> c == '?').count()).isEqualTo(7));
    assertThat(SpeedView.selectUser("ks")).contains("FROM ks.speed_rows WHERE user_key = ?");
    assertThat(SpeedView.deleteBelow("ks")).isEqualTo("DELETE FROM ks.speed_rows WHERE user_key = ? AND kafka_topic_id = ?"
        + " AND kafka_partition = ? AND kafka_offset < ?");
    assertThat(BatchViewWords.selectUser("ks")).endsWith(
        "FROM ks.batch_view_words WHERE base = ? AND bucket = ? AND kind IN (0, 1) AND user_key = ?");
    assertThat(BatchViewWords.delete("ks", "version < ?")).isEqualTo(
        "DELETE FROM ks.batch_view_words WHERE base = ? AND bucket = ? AND kind = ? AND user_key = ? AND word = ? AND version < ?");
    assertThat(BatchViewWords.insertWord("ks")).startsWith("INSERT INTO ks.batch_view_words (")
        .satisfies(cql -> assertThat(cql.chars().filter(c -> c == '?').count()).isEqualTo(6));
    assertThat(BatchViewWords.insertTotals("ks")).startsWith("INSERT INTO ks.batch_view_words (")
        .satisfies(cql -> assertThat(cql.chars().filter(c -> c == '?').count()).isEqualTo(6));
    assertThat(BatchViewWords.deletePartition("ks")).isEqualTo("DELETE FROM ks.batch_view_words WHERE base = ? AND bucket = ?");
    assertThat(CorpusChunks.insert("ks")).isEqualTo("INSERT INTO ks.corpus_chunks (version, chunk, words) VALUES (?, ?, ?)");
    assertThat(CorpusChunks.selectVersion("ks")).isEqualTo("SELECT words FROM ks.corpus_chunks WHERE version = ?");
    assertThat(CorpusChunks.deleteVersion("ks")).isEqualTo("DELETE FROM ks.corpus_chunks WHERE version = ?");
    assertThat(ViewStore.selectPointer("ks")).contains("FROM ks.view_pointer WHERE name = ?");
  }
}
