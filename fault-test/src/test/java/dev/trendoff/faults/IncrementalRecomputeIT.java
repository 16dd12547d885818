package dev.trendoff.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
import dev.trendoff.csvloader.LoadCsv;
import dev.trendoff.formats.TweetFormats;
import dev.trendoff.localstack.junit.LocalStackExtension;
import dev.trendoff.localstack.junit.TestStack;
import dev.trendoff.producer.ProduceCommand;
import dev.trendoff.producer.SyntheticTweets;
import dev.trendoff.spark.JobProcess;
import dev.trendoff.speed.Feed;
import dev.trendoff.speed.SpeedLayer;
import dev.trendoff.views.ViewRow;
import dev.trendoff.views.ViewStore;

/**
 * docs/lambda.md 'Incremental recomputes' on the real stack: while the speed layer and the batch
 * ingest run, incremental recomputes one after another: after a stream of tweets, after a file
 * produced, after a file loaded with load-csv that repeats tweets of both, after the first file
 * produced again (its copies now on both sides of a cut), during a stream; then a full recompute at
 * the last cut. After every step compare-users' answer for every user equals a recount of the distinct
 * tweets, and the full run's rows equal the incremental ones, user by user, chunk by chunk.
 */
@ExtendWith(LocalStackExtension.class)
class IncrementalRecomputeIT {

