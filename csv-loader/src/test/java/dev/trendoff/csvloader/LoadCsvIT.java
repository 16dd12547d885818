package dev.trendoff.csvloader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;

import dev.trendoff.core.CassandraSessions;
import dev.trendoff.core.Settings;
import dev.trendoff.core.Tables;
import dev.trendoff.core.UserError;
import dev.trendoff.formats.Fixtures;
import dev.trendoff.formats.TweetFormats;
import dev.trendoff.localstack.junit.LocalStackExtension;
import dev.trendoff.localstack.junit.TestStack;

/** load-csv against a real Cassandra: good rows in the master table, bad ones in the reject file. */
@ExtendWith(LocalStackExtension.class)
class LoadCsvIT {

  @Test
  void goodRowsAreLoadedAndBadOnesRejected(TestStack stack, @TempDir Path rejects) throws Exception {
    Settings s = stack.settingsWith(Map.of("cassandra.keyspace", stack.freshName("csv"),
        "csv-loader.reject-dir", rejects.toString(), "csv-loader.chunk-records", 5));
    ByteArrayOutputStream progress = new ByteArrayOutputStream();
    LoadCsv.Summary summary = LoadCsv.run(s, LoadCsvLogicTest.FIXTURE, LoadCsvLogicTest.FOLLOWTHEHASHTAG,
        new PrintStream(progress, true, StandardCharsets.UTF_8));

    assertThat(summary.records()).isEqualTo(17);
    assertThat(summary.loaded()).isEqualTo(12);
    assertThat(summary.rejected()).isEqualTo(5);
    assertThat(progress.toString(StandardCharsets.UTF_8)).contains("records read").contains("17 records read");
    String json = dev.trendoff.core.JsonOption.of(summary.json());
    assertThat(dev.trendoff.localstack.junit.JsonDocs.differences("load-csv", json)).as(json).isEmpty();
    assertThat(json).contains("\"records\":17,\"loaded\":12,\"rejected\":5,\"rejectFile\":\"" + summary.rejectFile() + "\"");

    List<com.fasterxml.jackson.databind.JsonNode> rejectLines = new java.util.ArrayList<>();
    for (String line : Files.readAllLines(summary.rejectFile())) {
      rejectLines.add(new com.fasterxml.jackson.databind.ObjectMapper().readTree(line));
    }
    assertThat(rejectLines).extracting(j -> j.get("where").asText())
        .containsExactly("line 6", "line 7", "line 14", "line 15", "line 19");
    assertThat(rejectLines).allSatisfy(j -> assertThat(j.get("reason").asText()).isNotEmpty());
    assertThat(rejectLines.get(0).get("raw").asText()).contains("721318437075685990");

    try (CqlSession session = CassandraSessions.open(s.cassandra())) {
      TreeSet<Long> ids = new TreeSet<>();
      for (Row r : session.execute("SELECT tweet_id, kafka_partition, kafka_offset, user_key, ingested_at FROM " + Tables.TWEETS)) {
        ids.add(r.getLong(0));
        assertThat(r.isNull(1)).as("no Kafka partition for a file row").isTrue();
        assertThat(r.isNull(2)).isTrue();
        assertThat(r.getString(3)).isIn("alice", "bob", "carol");
        assertThat(r.getInstant(4)).isNotNull();
      }
      assertThat(ids).hasSize(12).first().isEqualTo(721318437075685376L);
      assertThat(ids.last()).isEqualTo(721318437075685387L);
      Row multiLine = session.execute("SELECT user_screen_name, text, retweet_count, favorite_count, latitude, place FROM "
          + Tables.TWEETS + " WHERE tweet_id = 721318437075685380").one();
      assertThat(multiLine.getString(0)).isEqualTo("bob");
      assertThat(multiLine.getString(1)).isEqualTo("Spark and Cassandra at #bigdata meetup number 4 with coffee");
      assertThat(multiLine.getInt(2)).isEqualTo(7);
      assertThat(multiLine.getInt(3)).isEqualTo(3);
      assertThat(multiLine.getDouble(4)).isEqualTo(40.7);
      assertThat(multiLine.getString(5)).isEqualTo("New York, NY");

      // the run is registered as loaded, its tweets listed for the next incremental recompute
      // (docs/lambda.md 'Incremental recomputes'), and each master row names it among its copies
      List<Row> loads = session.execute("SELECT load_id, state, tweets FROM loads").all();
      assertThat(loads).hasSize(1);
      long load = loads.get(0).getLong(0);
      assertThat(loads.get(0).getString(1)).isEqualTo("loaded");
      assertThat(loads.get(0).getLong(2)).isEqualTo(12);
      TreeSet<Long> listed = new TreeSet<>();
      session.execute("SELECT tweet_id FROM load_tweets").forEach(r -> listed.add(r.getLong(0)));
      assertThat(listed).isEqualTo(ids);
      for (Row r : session.execute("SELECT load_ids FROM " + Tables.TWEETS)) {
        assertThat(r.getSet(0, Long.class)).containsExactly(load);
      }
    }

    // loading the same file again leaves one row per tweet
    LoadCsv.run(s, LoadCsvLogicTest.FIXTURE, LoadCsvLogicTest.FOLLOWTHEHASHTAG, new PrintStream(new ByteArrayOutputStream()));
    try (CqlSession session = CassandraSessions.open(s.cassandra())) {
      assertThat(session.execute("SELECT count(*) FROM " + Tables.TWEETS).one().getLong(0)).isEqualTo(12);
    }
  }

