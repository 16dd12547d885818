package dev.trendoff.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import com.datastax.oss.driver.api.core.CqlSession;
import com.typesafe.config.Config;

import dev.trendoff.avro.Tweet;
import dev.trendoff.batch.BatchIngest;
import dev.trendoff.batch.Recompute;
import dev.trendoff.batch.RecomputeSummary;
import dev.trendoff.core.CassandraSessions;
import dev.trendoff.core.Settings;
import dev.trendoff.core.Tables;
import dev.trendoff.csvloader.LoadCsv;
import dev.trendoff.formats.Fixtures;
import dev.trendoff.formats.TweetFormats;
import dev.trendoff.localstack.junit.LocalStackExtension;
import dev.trendoff.localstack.junit.TestStack;
import dev.trendoff.producer.ProduceCommand;
import dev.trendoff.serving.CompareRequest;
import dev.trendoff.serving.Comparison;
import dev.trendoff.serving.QueryService;
import dev.trendoff.serving.Recount;
import dev.trendoff.serving.WordCounts;
import dev.trendoff.spark.KafkaStreamJob;
import picocli.CommandLine;

/**
 * The data people hold today, end to end on the real stack: two people's X archives (zips) through
 * produce, Kafka and the batch ingest; an X API v2 JSON-lines file (xz) through load-csv; one recompute;
 * then compare-users for pairs within and across the two equals a recount of the files' tweets.
 */
@ExtendWith(LocalStackExtension.class)
class RealDataIT {

  @Test
  void xArchivesThroughProduceAndXV2ThroughLoadCsvCompareLikeARecount(TestStack stack, @TempDir Path dir) throws Exception {
    Map<String, Object> own = Map.of("kafka.topic", stack.freshName("real"), "kafka.dlq-topic", stack.freshName("real_dlq"),
        "kafka.batch-group", stack.freshName("batch"), "cassandra.keyspace", stack.freshName("real"),
        "producer.reject-dir", dir.resolve("rejects").toString(), "csv-loader.reject-dir", dir.resolve("rejects").toString(),
        "batch.ingest.batch-interval", "500ms");
    Settings settings = stack.settingsWith(own);
    Config config = stack.configWith(own);

    Path archives = Files.createDirectory(dir.resolve("archives"));
    Fixtures.archiveZip("x-archive/alice", archives);
    Fixtures.archiveZip("x-archive/bob", archives);
    CommandLine produce = new CommandLine(new ProduceCommand(() -> config));
    StringWriter out = new StringWriter();
    produce.setOut(new PrintWriter(out));
    assertThat(produce.execute("--source", "x-archive", archives.toString(), "--no-progress")).as(out.toString()).isZero();
    assertThat(out.toString()).contains("sent 9");

    KafkaStreamJob ingest = BatchIngest.job(settings).start();
    try (CqlSession session = CassandraSessions.open(settings.cassandra())) {
      long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
      while (count(session) < 9 && System.nanoTime() < deadline) {
        Thread.sleep(250);
      }
    } finally {
      ingest.stopGracefully();
    }

    // written by the xz tool (formats/src/test/resources/fixtures/compressed)
    Path xz = Fixtures.path("compressed/x-v2.jsonl.xz");
    LoadCsv.Summary loaded = LoadCsv.run(settings, xz, TweetFormats.named("x-v2"), new PrintStream(new ByteArrayOutputStream()));
    assertThat(loaded.loaded()).isEqualTo(5);
    try (CqlSession session = CassandraSessions.open(settings.cassandra())) {
      assertThat(count(session)).isEqualTo(14);
    }

    RecomputeSummary recompute;
    try (Recompute r = new Recompute(settings)) {
      recompute = r.runOnce();
    }
    assertThat(recompute.published()).isTrue();

    List<Tweet> all = new ArrayList<>(Fixtures.tweetsOf(Fixtures.read("x-archive", "x-archive/alice")));
    all.addAll(Fixtures.tweetsOf(Fixtures.read("x-archive", "x-archive/bob")));
    all.addAll(Fixtures.tweetsOf(Fixtures.read("x-v2", "x-v2.jsonl")));
    Map<String, Recount> recount = Recount.of(all);
    assertThat(recount.keySet()).containsExactlyInAnyOrder("alice_data", "bob_builds", "twitterdev", "x", "juergen_u");

    try (QueryService compare = QueryService.open(settings.cassandra())) {
      for (String[] pair : List.of(new String[] {"alice_data", "bob_builds"}, new String[] {"alice_data", "twitterdev"},
          new String[] {"@TwitterDev", "juergen_u"})) {
        Comparison c = compare.compare(CompareRequest.parse(List.of(pair[0], pair[1]), "shared", "all"));
        Recount a = recount.get(dev.trendoff.core.UserKeys.of(pair[0]));
        Recount b = recount.get(dev.trendoff.core.UserKeys.of(pair[1]));
        assertThat(c.words()).as("%s vs %s", pair[0], pair[1]).isEqualTo(EndToEndIT.mutual(a, b,
            Comparator.comparingLong(WordCounts::min).reversed().thenComparing(Comparator.comparingLong(WordCounts::sum).reversed())));
        assertThat(Recount.of(c.a())).isEqualTo(a);
        assertThat(Recount.of(c.b())).isEqualTo(b);
      }
      // counted by hand from the archives: coffee twice each; kafka once for alice (her retweet), twice for bob;
      // the escaped '&amp;', '&lt;' and '&gt;' of the archives are not words
      Comparison ab = compare.compare(CompareRequest.parse(List.of("alice_data", "bob_builds"), "shared", "all"));
      assertThat(ab.words()).contains(new WordCounts("coffee", 2, 2), new WordCounts("kafka", 1, 2));
      assertThat(ab.a().words()).doesNotContainKeys("amp", "lt", "gt");
      assertThat(ab.a().tweets()).isEqualTo(6);
    }
  }

  private static long count(CqlSession session) {
    return session.execute("SELECT count(*) FROM " + Tables.TWEETS).one().getLong(0);
  }
}
