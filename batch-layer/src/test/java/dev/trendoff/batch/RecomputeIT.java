package dev.trendoff.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.datastax.oss.driver.api.core.CqlSession;

import dev.trendoff.avro.Tweet;
import dev.trendoff.core.CassandraSessions;
import dev.trendoff.core.KafkaOffsets;
import dev.trendoff.core.Settings;
import dev.trendoff.core.Tokenizer;
import dev.trendoff.core.UserError;
import dev.trendoff.core.UserKeys;
import dev.trendoff.localstack.junit.LocalStackExtension;
import dev.trendoff.localstack.junit.TestStack;
import dev.trendoff.producer.SyntheticTweets;
import dev.trendoff.spark.JobProcess;
import dev.trendoff.spark.KafkaStreamJob;
import dev.trendoff.spark.SparkConfs;
import dev.trendoff.views.Cut;
import dev.trendoff.views.RecomputeLease;
import dev.trendoff.views.SpeedRow;
import dev.trendoff.views.SpeedViewWrites;
import dev.trendoff.views.ViewPointer;
import dev.trendoff.views.ViewReads;
import dev.trendoff.views.ViewRow;
import dev.trendoff.views.ViewStore;

/** The recompute against a real Kafka and Cassandra: exact counts, the cut, publishing, clean-up, kill -9. */
@ExtendWith(LocalStackExtension.class)
class RecomputeIT {

  static Map<String, Object> own(TestStack stack, Map<String, Object> more) {
    Map<String, Object> o = new LinkedHashMap<>(BatchIngestIT.own(stack, Map.of()));
    o.putAll(more);
    return o;
  }

  /** Writes tweets as a load-csv run would (no Kafka position; a load of its own), through the connector. */
  static void writeFileRows(Settings s, List<Tweet> tweets) {
    try (CqlSession session = CassandraSessions.open(s.cassandra())) {
      MasterLoads loads = new MasterLoads(session, s.cassandra().keyspace());
      long load = loads.begin("test");
      List<MasterRow> rows = new ArrayList<>();
      tweets.forEach(t -> rows.add(MasterRows.fromLoad(t, load, System.currentTimeMillis())));
      try (JavaSparkContext sc = new JavaSparkContext(SparkConfs.forJob(s, "test-file-rows"))) {
        MasterTable.save(sc.parallelize(rows, 2), s.cassandra().keyspace(), 32);
      }
      loads.finish(load, tweets.size());
    }
  }

  /** What serving reads of each user in {@code version} (its latest rows at or below it) equals the recount. */
  static void assertServedEquals(ViewStore store, long version, Fixtures.Recount expected) {
    assertThat(store.users()).as("users with rows").containsAll(expected.totals.keySet());
    for (Map.Entry<String, long[]> e : expected.totals.entrySet()) {
      List<ViewRow> rows = store.rowsAtOrBelow(e.getKey(), version);
      assertThat(rows).as("rows of %s", e.getKey()).isNotEmpty();
      assertThat(rows.get(0).totals()).as("the totals row of %s comes first", e.getKey()).isTrue();
      assertThat(new long[] {rows.get(0).tweets(), rows.get(0).tokens()}).as("tweets and tokens of %s", e.getKey())
          .containsExactly(e.getValue());
      Map<String, Integer> words = new TreeMap<>();
      rows.subList(1, rows.size()).forEach(r -> words.put(r.word(), Math.toIntExact(r.count())));
      assertThat(words).as("words of %s", e.getKey()).isEqualTo(expected.words.getOrDefault(e.getKey(), Map.of()));
    }
    assertCorpusEquals(store, version, expected);
  }

  /** The corpus of {@code version}: every word's count over all users of the recount. */
  static void assertCorpusEquals(ViewStore store, long version, Fixtures.Recount expected) {
    Map<String, Long> corpus = new TreeMap<>();
    expected.words.values().forEach(w -> w.forEach((word, n) -> corpus.merge(word, (long) n, Long::sum)));
    assertThat(store.corpus(version)).as("corpus of version %d", version).isEqualTo(corpus).isNotEmpty();
  }

  static void ingestAll(Settings s) throws InterruptedException {
    Map<Integer, Long> end = Fixtures.endOffsets(s);
    KafkaStreamJob job = BatchIngest.job(s).start();
    try {
      Fixtures.await("the ingest reads the whole topic", Duration.ofSeconds(120), () -> job.processedOffsets().equals(end));
    } finally {
      job.stopGracefully();
    }
  }

