package dev.trendoff.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.QueryTrace;
import com.datastax.oss.driver.api.core.cql.ResultSet;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import com.datastax.oss.driver.api.core.cql.TraceEvent;

import dev.trendoff.core.CassandraSessions;
import dev.trendoff.core.Settings;
import dev.trendoff.localstack.junit.LocalStackExtension;
import dev.trendoff.localstack.junit.TestStack;
import dev.trendoff.views.Cut;
import dev.trendoff.views.SpeedRow;
import dev.trendoff.views.SpeedViewWrites;
import dev.trendoff.views.ViewReads;
import dev.trendoff.views.ViewStore;
import dev.trendoff.views.ViewTables;

/**
 * docs/lambda.md 'Tombstones': one user who tweets on through many recomputes. Each recompute's
 * clean-up deletes the speed rows its cut absorbed, and every query reads the user's whole speed
 * partition. With rows keyed by Kafka position the clean-up is one range delete per topic and
 * partition, which covers the earlier ones, so a read meets a few range markers whatever the number
 * of recomputes; the layout before (rows keyed by tweet id, deleted one by one) is measured beside it
 * in the same run: its reads meet every deleted row and Cassandra warns. Counted from Cassandra's own
 * trace of each read ("Read N live rows and M tombstone cells").
 */
@ExtendWith(LocalStackExtension.class)
class TombstonesIT {

  static final int ROUNDS = 40;
  static final int ROWS_PER_ROUND = 50;
  static final Pattern READ = Pattern.compile("Read (\\d+) live rows and (\\d+) tombstone cells");

  @Test
  void aUsersSpeedPartitionStaysSmallToReadAcrossManyRecomputes(TestStack stack) throws Exception {
    Settings s = Faults.settings(Faults.own(stack, "tombstones", Map.of()));
    String ks = s.cassandra().keyspace();
    String user = "heavy";
    try (CqlSession session = CassandraSessions.open(s.cassandra())) {
      // the layout before 2026-12, for comparison
      session.execute("CREATE TABLE IF NOT EXISTS " + ks + ".speed_by_tweet_id (user_key text, tweet_id bigint,"
          + " kafka_partition int, kafka_offset bigint, words map<text, int>, tokens int, PRIMARY KEY ((user_key), tweet_id))");
      var oldInsert = session.prepare("INSERT INTO " + ks + ".speed_by_tweet_id (user_key, tweet_id, kafka_partition,"
          + " kafka_offset, words, tokens) VALUES (?, ?, ?, ?, ?, ?)");
      var oldDelete = session.prepare("DELETE FROM " + ks + ".speed_by_tweet_id WHERE user_key = ? AND tweet_id = ?");
      SpeedViewWrites writes = new SpeedViewWrites(session, ks, s.cassandra().writeConsistency(), 100, 8);
      ViewStore store = new ViewStore(session, ks, 8);
      ViewReads reads = new ViewReads(session, ks);

      List<int[]> perRound = new ArrayList<>(); // live, tombstones (new layout), live, tombstones (old layout)
      List<String> oldWarnings = new ArrayList<>();
      List<String> newWarnings = new ArrayList<>();
      Map<Integer, Double> millis = new LinkedHashMap<>();
      for (int round = 0; round < ROUNDS; round++) {
        List<SpeedRow> rows = new ArrayList<>();
        for (int i = 0; i < ROWS_PER_ROUND; i++) {
          long offset = (long) round * ROWS_PER_ROUND + i;
          SpeedRow r = new SpeedRow(user, 1_000_000 + offset, "topic-1", 0, offset, Map.of("w" + (offset % 7), 1), 1);
          rows.add(r);
          session.execute(oldInsert.bind(user, r.tweetId(), 0, offset, r.words(), 1));
        }
        writes.write(Map.of(user, rows));
        // the recompute after this round absorbs everything but this round's and the last round's rows
        long cut = (long) Math.max(0, round - 1) * ROWS_PER_ROUND;
        store.deleteAbsorbedSpeedRows(Cut.of("topic-1", Set.of(), Map.of(0, cut)));
        for (long o = Math.max(0, cut - ROWS_PER_ROUND); o < cut; o++) {
          session.execute(oldDelete.bind(user, 1_000_000 + o));
        }
        long t0 = System.nanoTime();
        assertThat(reads.speedRows(user).join()).hasSize(round == 0 ? ROWS_PER_ROUND : 2 * ROWS_PER_ROUND);
        millis.put(round, (System.nanoTime() - t0) / 1e6);

        int[] now = traced(session, "SELECT * FROM " + ks + "." + ViewTables.SPEED_VIEW + " WHERE user_key = '" + user + "'",
            newWarnings);
        int[] old = traced(session, "SELECT * FROM " + ks + ".speed_by_tweet_id WHERE user_key = '" + user + "'", oldWarnings);
        perRound.add(new int[] {now[0], now[1], old[0], old[1]});
      }
      for (int round = 0; round < ROUNDS; round += 10) {
        int[] r = perRound.get(round);
        System.out.printf("after %2d recomputes: speed_rows read %d live rows and %d tombstones in %.1f ms;"
            + " keyed by tweet id: %d live rows and %d tombstones%n", round, r[0], r[1], millis.get(round), r[2], r[3]);
      }
      int[] last = perRound.get(ROUNDS - 1);
      System.out.printf("after %2d recomputes: speed_rows %d live, %d tombstones; keyed by tweet id %d live, %d tombstones%n",
          ROUNDS, last[0], last[1], last[2], last[3]);

      // the layout in use: a handful of range markers, however many recomputes ran, and no warning
      assertThat(perRound).allSatisfy(r -> assertThat(r[1]).isLessThanOrEqualTo(4));
      assertThat(newWarnings).isEmpty();
      // the layout before: every row ever deleted is read again, and past 1,000 Cassandra warns
      assertThat(last[3]).isGreaterThanOrEqualTo((ROUNDS - 2) * ROWS_PER_ROUND);
      assertThat(oldWarnings).anySatisfy(w -> assertThat(w).containsIgnoringCase("tombstone"));
    }
  }

  /** Runs {@code cql} traced; returns {live rows, tombstones} read, adds the server's warnings to {@code warnings}. */
  static int[] traced(CqlSession session, String cql, List<String> warnings) throws InterruptedException {
    ResultSet rs = session.execute(SimpleStatement.newInstance(cql).setTracing(true));
    rs.all();
    warnings.addAll(rs.getExecutionInfo().getWarnings());
    int live = 0;
    int tombstones = 0;
    for (TraceEvent e : trace(rs).getEvents()) {
      Matcher m = READ.matcher(e.getActivity());
      if (m.find()) {
        live += Integer.parseInt(m.group(1));
        tombstones += Integer.parseInt(m.group(2));
      }
    }
    return new int[] {live, tombstones};
  }

  /**
   * The read's trace. Cassandra writes trace events in the background, and the driver asks for them
   * 5 times 3 ms apart (advanced.request.trace): on a busy machine they come later, so ask again.
   */
  static QueryTrace trace(ResultSet rs) throws InterruptedException {
    for (int attempt = 1; ; attempt++) {
      try {
        return rs.getExecutionInfo().getQueryTrace();
      } catch (IllegalStateException notYet) {
        if (attempt == 40) {
          throw notYet;
        }
        Thread.sleep(250);
      }
    }
  }
}