  @Test
  void incrementalRecomputesThroughStreamsReplaysAndLoadsEqualARecountAndTheFullRecompute(TestStack stack, @TempDir Path dir)
      throws Exception {
    Config config = Faults.own(stack, "incremental", Map.of("batch.recompute.words-per-chunk", 40,
        "producer.reject-dir", dir.resolve("rejects").toString()));
    Settings s = Faults.settings(config);
    SyntheticTweets synth = new SyntheticTweets(23, 30, 1400);
    Map<Long, Tweet> all = new LinkedHashMap<>();
    List<RecomputeSummary> runs = new ArrayList<>();
    try (JobProcess speed = Faults.launch("incremental-speed", SpeedLayer.class, List.of(), config);
        JobProcess ingest = Faults.launch("incremental-ingest", BatchIngest.class, List.of(), config)) {
      Faults.awaitStarted(speed);
      Faults.awaitStarted(ingest);
      // a stream
      try (Feed feed = new Feed(s, synth, 0, 400, 2000)) {
        feed.finish().forEach(t -> all.put(t.getId(), t));
      }
      runs.add(caughtUpThenRecompute(s, all));

      // a file produced
      List<Tweet> fileTweets = synth.stream().skip(400).limit(300).toList();
      Path file = PoisonPillIT.jsonl(dir.resolve("statuses.jsonl"), fileTweets);
      produce(config, file);
      fileTweets.forEach(t -> all.put(t.getId(), t));
      runs.add(caughtUpThenRecompute(s, all));

      // a file loaded that repeats tweets of the stream and of the produced file, and has new ones
      List<Tweet> loaded = new ArrayList<>(synth.stream().skip(100).limit(50).toList());
      loaded.addAll(fileTweets.subList(0, 50));
      loaded.addAll(synth.stream().skip(700).limit(200).toList());
      LoadCsv.Summary load = LoadCsv.run(s, PoisonPillIT.jsonl(dir.resolve("load.jsonl"), loaded),
          TweetFormats.named("jsonl"), System.out);
      assertThat(load.loaded()).isEqualTo(300);
      Faults.assertAnswersEqualRecount(s, all.values()); // a loaded run counts from the next recompute on
      loaded.forEach(t -> all.put(t.getId(), t));
      runs.add(caughtUpThenRecompute(s, all));
      assertThat(runs.get(2).tweets()).as("the loaded tweets, each once, not those counted before").isEqualTo(200);

      // the produced file again: its copies now lie on both sides of a cut
      produce(config, file);
      Faults.await("both layers read the replay", Faults.CATCH_UP, () -> Faults.bothCaughtUp(s));
      Faults.assertAnswersEqualRecount(s, all.values());
      runs.add(caughtUpThenRecompute(s, all));
      assertThat(runs.get(3).tweets()).as("copies of tweets counted before add nothing").isZero();
      assertThat(runs.get(3).alreadyCounted()).isEqualTo(300);

      // a recompute while tweets stream in
      try (Feed feed = new Feed(s, synth, 900, 500, 100)) {
        Faults.await("200 tweets sent", Duration.ofSeconds(60), () -> feed.sentSoFar() >= 200);
        try (Recompute r = new Recompute(s)) {
          runs.add(r.runOnce());
        }
        feed.finish().forEach(t -> all.put(t.getId(), t));
      }
      runs.add(caughtUpThenRecompute(s, all));
      assertThat(Faults.terminateAll(List.of(speed, ingest), Duration.ofSeconds(60))).containsOnly(0);
    }
    assertThat(runs).allSatisfy(r -> assertThat(r.published()).as(r.line()).isTrue());
    assertThat(runs.get(0).incremental()).as("no version yet: the first run is full").isFalse();
    assertThat(runs.subList(1, runs.size())).allSatisfy(r -> assertThat(r.incremental()).as(r.line()).isTrue());
    assertThat(runs.get(1).users()).as("users touched").isLessThanOrEqualTo(30);

    // a full recompute at the same cut writes the same rows
    RecomputeSummary last = runs.get(runs.size() - 1);
    try (CqlSession session = CassandraSessions.open(s.cassandra())) {
      ViewStore store = new ViewStore(session, s.cassandra().keyspace(), 8);
      Map<String, List<ViewRow>> incremental = rows(store, last.version());
      List<Long> versionsServed = new ArrayList<>();
      store.users().forEach(u -> store.rowsAtOrBelow(u, last.version()).forEach(r -> versionsServed.add(r.version())));
      assertThat(versionsServed).as("rows the last incremental run did not rewrite are served from earlier versions")
          .contains(last.version()).anyMatch(v -> v < last.version());
      RecomputeSummary full;
      try (Recompute r = new Recompute(s)) {
        full = r.runOnce(Recompute.Kind.FULL, false);
      }
      assertThat(full.published()).isTrue();
      assertThat(full.cut()).isEqualTo(last.cut());
      assertThat(full.tweets()).isEqualTo(all.size());
      assertThat(rows(store, full.version())).as("the full run's rows, user by user and word by word").isEqualTo(incremental);
      for (String user : store.users()) {
        assertThat(store.rowsAtOrBelow(user, full.version())).allSatisfy(r -> assertThat(r.version()).isEqualTo(full.version()));
      }
    }
    Faults.assertAnswersEqualRecount(s, all.values());
  }

  /** Waits until both layers read the whole topic, runs one recompute, checks every answer. */
  static RecomputeSummary caughtUpThenRecompute(Settings s, Map<Long, Tweet> all) throws Exception {
    Faults.await("both layers read the topic", Faults.CATCH_UP, () -> Faults.bothCaughtUp(s));
    RecomputeSummary r;
    try (Recompute recompute = new Recompute(s)) {
      r = recompute.runOnce();
    }
    System.out.println(r.line());
    Faults.assertAnswersEqualRecount(s, all.values());
    return r;
  }

  /** Every user's rows as serving reads them in {@code version}, without the versions that wrote them. */
  static Map<String, List<ViewRow>> rows(ViewStore store, long version) {
    Map<String, List<ViewRow>> out = new java.util.TreeMap<>();
    for (String user : store.users()) {
      out.put(user, store.rowsAtOrBelow(user, version).stream().map(r -> r.at(0)).toList());
    }
    return out;
  }

  static void produce(Config config, Path file) {
    Faults.Run r = Faults.command(new ProduceCommand(Faults.supplier(config)), "--source", "jsonl", file.toString(),
        "--no-progress");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(Files.exists(file)).isTrue();
  }
}