  static void assertVersionEquals(ViewStore store, long version, Fixtures.Recount expected) {
    Map<String, long[]> totals = store.totals(version);
    assertThat(totals.keySet()).as("users of version %d", version).isEqualTo(expected.totals.keySet());
    for (Map.Entry<String, long[]> e : expected.totals.entrySet()) {
      assertThat(totals.get(e.getKey())).as("tweets and tokens of %s", e.getKey()).containsExactly(e.getValue());
      assertThat(store.words(e.getKey(), version)).as("words of %s", e.getKey())
          .isEqualTo(expected.words.getOrDefault(e.getKey(), Map.of()));
    }
    assertCorpusEquals(store, version, expected);
  }

  @Test
  void aRecomputeEqualsAPlainRecountUpToItsCutAndCleansUp(TestStack stack) throws Exception {
    // small corpus chunks, so that each version's corpus spans several rows that the check puts together
    Settings s = stack.settingsWith(own(stack, Map.of("batch.recompute.words-per-chunk", 50)));
    SyntheticTweets synth = new SyntheticTweets(21, 15, 1700);
    Fixtures.produce(s, synth.stream().limit(1500).toList());
    ingestAll(s);
    List<Tweet> fileTweets = synth.stream().skip(1500).toList();
    writeFileRows(s, fileTweets);
    List<Fixtures.Placed> placed = Fixtures.placedTweets(s);

    // the ingest wrote everything but (as after a crash) committed less: the cut is the commit
    Map<Integer, Long> end = Fixtures.endOffsets(s);
    Map<Integer, Long> lowered = new TreeMap<>();
    end.forEach((p, o) -> lowered.put(p, Math.max(0, o - 40)));
    try (KafkaOffsets offsets = new KafkaOffsets(s.kafka())) {
      offsets.commit(s.kafka().batchGroup(), lowered);
    }
    Fixtures.Recount expected = new Fixtures.Recount();
    fileTweets.forEach(expected::add);
    long above = 0;
    for (Fixtures.Placed p : placed) {
      if (p.offset() < lowered.get(p.partition())) {
        expected.add(p.tweet());
      } else {
        above++;
      }
    }

    RecomputeSummary first;
    try (Recompute r = new Recompute(s)) {
      first = r.runOnce();
    }
    assertThat(first.published()).isTrue();
    assertThat(first.cut().asMap()).isEqualTo(lowered);
    assertThat(first.cut().topicId()).as("the cut records the topic's id").isNotBlank();
    assertThat(first.tweets()).isEqualTo(1700 - above);
    assertThat(first.skippedAboveCut()).isEqualTo(above);
    assertThat(first.users()).isEqualTo(expected.totals.size());
    String json = dev.trendoff.core.JsonOption.of(first.json());
    assertThat(dev.trendoff.localstack.junit.JsonDocs.differences("batch-layer recompute", json)).as(json).isEmpty();
    assertThat(json).contains("\"version\":" + first.version() + ",\"published\":true,\"cut\":\"" + first.cut().text() + "\"");
    assertThat(json).contains("\"topicId\":\"" + first.cut().topicId() + "\",\"flip\":\"published\",\"flipTimedOut\":false,"
        + "\"adoptedTopic\":false,").contains("\"skippedMasterRows\":{}");

    try (CqlSession session = CassandraSessions.open(s.cassandra())) {
      ViewStore store = new ViewStore(session, s.cassandra().keyspace(), 16);
      assertThat(store.current().version()).isEqualTo(first.version());
      assertThat(store.current().cut()).isEqualTo(first.cut());
      assertVersionEquals(store, first.version(), expected);
      assertThat(store.state(first.version())).contains(ViewStore.PUBLISHED);
      long coveredFirst = java.util.stream.Stream.concat(fileTweets.stream(),
          placed.stream().filter(p -> p.offset() < lowered.get(p.partition())).map(Fixtures.Placed::tweet))
          .mapToLong(Tweet::getId).max().orElseThrow();
      assertThat(store.maxTweetId(first.version())).as("the highest tweet id the first cut covers").hasValue(coveredFirst);
      long wordRows = expected.totals.keySet().stream().mapToLong(u -> expected.words.getOrDefault(u, Map.of()).size()).sum();
      assertThat(store.batchViewRows()).as("view rows: a totals row per user and a row per user and word")
          .isEqualTo(expected.totals.size() + wordRows).isGreaterThan(2L * expected.totals.size());

      // speed rows: one the next cut absorbs, one beyond it
      Fixtures.Placed absorbed = placed.get(placed.size() - 1);
      String user = UserKeys.of(absorbed.tweet().getUserScreenName());
      new SpeedViewWrites(session, s.cassandra().keyspace(), s.cassandra().writeConsistency(), 10, 4).write(Map.of(user, List.of(
          new SpeedRow(user, absorbed.tweet().getId(), absorbed.partition(), absorbed.offset(), Map.of("x", 1), 1),
          new SpeedRow(user, 1L, absorbed.partition(), end.get(absorbed.partition()) + 5, Map.of("y", 1), 1))));

      // the ingest caught up: the next version adds what came in since the first one's cut
      try (KafkaOffsets offsets = new KafkaOffsets(s.kafka())) {
        offsets.commit(s.kafka().batchGroup(), end);
      }
      RecomputeSummary second;
      try (Recompute r = new Recompute(s)) {
        second = r.runOnce();
      }
      Fixtures.Recount all = new Fixtures.Recount();
      fileTweets.forEach(all::add);
      placed.forEach(p -> all.add(p.tweet()));
      assertThat(second.incremental()).isTrue();
      assertThat(second.version()).isGreaterThan(first.version());
      assertThat(second.tweets()).as("the tweets between the two cuts").isEqualTo(above);
      Set<String> touched = new java.util.TreeSet<>();
      placed.stream().filter(p -> p.offset() >= lowered.get(p.partition()))
          .forEach(p -> touched.add(UserKeys.of(p.tweet().getUserScreenName())));
      assertThat(second.users()).isEqualTo(touched.size());
      assertThat(second.speedRowsDeleted()).isEqualTo(1);
      assertThat(store.rowsWrittenBy(second.version()).stream().filter(ViewRow::totals).map(ViewRow::user).toList())
          .as("totals rows only for the users new tweets touched").containsExactlyInAnyOrderElementsOf(touched);
      Map<String, List<ViewRow>> afterIncremental = new TreeMap<>();
      Set<String> newWords = new java.util.TreeSet<>();
      for (String u : all.totals.keySet()) {
        List<ViewRow> latest = store.rowsAtOrBelow(u, second.version());
        assertThat(latest.get(0).version()).as("the totals row of %s", u)
            .isEqualTo(touched.contains(u) ? second.version() : first.version());
        latest.stream().filter(r -> !r.totals() && r.version() == second.version()).forEach(r -> newWords.add(u + " " + r.word()));
        afterIncremental.put(u, latest.stream().map(r -> r.at(0)).toList());
      }
      Set<String> wordsOfNewTweets = new java.util.TreeSet<>();
      placed.stream().filter(p -> p.offset() >= lowered.get(p.partition())).forEach(p -> Tokenizer.standard()
          .tokens(p.tweet().getText()).forEach(w -> wordsOfNewTweets.add(UserKeys.of(p.tweet().getUserScreenName()) + " " + w)));
      assertThat(newWords).as("word rows the incremental run wrote: exactly the words of the new tweets").isEqualTo(wordsOfNewTweets);
      assertServedEquals(store, second.version(), all);
      long coveredSecond = java.util.stream.Stream.concat(fileTweets.stream(), placed.stream().map(Fixtures.Placed::tweet))
          .mapToLong(Tweet::getId).max().orElseThrow();
      assertThat(store.maxTweetId(second.version())).as("the highest tweet id the second cut covers").hasValue(coveredSecond);
      assertThat(store.corpus(first.version())).as("the older version's corpus is removed").isEmpty();
      assertThat(new ViewReads(session, s.cassandra().keyspace()).speedRows(user).join())
          .extracting(SpeedRow::tweetId).containsExactly(1L);

      // and a full one at the same cut writes exactly the same rows
      RecomputeSummary third;
      try (Recompute r = new Recompute(s)) {
        third = r.runOnce(Recompute.Kind.FULL, false);
      }
      assertThat(third.incremental()).isFalse();
      assertThat(third.cut()).isEqualTo(second.cut());
      assertThat(third.tweets()).isEqualTo(1700);
      assertVersionEquals(store, third.version(), all);
      for (String u : all.totals.keySet()) {
        List<ViewRow> full = store.rowsAtOrBelow(u, third.version());
        assertThat(full).as("user %s: the full run wrote every row", u).allSatisfy(r -> assertThat(r.version()).isEqualTo(third.version()));
        assertThat(full.stream().map(r -> r.at(0)).toList()).as("user %s: incremental equals full, row for row", u)
            .isEqualTo(afterIncremental.get(u));
      }
      assertThat(store.totals(first.version())).as("the older versions are removed").isEmpty();
      assertThat(store.totals(second.version())).isEmpty();

      // a recompute that read the pointer before another one published cannot publish
      assertThat(store.flip(ViewPointer.of(first.version(), lowered), third.version() + 1, Cut.of(end)).outcome())
          .isEqualTo(ViewStore.FlipOutcome.LOST);
      assertThat(store.flip(ViewPointer.NONE, third.version() + 1, Cut.of(end)).outcome()).isEqualTo(ViewStore.FlipOutcome.LOST);
      assertThat(store.current().version()).isEqualTo(third.version());
    }
  }

