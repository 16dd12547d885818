package dev.trendoff.serving;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Predicate;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import dev.trendoff.core.BatchViewChunks;
import dev.trendoff.core.Tables;
import dev.trendoff.core.Tokenizer;

/**
 * Seeded random tweets of a few users, and the rows the other layers would write for them, written
 * straight into Cassandra per the schema contract (docs/lambda.md): a batch view version for a cut,
 * speed rows, the pointer. The expected answers are recounts over the generated tweets.
 */
final class ViewFixture {

  /** Small, so that a user's batch view spans several chunks (the vocabulary has 30 words). */
  static final int WORDS_PER_CHUNK = 8;

  /** A generated tweet: Kafka partition and offset, or both null for a load-csv tweet (batch side only). */
  record TestTweet(long id, String user, String text, Integer partition, Long offset) {
    Map<String, Integer> words() {
      return Tokenizer.standard().counts(text);
    }

    int tokens() {
      return words().values().stream().mapToInt(Integer::intValue).sum();
    }

    boolean belowCut(Map<Integer, Long> cut) {
      return partition == null || offset < cut.getOrDefault(partition, 0L);
    }
  }

  static final String[] VOCABULARY = {"spark", "kafka", "cassandra", "lambda", "stream", "batch", "#bigdata", "#ai",
      "nation's", "don't", "café", "naïve", "données", "straße", "coffee", "python", "java", "scala", "cluster",
      "latency", "merge", "offset", "partition", "replica", "quorum", "tweet", "word", "count", "chart", "view"};
  static final String[] NOISE = {"the", "and", "of", "@someone", "https://t.co/xyz", "a", "is", "42", "x"};

  final List<TestTweet> tweets = new ArrayList<>();
  final int partitions;

  /**
   * {@code users} each get a private slice of the vocabulary plus shared words; tweets are spread over
   * {@code partitions} Kafka partitions by user, offsets in arrival order; one tweet in ten is a csv tweet.
   */
  ViewFixture(long seed, List<String> users, int tweetsPerUser, int partitions) {
    this.partitions = partitions;
    Random r = new Random(seed);
    long[] next = new long[partitions];
    List<String> order = new ArrayList<>();
    for (String u : users) {
      for (int i = 0; i < tweetsPerUser; i++) {
        order.add(u);
      }
    }
    java.util.Collections.shuffle(order, r);
    long id = 1_000_000 + r.nextInt(1000);
    for (String u : order) {
      int ui = users.indexOf(u);
      StringBuilder text = new StringBuilder();
      int n = 3 + r.nextInt(8);
      for (int k = 0; k < n; k++) {
        String w = r.nextInt(4) == 0 ? NOISE[r.nextInt(NOISE.length)]
            // words biased per user: user ui favours a third of the vocabulary, still uses the rest
            : r.nextInt(3) == 0 ? VOCABULARY[r.nextInt(VOCABULARY.length)]
            : VOCABULARY[(ui * 7 + r.nextInt(10)) % VOCABULARY.length];
        text.append(r.nextBoolean() ? w.toUpperCase(java.util.Locale.ROOT) : w).append(' ');
      }
      boolean csv = r.nextInt(10) == 0;
      int p = Math.floorMod(u.hashCode(), partitions);
      tweets.add(new TestTweet(id++, u, text.toString(), csv ? null : p, csv ? null : next[p]++));
    }
  }

  /** The recount: every tweet of the user once. */
  Map<String, Long> expectedWords(String user) {
    Map<String, Long> m = new HashMap<>();
    for (TestTweet t : of(user)) {
      t.words().forEach((w, n) -> m.merge(w, (long) n, Long::sum));
    }
    return m;
  }

  long expectedTweets(String user) {
    return of(user).size();
  }

  long expectedTokens(String user) {
    return of(user).stream().mapToLong(TestTweet::tokens).sum();
  }

  List<TestTweet> of(String user) {
    return tweets.stream().filter(t -> t.user().equals(user)).toList();
  }

  /** The highest offset + 1 seen on each partition. */
  Map<Integer, Long> ends() {
    Map<Integer, Long> m = new HashMap<>();
    for (TestTweet t : tweets) {
      if (t.partition() != null) {
        m.merge(t.partition(), t.offset() + 1, Math::max);
      }
    }
    return m;
  }

  /**
   * Writes version {@code version} of the batch view over the tweets below {@code cut}, in chunks of
   * {@link #WORDS_PER_CHUNK} words so that readers put several chunks together. Returns the rows written.
   */
  int writeBatchVersion(CqlSession s, String ks, long version, Map<Integer, Long> cut) {
    PreparedStatement insert = s.prepare(BatchViewChunks.insert(ks));
    Map<String, Map<String, Integer>> words = new HashMap<>();
    Map<String, long[]> totals = new HashMap<>();
    for (TestTweet t : tweets) {
      if (t.belowCut(cut)) {
        Map<String, Integer> m = words.computeIfAbsent(t.user(), k -> new HashMap<>());
        t.words().forEach((w, n) -> m.merge(w, n, Integer::sum));
        long[] tt = totals.computeIfAbsent(t.user(), k -> new long[2]);
        tt[0]++;
        tt[1] += t.tokens();
      }
    }
    int rows = 0;
    for (Map.Entry<String, long[]> u : totals.entrySet()) {
      for (BoundStatement b : BatchViewChunks.bind(insert, u.getKey(), version, u.getValue()[0], u.getValue()[1],
          words.get(u.getKey()), WORDS_PER_CHUNK)) {
        s.execute(b);
        rows++;
      }
    }
    return rows;
  }

  /** Speed rows for the Kafka tweets {@code which} selects (the speed layer's output). */
  void writeSpeedRows(CqlSession s, String ks, Predicate<TestTweet> which) {
    PreparedStatement speed = s.prepare("INSERT INTO " + ks + "." + Tables.SPEED_VIEW
        + " (user_key, tweet_id, kafka_partition, kafka_offset, words, tokens) VALUES (?, ?, ?, ?, ?, ?)");
    for (TestTweet t : tweets) {
      if (t.partition() != null && which.test(t)) {
        s.execute(speed.bind(t.user(), t.id(), t.partition(), t.offset(), t.words(), t.tokens()));
      }
    }
  }

  /** Deletes speed rows below the cut, as a recompute's clean-up does. */
  void deleteAbsorbedSpeedRows(CqlSession s, String ks, Map<Integer, Long> cut) {
    PreparedStatement del = s.prepare("DELETE FROM " + ks + "." + Tables.SPEED_VIEW + " WHERE user_key = ? AND tweet_id = ?");
    for (TestTweet t : tweets) {
      if (t.partition() != null && t.belowCut(cut)) {
        s.execute(del.bind(t.user(), t.id()));
      }
    }
  }

  static void publish(CqlSession s, String ks, long version, Map<Integer, Long> cut) {
    s.execute(s.prepare("INSERT INTO " + ks + "." + Tables.VIEW_POINTER + " (name, version, cut, published_at) VALUES (?, ?, ?, ?)")
        .bind(Tables.CURRENT_POINTER, version, cut, Instant.now()));
  }
}
