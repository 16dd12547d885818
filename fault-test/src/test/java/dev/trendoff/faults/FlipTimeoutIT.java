package dev.trendoff.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.datastax.oss.driver.api.core.CqlSession;
import com.typesafe.config.Config;

import dev.trendoff.avro.Tweet;
import dev.trendoff.batch.BatchIngest;
import dev.trendoff.batch.BatchSettings;
import dev.trendoff.batch.Recompute;
import dev.trendoff.batch.RecomputeSummary;
import dev.trendoff.core.CassandraSessions;
import dev.trendoff.core.Settings;
import dev.trendoff.localstack.junit.LocalStackExtension;
import dev.trendoff.localstack.junit.TestStack;
import dev.trendoff.producer.SyntheticTweets;
import dev.trendoff.views.ViewPointer;
import dev.trendoff.views.ViewStore;

/**
 * docs/lambda.md 'Publishing a version': when the pointer flip's lightweight transaction times out its
 * outcome is unknown to the recompute; a serial read of the pointer tells it, and the summary line says
 * what is true. The flip is given a 1 ms timeout (batch.recompute.flip-timeout), far below what a
 * lightweight transaction takes, so it times out while Cassandra still carries it out.
 */
@ExtendWith(LocalStackExtension.class)
class FlipTimeoutIT {

  static final String TICK = "datastax-java-driver.advanced.netty.timer.tick-duration";

  @Test
  void aFlipThatTimesOutIsResolvedByASerialReadAndTheSummaryLineIsTrue(TestStack stack) throws Exception {
    Config config = Faults.own(stack, "flip", Map.of("batch.recompute.flip-timeout", "1ms"));
    Settings s = Faults.settings(config);
    List<Tweet> tweets = new SyntheticTweets(9, 10, 200).stream().toList();
    RecreatedTopicIT.produce(s, tweets);
    Faults.runUntilCaughtUp(BatchIngest.job(s), s);

    // the driver fires timeouts on the ticks of its timer (advanced.netty.timer.tick-duration, 100 ms by
    // default): a 1 ms timeout would fire only at the next tick, after a quiet machine's flip has answered.
    // This test's sessions tick every millisecond (the driver reads datastax-java-driver.* system properties).
    System.setProperty(TICK, "1 millisecond");
    try (Recompute recompute = new Recompute(s); CqlSession session = CassandraSessions.open(s.cassandra())) {
      System.clearProperty(TICK);
      ViewStore store = new ViewStore(session, s.cassandra().keyspace(), 4);
      int timedOut = 0;
      java.util.Set<Long> withdrawn = new java.util.HashSet<>();
      for (int run = 0; run < 4 && timedOut < 2; run++) {
        RecomputeSummary r = recompute.runOnce();
        ViewPointer now = store.current();
        System.out.println(r.line());
        assertThat(withdrawn).as("a version its run called withdrawn is never published later").doesNotContain(now.version());
        if (!r.flip().timedOut()) {
          continue; // it made it within 1 ms after all: nothing to resolve
        }
        timedOut++;
        assertThat(r.flip().outcome()).isNotEqualTo(ViewStore.FlipOutcome.UNKNOWN);
        boolean published = now.exists() && now.version() == r.version();
        assertThat(r.published()).as("the summary says published exactly when the pointer names the version").isEqualTo(published);
        assertThat(r.line()).contains(published ? "published (the flip got no answer; a serial read of the pointer found it published)"
            : "NOT published (the flip got no answer");
        assertThat(store.state(r.version())).contains(published ? ViewStore.PUBLISHED : ViewStore.WITHDRAWN);
        if (!published) {
          withdrawn.add(r.version());
        }
        if (published) {
          Faults.assertAnswersEqualRecount(s, tweets);
        }
      }
      assertThat(timedOut).as("flips that timed out").isPositive();
      Thread.sleep(BatchSettings.from(s).recompute().flipSettle().toMillis());
      assertThat(withdrawn).as("nor once Cassandra has had time to finish any flip").doesNotContain(store.current().version());
    } finally {
      System.clearProperty(TICK);
    }
  }
}