  @Test
  void aGzippedJsonlFileIsLoadedToo(TestStack stack, @TempDir Path dir) throws Exception {
    Settings s = stack.settingsWith(Map.of("cassandra.keyspace", stack.freshName("jsonl"),
        "csv-loader.reject-dir", dir.resolve("rejects").toString()));
    LoadCsv.Summary summary = LoadCsv.run(s, LoadCsvLogicTest.writeJsonlSample(dir), LoadCsvLogicTest.JSONL,
        new PrintStream(new ByteArrayOutputStream()));

    assertThat(summary.records()).isEqualTo(5);
    assertThat(summary.loaded()).isEqualTo(3);
    assertThat(summary.rejected()).isEqualTo(2);
    assertThat(Files.readAllLines(summary.rejectFile())).hasSize(2)
        .anySatisfy(l -> assertThat(l).contains("\"reason\":\"malformed-json\"").contains("\"where\":\"line 3\""))
        .anySatisfy(l -> assertThat(l).contains("\"reason\":\"not-a-status\"").contains("\"where\":\"line 4\""));
    try (CqlSession session = CassandraSessions.open(s.cassandra())) {
      Map<Long, String> sources = new java.util.TreeMap<>();
      for (Row r : session.execute("SELECT tweet_id, source, user_key FROM " + Tables.TWEETS)) {
        sources.put(r.getLong(0), r.getString(1) + " " + r.getString(2));
      }
      assertThat(sources).containsExactly(Map.entry(101L, "JSONL alice"), Map.entry(102L, "JSONL bob"),
          Map.entry(104L, "JSONL carol"));
    }
  }

  @Test
  void twoXArchivesAndABzippedXV2FileAreLoaded(TestStack stack, @TempDir Path dir) throws Exception {
    Settings s = stack.settingsWith(Map.of("cassandra.keyspace", stack.freshName("x"),
        "csv-loader.reject-dir", dir.resolve("rejects").toString()));
    Path archives = Files.createDirectory(dir.resolve("archives"));
    Fixtures.archiveZip("x-archive/alice", archives);
    Fixtures.archiveZip("x-archive/bob", archives);
    LoadCsv.Summary a = LoadCsv.run(s, archives, TweetFormats.named("x-archive"), new PrintStream(new ByteArrayOutputStream()));
    assertThat(a.records()).isEqualTo(13);
    assertThat(a.loaded()).isEqualTo(9);
    assertThat(a.rejected()).isEqualTo(4);
    assertThat(a.skipped()).isEqualTo(Map.of("earlier-edit", 1L));
    assertThat(a.line()).contains("1 skipped (earlier-edit)");
    assertThat(Files.readAllLines(a.rejectFile())).extracting(l -> new com.fasterxml.jackson.databind.ObjectMapper().readTree(l)
        .get("where").asText()).containsExactly("alice.zip data/tweets.js:249", "alice.zip data/tweets.js:267",
            "alice.zip data/tweets-part1.js:28", "alice.zip data/tweets-part1.js:42");

    // written by the bzip2 tool (formats/src/test/resources/fixtures/compressed)
    LoadCsv.Summary v2 = LoadCsv.run(s, Fixtures.path("compressed/x-v2.jsonl.bz2"), TweetFormats.named("x-v2"),
        new PrintStream(new ByteArrayOutputStream()));
    assertThat(v2.records()).isEqualTo(13);
    assertThat(v2.loaded()).isEqualTo(5);

    try (CqlSession session = CassandraSessions.open(s.cassandra())) {
      Map<String, Long> bySource = new java.util.TreeMap<>();
      for (Row r : session.execute("SELECT source FROM " + Tables.TWEETS)) {
        bySource.merge(r.getString(0), 1L, Long::sum);
      }
      assertThat(bySource).isEqualTo(Map.of("X_ARCHIVE", 9L, "X_V2", 5L));
      Row note = session.execute("SELECT user_key, user_name, text, favorite_count FROM " + Tables.TWEETS
          + " WHERE tweet_id = 1681736112456716288").one();
      assertThat(note.getString(0)).isEqualTo("alice_data");
      assertThat(note.getString(1)).isEqualTo("Alice \u00c4ngstr\u00f6m");
      assertThat(note.getString(2)).endsWith("serving layers, speed layers and the batch recompute.");
      assertThat(note.getInt(3)).isEqualTo(30);
      Row page = session.execute("SELECT user_key, place, text FROM " + Tables.TWEETS + " WHERE tweet_id = 1445880548472328192").one();
      assertThat(page.getString(0)).isEqualTo("twitterdev");
      assertThat(page.getString(1)).isEqualTo("Manhattan, NY");
      assertThat(page.getString(2)).contains("v2 API & a new way");
    }
  }

  @Test
  void aMissingFileIsOneLine(TestStack stack) {
    assertThatThrownBy(() -> LoadCsv.run(stack.settings(), Path.of("no-such.csv"), LoadCsvLogicTest.FOLLOWTHEHASHTAG, System.err))
        .isInstanceOf(UserError.class).hasMessage("no such file: no-such.csv");
  }
}
