package dev.trendoff.http;

import java.util.LinkedHashMap;
import java.util.Map;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.DefaultConsistencyLevel;

import dev.trendoff.views.BatchViewWrites;
import dev.trendoff.views.Cut;
import dev.trendoff.views.ViewPointer;
import dev.trendoff.views.ViewStore;

/**
 * Users whose tweets a published batch view version holds, written through the views module as the
 * recompute writes them (docs/lambda.md 'Publishing a version'), with an empty cut: every speed row
 * counts on top. The counts are written out by hand here, so the tests' expected answers are too.
 */
final class History {

  static final long VERSION = 1_700_000_000_000L;

  /** user -> {tweets, word counts}; tokens are the sum of the counts. */
  static final Map<String, Map<String, Integer>> WORDS = new LinkedHashMap<>();
  static final Map<String, Integer> TWEETS = new LinkedHashMap<>();

  static {
    user("alice", 4, Map.of("kafka", 5, "spark", 3, "lambda", 2, "coffee", 1, "nation's", 2));
    user("bob", 3, Map.of("kafka", 2, "spark", 4, "lambda", 1, "tea", 6, "nation's", 2));
    user("alicia", 1, Map.of("tea", 1));
    user("carol", 2, Map.of("python", 3));
    user("dave", 1, Map.of("kafka", 1));
    user("erin", 1, Map.of("kafka", 1));
    Map<String, Integer> big1 = new LinkedHashMap<>();
    Map<String, Integer> big2 = new LinkedHashMap<>();
    for (int i = 0; i < 25; i++) {
      big1.put("word" + (char) ('a' + i), 1 + i);
      big2.put("word" + (char) ('a' + i), 30 - i);
    }
    user("big1", 10, big1);
    user("big2", 10, big2);
  }

  private History() {}

  private static void user(String name, int tweets, Map<String, Integer> words) {
    WORDS.put(name, words);
    TWEETS.put(name, tweets);
  }

  static long tokens(String user) {
    return WORDS.get(user).values().stream().mapToInt(Integer::intValue).sum();
  }

  /** Writes every user above as version {@link #VERSION} and publishes it. */
  static void write(CqlSession session, String keyspace) throws InterruptedException {
    BatchViewWrites writes = new BatchViewWrites(session, keyspace, DefaultConsistencyLevel.ONE, 8);
    for (String u : WORDS.keySet()) {
      writes.write(u, VERSION, TWEETS.get(u), tokens(u), WORDS.get(u));
    }
    writes.await();
    ViewStore store = new ViewStore(session, keyspace, 8);
    store.begin(VERSION, Cut.EMPTY);
    if (!store.flip(ViewPointer.NONE, VERSION, Cut.EMPTY).published()) {
      throw new IllegalStateException("keyspace " + keyspace + " already had a view");
    }
  }
}
