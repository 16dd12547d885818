package dev.trendoff.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Predicate;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.DefaultConsistencyLevel;

import dev.trendoff.core.Tokenizer;
import dev.trendoff.views.BatchViewWrites;
import dev.trendoff.views.CorpusWrites;
import dev.trendoff.views.Cut;
import dev.trendoff.views.SpeedRow;
import dev.trendoff.views.SpeedViewWrites;
import dev.trendoff.views.ViewStore;

/**
 * Seeded random tweets of a few users, and the rows the other layers would write for them, written
 * through the views module as the layers write them (docs/lambda.md): a batch view version for a cut,
 * speed rows, the version's corpus, the pointer flip, the clean-up. The expected answers are recounts over the generated tweets.
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
   * Writes version {@code version} of the batch view over the tweets below {@code cut}, and its corpus in
   * chunks of {@link #WORDS_PER_CHUNK} words so that readers put several chunks together. Returns the
   * batch view rows written.
   */
  long writeBatchVersion(CqlSession s, String ks, long version, Map<Integer, Long> cut) throws InterruptedException {
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
    BatchViewWrites writes = new BatchViewWrites(s, ks, DefaultConsistencyLevel.ONE, 8);
    for (Map.Entry<String, long[]> u : totals.entrySet()) {
      writes.write(u.getKey(), version, u.getValue()[0], u.getValue()[1], words.get(u.getKey()));
    }
    new CorpusWrites(s, ks, DefaultConsistencyLevel.ONE, WORDS_PER_CHUNK, 8).write(version, corpus(cut).entrySet().iterator());
    return writes.await();
  }

  /** The corpus of a version with {@code cut}: every user's words of the tweets below the cut. */
  Map<String, Long> corpus(Map<Integer, Long> cut) {
    Map<String, Long> m = new HashMap<>();
    for (TestTweet t : tweets) {
      if (t.belowCut(cut)) {
        t.words().forEach((w, n) -> m.merge(w, (long) n, Long::sum));
      }
    }
    return m;
  }

  /** A user written straight into the batch view of a version. */
  static void writeUser(CqlSession s, String ks, String user, long version, Map<String, Integer> words)
      throws InterruptedException {
    long tokens = words.values().stream().mapToInt(Integer::intValue).sum();
    BatchViewWrites writes = new BatchViewWrites(s, ks, DefaultConsistencyLevel.ONE, 8);
    writes.write(user, version, 1, tokens, words);
    writes.await();
  }

  /** Speed rows for the Kafka tweets {@code which} selects (the speed layer's output). */
  void writeSpeedRows(CqlSession s, String ks, Predicate<TestTweet> which) {
    Map<String, List<SpeedRow>> byUser = new LinkedHashMap<>();
    for (TestTweet t : tweets) {
      if (t.partition() != null && which.test(t)) {
        byUser.computeIfAbsent(t.user(), u -> new ArrayList<>())
            .add(new SpeedRow(t.user(), t.id(), t.partition(), t.offset(), t.words(), t.tokens()));
      }
    }
    new SpeedViewWrites(s, ks, DefaultConsistencyLevel.ONE, 50, 8).write(byUser);
  }

  /** Publishes {@code version} with {@code cut} over whatever the pointer names now, as a recompute's flip does. */
  static void publish(CqlSession s, String ks, long version, Map<Integer, Long> cut) {
    ViewStore store = new ViewStore(s, ks, 8);
    if (!store.flip(store.current(), version, Cut.of(cut)).published()) {
      throw new IllegalStateException("the pointer moved while the fixture flipped it");
    }
  }

  /** The clean-up of a recompute that published {@code version} with {@code cut}: older versions and absorbed speed rows go. */
  static void cleanUp(CqlSession s, String ks, long version, Map<Integer, Long> cut) throws InterruptedException {
    ViewStore store = new ViewStore(s, ks, 8);
    store.deleteVersionsBelow(version);
    store.deleteAbsorbedSpeedRows(Cut.of(cut));
  }
}