  @Test
  void killNineOfAnIncrementalRunBeforeTheFlipLeavesThePreviousVersionServedAndTheNextRunRepairsAndPublishes(TestStack stack)
      throws Exception {
    Map<String, Object> o = own(stack, Map.of("batch.recompute.lease-ttl", "12s"));
    Settings s = stack.settingsWith(o);
    SyntheticTweets synth = new SyntheticTweets(33, 10, 700);
    writeFileRows(s, synth.stream().limit(500).toList());
    RecomputeSummary v1;
    try (Recompute r = new Recompute(s)) {
      v1 = r.runOnce();
    }
    Fixtures.Recount before = new Fixtures.Recount();
    synth.stream().limit(500).forEach(before::add);
    writeFileRows(s, synth.stream().skip(500).toList());

    Map<String, Object> paused = new HashMap<>(o);
    paused.put("batch.recompute.pause-before-flip", "300s");
    try (CqlSession session = CassandraSessions.open(s.cassandra());
        JobProcess killed = JobProcess.start("recompute-killed", RecomputeMain.class.getName(), List.of(),
            stack.configWith(paused), "1g", Path.of("target", "it-logs", "recompute-kill-" + System.currentTimeMillis() + ".log"))) {
      assertThat(killed.awaitLog("pausing", Duration.ofSeconds(180))).as(killed.logTail(40)).isTrue();

      // a second recompute while the first one runs does not start
      try (Recompute r = new Recompute(s)) {
        assertThatThrownBy(r::runOnce).isInstanceOf(UserError.class).hasMessageContaining("holds the lease");
      }
      killed.kill9();

      ViewStore store = new ViewStore(session, s.cassandra().keyspace(), 16);
      assertThat(store.current().version()).isEqualTo(v1.version());
      assertVersionEquals(store, v1.version(), before);
      long killedVersion = RecomputeLease.holder(session, s.cassandra().keyspace()).orElseThrow();
      assertThat(store.state(killedVersion)).contains(ViewStore.BUILDING);
      assertThat(store.rowsWrittenBy(killedVersion)).as("the killed run had written its rows").isNotEmpty();
      assertThat(store.corpus(killedVersion)).as("and its corpus").isNotEmpty();

      Fixtures.await("the killed run's lease expires", Duration.ofSeconds(45), () -> RecomputeLease.holder(session, s.cassandra().keyspace()).isEmpty());
      assertThat(store.recordedUsers(killedVersion)).as("the killed incremental run recorded its users first")
          .containsAll(store.rowsWrittenBy(killedVersion).stream().map(ViewRow::user).toList());
      RecomputeSummary v3;
      try (Recompute r = new Recompute(s)) {
        v3 = r.runOnce();
      }
      assertThat(v3.published()).isTrue();
      assertThat(v3.incremental()).isTrue();
      assertThat(v3.version()).isGreaterThan(killedVersion);
      assertThat(v3.tweets()).isEqualTo(200);
      Fixtures.Recount after = new Fixtures.Recount();
      synth.stream().forEach(after::add);
      assertServedEquals(store, v3.version(), after);
      assertThat(store.state(killedVersion)).contains(ViewStore.REPAIRED);
      assertThat(store.rowsWrittenBy(killedVersion)).as("the killed run's partial rows are removed").isEmpty();
      assertThat(store.corpus(killedVersion)).as("and its corpus").isEmpty();
    }
  }
}
