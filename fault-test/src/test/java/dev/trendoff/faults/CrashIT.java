package dev.trendoff.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewPartitions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.datastax.oss.driver.api.core.CqlSession;
import com.typesafe.config.Config;

import dev.trendoff.avro.Tweet;
import dev.trendoff.batch.BatchIngest;
import dev.trendoff.batch.RecomputeMain;
import dev.trendoff.core.CassandraSessions;
import dev.trendoff.core.KafkaTopics;
import dev.trendoff.core.Settings;
import dev.trendoff.localstack.junit.LocalStackExtension;
import dev.trendoff.localstack.junit.TestStack;
import dev.trendoff.producer.SyntheticTweets;
import dev.trendoff.spark.JobProcess;
import dev.trendoff.speed.Feed;
import dev.trendoff.speed.SpeedLayer;
import dev.trendoff.views.ViewPointer;
import dev.trendoff.views.ViewStore;

/**
 * Faults 2, 3 and 4 of docs/lambda.md 'Faults and what they do', on one stream: the speed layer, the
 * batch ingest and a recompute loop run as processes of their own while a producer sends; the Kafka
 * broker is killed (kill -9) and restarted; partitions are added to the topic; the Cassandra node is
 * killed and restarted while the layers write and a recompute round is between writing its version and
 * flipping the pointer. Nothing is restarted but the servers: the layers and the loop resume by
 * themselves, every tweet is counted exactly once on both sides, and the tweets of the new partitions
 * reach both views.
 */
@ExtendWith(LocalStackExtension.class)
class CrashIT {

  @Test
  void layersAndRecomputeResumeAfterKafkaAndCassandraAreKilledAndPartitionsAddedWithNothingLostOrDoubled(TestStack stack)
      throws Exception {
    Config config = Faults.own(stack, "crash", Map.of("kafka.partitions", 2, "batch.recompute.pause-before-flip", "3s"));
    Settings s = Faults.settings(config);
    SyntheticTweets synth = new SyntheticTweets(17, 40, 3000);
    List<Tweet> produced = new ArrayList<>();
    try (JobProcess speed = Faults.launch("crash-speed", SpeedLayer.class, List.of(), config);
        JobProcess ingest = Faults.launch("crash-ingest", BatchIngest.class, List.of(), config);
        JobProcess recompute = Faults.launch("crash-recompute", RecomputeMain.class, List.of("2s"), config)) {
      Faults.awaitStarted(speed);
      Faults.awaitStarted(ingest);
      try (Feed feed = new Feed(s, synth, 0, 1500, 100)) {
        Faults.await("500 tweets sent", Duration.ofSeconds(60), () -> feed.sentSoFar() >= 500);
        stack.killKafka();
        System.out.printf("kafka killed with %d tweets sent%n", feed.sentSoFar());
        stack.restart();
        produced.addAll(feed.finish());
      }
      try (Admin admin = KafkaTopics.admin(s.kafka())) {
        admin.createPartitions(Map.of(s.kafka().topic(), NewPartitions.increaseTo(4))).all().get();
      }
      System.out.println("partitions 2 and 3 added with 1500 tweets sent; more to come");
      int atKill;
      try (Feed feed = new Feed(s, synth, 1500, 1500, 40)) {
        Faults.await("1,600 tweets sent", Duration.ofSeconds(60), () -> feed.sentSoFar() >= 100);
        // Cassandra dies while the layers write and a recompute round waits between its version and its flip
        int pauses = occurrences(recompute.logText(), "pausing");
        Faults.await("a recompute round about to flip", Faults.CATCH_UP,
            () -> occurrences(recompute.logText(), "pausing") > pauses);
        atKill = recompute.logText().length();
        assertThat(feed.sentSoFar()).as("still producing").isLessThan(1500);
        stack.killCassandra();
        System.out.printf("cassandra killed with %d tweets sent and a recompute round before its flip%n", 1500 + feed.sentSoFar());
        stack.restart();
        // the layers resume under 200 more tweets, then the feed stops: what it sent is what must be counted
        int atRestart = feed.sentSoFar();
        Faults.await("200 tweets sent after the restart", Duration.ofSeconds(60),
            () -> feed.sentSoFar() >= Math.min(1500, atRestart + 200));
        feed.close();
        produced.addAll(feed.finish());
      }
      Faults.await("both layers commit every partition to its end", Faults.CATCH_UP, () -> Faults.bothCaughtUp(s));
      Map<Integer, Long> end = Faults.endOffsets(s);
      try (CqlSession session = CassandraSessions.open(s.cassandra())) {
        ViewStore store = new ViewStore(session, s.cassandra().keyspace(), 1);
        Faults.await("the recompute loop publishes a version whose cut covers everything", Faults.CATCH_UP,
            () -> end.equals(publishedCut(store)));
      }

      List<JobProcess> jobs = List.of(speed, ingest, recompute);
      for (JobProcess p : jobs) {
        assertThat(p.isAlive()).as(p.logTail(30)).isTrue();
      }
      List<Integer> exits = Faults.terminateAll(jobs, Duration.ofSeconds(60));
      for (int i = 0; i < jobs.size(); i++) {
        assertThat(exits.get(i)).as(jobs.get(i).logTail(30)).isZero();
      }
      for (JobProcess p : List.of(speed, ingest)) {
        assertThat(p.logText()).as(p + " restarted its stream").contains("restarting").contains("partitions 4");
      }
      String afterKill = recompute.logText().substring(atKill);
      Matcher failed = Pattern.compile("NOT (published|confirmed)|failed this round").matcher(afterKill);
      assertThat(failed.find()).as("the round Cassandra died in did not publish:\n" + afterKill).isTrue();
      assertThat(afterKill.indexOf("published:")).as("a later round published").isGreaterThan(failed.start());
    }
    Map<Integer, Long> end = Faults.endOffsets(s);
    assertThat(end.keySet()).containsExactly(0, 1, 2, 3);
    assertThat(end.get(2) + end.get(3)).as("tweets went to the new partitions").isPositive();
    assertThat(end.values().stream().mapToLong(Long::longValue).sum()).as("nothing doubled in Kafka").isEqualTo(produced.size());
    Faults.assertAnswersEqualRecount(s, produced);
  }

  static int occurrences(String text, String what) {
    int n = 0;
    for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + 1)) {
      n++;
    }
    return n;
  }

  /** The published version's cut, or null while there is none (or Cassandra does not answer). */
  static Map<Integer, Long> publishedCut(ViewStore store) {
    try {
      ViewPointer p = store.current();
      return p.exists() ? p.cut().asMap() : null;
    } catch (RuntimeException e) {
      return null;
    }
  }
}
