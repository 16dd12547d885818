package dev.trendoff.batch;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.spark.util.LongAccumulator;

import com.datastax.spark.connector.japi.CassandraRow;

import dev.trendoff.core.Tokenizer;
import dev.trendoff.core.TweetChecks;
import dev.trendoff.spark.MaxAccumulator;
import dev.trendoff.spark.ReasonCounts;
import dev.trendoff.views.Cut;
import dev.trendoff.views.TweetCopies;
import scala.Tuple2;

/**
 * What the recompute makes of scanned master rows, as plain functions its Spark closures call (and
 * the property tests of the lambda equation, speed-layer's LambdaEquationPropertyTest): the
 * rows the cut covers, counted per user; rows above the cut left to the speed side; rows it cannot
 * use skipped and counted by reason (docs/lambda.md 'What a layer refuses').
 */
public final class MasterScan {

  /** The reason of a master row of a Kafka topic the cut does not know (neither its topic nor a retired one). */
  public static final String UNKNOWN_TOPIC = "unknown-topic";

  /** The master table's columns the recompute reads. */
  static final String[] COLUMNS = {"tweet_id", "user_key", "text", "kafka_positions", "load_ids", "kafka_topic_id",
      "kafka_partition", "kafka_offset"};

  private MasterScan() {}

  /** The columns of one master row the recompute needs: the tweet, its user and text, and its copies. */
  public record Scanned(long tweetId, String userKey, String text, TweetCopies copies) implements Serializable {

    static Scanned of(CassandraRow r) {
      Set<String> positions = new HashSet<>();
      r.getSet("kafka_positions").forEach(p -> positions.add((String) p));
      Set<Long> loads = new HashSet<>();
      r.getSet("load_ids").forEach(l -> loads.add(((Number) l).longValue()));
      long id = r.getLong("tweet_id");
      return new Scanned(id, r.getString("user_key"), r.getString("text"), TweetCopies.of(id, positions, loads,
          r.isNullAt("kafka_topic_id") ? null : r.getString("kafka_topic_id"),
          r.isNullAt("kafka_partition") ? null : r.getInt("kafka_partition"),
          r.isNullAt("kafka_offset") ? null : r.getLong("kafka_offset")));
    }
  }

  /** Where the rows not counted are told. */
  public interface Tally {
    /** A row no copy of which the cut covers (above the cut: the speed side counts it; or of a load still loading). */
    void aboveCut();

    /** A row the recompute cannot use, by reason code. */
    void skipped(String reason);

    /** A row some copy of which the cut covers, counted or skipped as unusable. */
    default void covered(long tweetId) {}
  }

  /** Rows counted per user: covered by the cut and usable. */
  public static Map<String, UserCounts> count(Iterator<Scanned> rows, Cut cut, Tally tally) {
    Map<String, UserCounts> byUser = new HashMap<>();
    Tokenizer tokenizer = Tokenizer.standard();
    while (rows.hasNext()) {
      Scanned r = rows.next();
      if (!r.copies().countedBy(cut)) {
        if (r.copies().ofUnknownTopic(cut)) {
          tally.skipped(UNKNOWN_TOPIC);
        } else {
          tally.aboveCut();
        }
        continue;
      }
      tally.covered(r.tweetId());
      TweetChecks.Unusable u = TweetChecks.checkKey(r.tweetId(), r.userKey(), r.text());
      if (u != null) {
        tally.skipped(u.problem().code());
        continue;
      }
      byUser.computeIfAbsent(r.userKey(), k -> UserCounts.empty()).addText(r.text(), tokenizer);
    }
    return byUser;
  }

  /**
   * One Spark partition of scanned master rows, counted per user: one aggregate per user and
   * partition, so no per-tweet objects.
   */
  static Iterator<Tuple2<String, UserCounts>> countPartition(Iterator<CassandraRow> rows, Cut cut, LongAccumulator above,
      ReasonCounts skipped, MaxAccumulator maxCovered) {
    long[] outside = {0};
    long[] max = {Long.MIN_VALUE};
    Map<String, UserCounts> byUser = count(new Iterator<>() {
      @Override
      public boolean hasNext() {
        return rows.hasNext();
      }

      @Override
      public Scanned next() {
        return Scanned.of(rows.next());
      }
    }, cut, new Tally() {
      @Override
      public void aboveCut() {
        outside[0]++;
      }

      @Override
      public void skipped(String reason) {
        skipped.add(reason);
      }

      @Override
      public void covered(long tweetId) {
        max[0] = Math.max(max[0], tweetId);
      }
    });
    above.add(outside[0]);
    maxCovered.add(max[0]);
    List<Tuple2<String, UserCounts>> out = new ArrayList<>(byUser.size());
    byUser.forEach((u, c) -> out.add(new Tuple2<>(u, c)));
    return out.iterator();
  }
}
