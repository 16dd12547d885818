package dev.trendoff.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.datastax.oss.driver.api.core.CqlSession;
import com.typesafe.config.Config;

import dev.trendoff.avro.Tweet;
import dev.trendoff.batch.BatchIngest;
import dev.trendoff.batch.Recompute;
import dev.trendoff.batch.RecomputeMain;
import dev.trendoff.batch.RecomputeSummary;
import dev.trendoff.core.CassandraSessions;
import dev.trendoff.core.KafkaTopics;
import dev.trendoff.core.Settings;
import dev.trendoff.core.UserError;
import dev.trendoff.localstack.junit.LocalStackExtension;
import dev.trendoff.localstack.junit.TestStack;
import dev.trendoff.producer.SyntheticTweets;
import dev.trendoff.producer.TweetProducer;
import dev.trendoff.serving.CompareRequest;
import dev.trendoff.serving.QueryError;
import dev.trendoff.serving.QueryService;
import dev.trendoff.serving.Status;
import dev.trendoff.spark.KafkaStreamJob;
import dev.trendoff.speed.SpeedLayer;
import dev.trendoff.views.ViewPointer;
import dev.trendoff.views.ViewStore;

/**
 * Fault 5 of docs/lambda.md 'Faults and what they do': the topic deleted and created again under a
 * published view. The speed layer, running, moves to the new topic by itself; the serving merge and
 * the recompute then stop with one line naming the cause and the recovery instead of splitting the
 * new, small offsets on the old cut; {@code recompute --adopt-topic} recovers, and the answers are
 * exact again, also for tweets that come after.
 */
@ExtendWith(LocalStackExtension.class)
class RecreatedTopicIT {

  @Test
  void aRecreatedTopicStopsServingAndTheRecomputeUntilAdoptedThenAnswersAreExact(TestStack stack) throws Exception {
    Config config = Faults.own(stack, "recreated", Map.of());
    Settings s = Faults.settings(config);
    SyntheticTweets synth = new SyntheticTweets(5, 15, 550);
    List<Tweet> before = synth.stream().limit(300).toList();
    List<Tweet> after = synth.stream().skip(300).limit(200).toList();
    List<Tweet> later = synth.stream().skip(500).toList();

    produce(s, before);
    Faults.runUntilCaughtUp(SpeedLayer.job(s), s);
    Faults.runUntilCaughtUp(BatchIngest.job(s), s);
    RecomputeSummary first;
    try (Recompute r = new Recompute(s)) {
      first = r.runOnce();
    }
    assertThat(first.published()).isTrue();
    String oldTopic = first.cut().topicId();
    assertThat(oldTopic).isNotBlank();
    Faults.assertAnswersEqualRecount(s, before);

    // the speed layer runs while the topic is deleted and created again
    KafkaStreamJob speed = SpeedLayer.job(s).start();
    String newTopic;
    try {
      assertThat(speed.topicId()).isEqualTo(oldTopic);
      recreate(s);
      produce(s, after);
      Faults.await("the running speed layer reads the new topic to its end", Faults.CATCH_UP,
          () -> !oldTopic.equals(speed.topicId()) && Faults.endOffsets(s).equals(speed.processedOffsets()));
      newTopic = speed.topicId();
    } finally {
      speed.stopGracefully();
    }
    assertThat(speed.restarts()).isPositive();
    Faults.runUntilCaughtUp(BatchIngest.job(s), s);

    // the new topic's speed rows lie below the old cut: serving and the recompute refuse to split them on it
    String user = Faults.key(after.get(0));
    try (QueryService q = QueryService.open(s.cassandra())) {
      assertThatThrownBy(() -> q.compare(CompareRequest.parse(List.of(user, Faults.key(before.get(1))), null, null)))
          .isInstanceOfSatisfying(QueryError.class, e -> assertThat(e.kind()).isEqualTo(QueryError.Kind.UNAVAILABLE))
          .hasMessageContaining("deleted and created again").hasMessageContaining("--adopt-topic")
          .hasMessageContaining("docs/lambda.md 'A recreated topic'")
          .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }
    assertThatThrownBy(() -> RecomputeMain.run(s, Duration.ZERO, false, r -> { })).isInstanceOf(UserError.class)
        .hasMessageContaining("topic id " + oldTopic).hasMessageContaining("id " + newTopic)
        .hasMessageContaining("--adopt-topic").satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    assertThat(Status.read(s).topicChanged()).contains("--adopt-topic");

    // the recovery
    assertThat(RecomputeMain.run(s, Duration.ZERO, true, r -> { })).isZero();
    List<Tweet> all = new ArrayList<>(before);
    all.addAll(after);
    Faults.assertAnswersEqualRecount(s, all);
    try (CqlSession session = CassandraSessions.open(s.cassandra())) {
      ViewStore store = new ViewStore(session, s.cassandra().keyspace(), 8);
      ViewPointer p = store.current();
      assertThat(p.topicId()).isEqualTo(newTopic);
      assertThat(p.cut().retired()).containsExactly(oldTopic);
      assertThat(store.speedRowsWritten()).as("the old topic's speed rows are absorbed and deleted")
          .allSatisfy(r -> assertThat(r.row().topicId()).isEqualTo(newTopic));
    }
    assertThat(Status.read(s).topicChanged()).isNull();

    // and what comes after is counted from the speed side as usual
    produce(s, later);
    Faults.runUntilCaughtUp(SpeedLayer.job(s), s);
    all.addAll(later);
    Faults.assertAnswersEqualRecount(s, all);
  }

  static void produce(Settings s, List<Tweet> tweets) {
    try (TweetProducer p = new TweetProducer(s)) {
      tweets.forEach(p::send);
      p.flush();
      assertThat(p.failed()).isZero();
    }
  }

  /** Deletes the topic and creates it again (Kafka may take a moment to forget it). */
  static void recreate(Settings s) throws Exception {
    try (Admin admin = KafkaTopics.admin(s.kafka())) {
      admin.deleteTopics(List.of(s.kafka().topic())).all().get();
      Faults.await("the topic is gone", Duration.ofSeconds(60), () -> {
        try {
          return !admin.listTopics().names().get().contains(s.kafka().topic());
        } catch (Exception e) {
          return false;
        }
      });
    }
    // while Kafka still deletes the old one, creating it fails as 'exists' (which ensure takes for
    // someone else's creation): done only once the new topic is listed and described
    Faults.await("the topic is created again", Duration.ofSeconds(60), () -> {
      try {
        KafkaTopics.ensure(s.kafka());
        return KafkaTopics.partitions(s.kafka()).containsKey(s.kafka().topic());
      } catch (UserError e) {
        return false; // still being deleted
      }
    });
  }
}
