package dev.trendoff.producer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import dev.trendoff.avro.Coordinates;
import dev.trendoff.avro.Tweet;
import dev.trendoff.avro.TweetSource;

/**
 * Believable tweets, the same ones for the same seed: {@code tweets} tweets by {@code users} users.
 *
 * <ul>
 *   <li>Words are real English words (about 6,000 of the most frequent of spoken English, {@code words-en.txt})
 *       drawn with a Zipf distribution, so "the" and "you" are everywhere and "pudding" is rare.</li>
 *   <li>Each user has three topics of their own out of {@value #TOPICS}; a topic is 30 less common
 *       words and two hashtags. About half of a user's words come from their topics, so two users
 *       share the common words and the words of the topics they have in common, and differ on the rest.</li>
 *   <li>Some users tweet much more than others; tweets carry mentions of other users, hashtags,
 *       t.co URLs, retweets ({@code RT @user: }), snowflake ids and times 0-40 ms apart.</li>
 * </ul>
 *
 * Tweet {@code i} depends only on the seed, the user count and {@code i} ({@link #tweet(long)}), so
 * the sequence is reproducible, can be cut anywhere and costs about a microsecond a tweet.
 */
public final class SyntheticTweets implements Iterable<Tweet> {

  public static final int TOPICS = 48;
  private static final int TOPIC_WORDS = 30;
  private static final int TOPICS_PER_USER = 3;
  /** Twitter's snowflake epoch. */
  private static final long TWEPOCH = 1288834974657L;
  /** Thursday 14 April 2016, 00:00 UTC: the first tweet of every run. */
  public static final Instant START = Instant.parse("2016-04-14T00:00:00Z");
  private static final long START_MILLIS = START.toEpochMilli();
  private static final String[] PLACES = {"New York, NY", "Los Angeles, CA", "Chicago, IL", "Houston, TX",
      "Phoenix, AZ", "Philadelphia, PA", "San Antonio, TX", "San Diego, CA", "Dallas, TX", "Austin, TX",
      "Seattle, WA", "Denver, CO", "Boston, MA", "Nashville, TN", "Portland, OR", "Atlanta, GA"};
  private static final char[] BASE62 =
      "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();

  private static final String[] WORDS = loadWords();
  /** Zipf (s = 1) over all words, as a lookup table from a uniform 16-bit number to a rank. */
  private static final char[] ZIPF_WORDS = zipfTable(WORDS.length, 1.0, 1 << 16);
  /** Zipf (s = 1) over the words of one topic. */
  private static final char[] ZIPF_TOPIC = zipfTable(TOPIC_WORDS, 1.0, 1 << 12);

  private final long seed;
  private final int users;
  private final long tweets;
  private final String[] userNames;
  private final String[] displayNames;
  private final int[] followers;
  private final int[][] userTopics;
  private final String[][] topicWords;
  private final String[][] topicTags;

  public SyntheticTweets(long seed, int users, long tweets) {
    if (users < 1) {
      throw new IllegalArgumentException("users must be at least 1: " + users);
    }
    if (tweets < 0) {
      throw new IllegalArgumentException("tweets must not be negative: " + tweets);
    }
    this.seed = seed;
    this.users = users;
    this.tweets = tweets;
    this.topicWords = new String[TOPICS][TOPIC_WORDS];
    this.topicTags = new String[TOPICS][2];
    long r = mix(seed ^ 0x70B1C5L);
    for (int t = 0; t < TOPICS; t++) {
      Set<String> inTopic = new HashSet<>();
      for (int w = 0; w < TOPIC_WORDS; ) {
        r = mix(r);
        // topic words come from below the 300 most common words
        String word = WORDS[300 + (int) Long.remainderUnsigned(r, WORDS.length - 300)];
        if (inTopic.add(word)) {
          topicWords[t][w++] = word;
        }
      }
      r = mix(r);
      topicTags[t][0] = "#" + topicWords[t][(int) Long.remainderUnsigned(r, 5)];
      topicTags[t][1] = "#" + topicWords[t][5 + (int) Long.remainderUnsigned(r >>> 20, 5)]
          + topicWords[t][10 + (int) Long.remainderUnsigned(r >>> 40, 5)];
    }
    this.userNames = new String[users];
    this.displayNames = new String[users];
    this.followers = new int[users];
    this.userTopics = new int[users][TOPICS_PER_USER];
    for (int u = 0; u < users; u++) {
      long h = mix(seed * 31 + u + 0x5EED);
      String a = shortWord(h);
      String b = shortWord(mix(h));
      userNames[u] = a + "_" + b + u;
      displayNames[u] = capitalize(a) + " " + capitalize(b);
      followers[u] = (int) (10 * Math.pow(2000, unit(mix(h ^ 0xF011))));
      long th = mix(h ^ 0x70F1C);
      for (int k = 0; k < TOPICS_PER_USER; k++) {
        th = mix(th);
        userTopics[u][k] = (int) Long.remainderUnsigned(th, TOPICS);
      }
    }
  }

  public long seed() {
    return seed;
  }

  /** How many tweets the iteration yields. */
  public long size() {
    return tweets;
  }

  /** Screen names of the users, index = user number; the same for the same seed. */
  public List<String> userNames() {
    return Collections.unmodifiableList(java.util.Arrays.asList(userNames));
  }

  /** The words of topic {@code t} (for tests and curious users). */
  public List<String> topicWords(int t) {
    return List.of(topicWords[t]);
  }

  /** The topics of user {@code u}. */
  public int[] topicsOf(int u) {
    return userTopics[u].clone();
  }

  /** Tweet number {@code i} (0-based); any {@code i >= 0}, not only below {@link #size()}. */
  public Tweet tweet(long i) {
    long r = mix(seed ^ mix(i + 0x9E3779B97F4A7C15L));
    // some users tweet far more than others: the density of u falls like 1/sqrt(u)
    double x = unit(r);
    int user = (int) Math.min(users - 1, (long) (x * x * users));
    r = mix(r);
    long createdAtMillis = START_MILLIS + i * 20 + below(r, 20);
    long id = ((createdAtMillis - TWEPOCH) << 22) | ((r >>> 20) & 0x3FFFFF);

    StringBuilder text = new StringBuilder(160);
    r = mix(r);
    boolean retweet = (r & 0xFF) < 26; // ~10%
    if (retweet) {
      text.append("RT @").append(userNames[otherUser(r >>> 8, user)]).append(": ");
    }
    r = mix(r);
    int words = 5 + below(r, 14);
    int[] topics = userTopics[user];
    boolean firstWord = true;
    for (int w = 0; w < words; w++) {
      r = mix(r);
      String word;
      if ((r & 0xFF) < 140) {
        int topic = topics[(int) ((r >>> 8) & 0xFFFF) % TOPICS_PER_USER];
        word = topicWords[topic][ZIPF_TOPIC[(int) (r >>> 24) & (ZIPF_TOPIC.length - 1)]];
      } else {
        word = WORDS[ZIPF_WORDS[(int) (r >>> 24) & (ZIPF_WORDS.length - 1)]];
      }
      if (!firstWord) {
        text.append(' ');
      }
      if (firstWord && !retweet) {
        text.append(Character.toUpperCase(word.charAt(0))).append(word, 1, word.length());
      } else {
        text.append(word);
      }
      firstWord = false;
      if (((r >>> 48) & 0xFF) < 10) { // a mention inside the sentence, ~4% of words
        text.append(" @").append(userNames[otherUser(r >>> 10, user)]);
      }
    }
    r = mix(r);
    if ((r & 0xFF) < 77) { // ~30%: a hashtag of one of the user's topics
      int topic = topics[(int) ((r >>> 8) & 0xFFFF) % TOPICS_PER_USER];
      text.append(' ').append(topicTags[topic][(int) ((r >>> 30) & 1)]);
    }
    if (((r >>> 40) & 0xFF) < 38) { // ~15%: a link
      text.append(" https://t.co/");
      long u = mix(r);
      for (int c = 0; c < 10; c++) {
        text.append(BASE62[below(u, 62)]);
        u = (u >>> 6) | (u << 58);
      }
    }
    r = mix(r);
    int favorites = retweet ? 0 : smallCount(r);
    int retweets = smallCount(mix(r));
    r = mix(r ^ 0xC00D);
    Coordinates coordinates = null;
    String place = null;
    if ((r & 0xFF) < 13) { // ~5%
      coordinates = new Coordinates(25 + 24 * unit(mix(r)), -124 + 57 * unit(mix(r ^ 1)));
    }
    if (((r >>> 8) & 0xFF) < 26) { // ~10%
      place = PLACES[(int) ((r >>> 16) & 0xFFFF) % PLACES.length];
    }
    return new Tweet(id, userNames[user], displayNames[user], text.toString(), Instant.ofEpochMilli(createdAtMillis),
        "en", favorites, retweets, retweet, false, false, false, followers[user], coordinates, place,
        TweetSource.SYNTHETIC);
  }

  @Override
  public Iterator<Tweet> iterator() {
    return new Iterator<>() {
      private long next;

      @Override
      public boolean hasNext() {
        return next < tweets;
      }

      @Override
      public Tweet next() {
        if (next >= tweets) {
          throw new NoSuchElementException();
        }
        return tweet(next++);
      }
    };
  }

  public Stream<Tweet> stream() {
    return LongStream.range(0, tweets).mapToObj(this::tweet);
  }

  private int otherUser(long r, int notThis) {
    if (users == 1) {
      return notThis;
    }
    int other = below(r << 32 | r >>> 32, users - 1);
    return other >= notThis ? other + 1 : other;
  }

  /** A number in [0, n) from the top 32 bits of {@code r} (multiply-shift, no division). */
  private static int below(long r, int n) {
    return (int) (((r >>> 32) * n) >>> 32);
  }

  /** 0, 1, 2, ... with a long tail (geometric-like). */
  private static int smallCount(long r) {
    return (int) Math.min(100_000, -Math.log(Math.max(1e-12, unit(r))) * 3.0);
  }

  private static String shortWord(long h) {
    while (true) {
      String w = WORDS[100 + (int) Long.remainderUnsigned(h, 2900)];
      if (w.length() >= 3 && w.length() <= 6) {
        return w;
      }
      h = mix(h);
    }
  }

  private static String capitalize(String w) {
    return Character.toUpperCase(w.charAt(0)) + w.substring(1);
  }

  /** A uniform double in [0, 1) from the top 53 bits. */
  private static double unit(long r) {
    return (r >>> 11) * 0x1.0p-53;
  }

  /** SplitMix64's finaliser: a good 64-bit mix, the generator's only source of randomness. */
  static long mix(long z) {
    z += 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** table[k] = the rank whose cumulative Zipf probability first reaches (k + 0.5) / size. */
  static char[] zipfTable(int ranks, double s, int size) {
    double[] cumulative = new double[ranks];
    double sum = 0;
    for (int k = 0; k < ranks; k++) {
      sum += 1.0 / Math.pow(k + 1, s);
      cumulative[k] = sum;
    }
    char[] table = new char[size];
    int rank = 0;
    for (int k = 0; k < size; k++) {
      double q = (k + 0.5) / size * sum;
      while (rank < ranks - 1 && cumulative[rank] < q) {
        rank++;
      }
      table[k] = (char) rank;
    }
    return table;
  }

  private static String[] loadWords() {
    try (InputStream in = SyntheticTweets.class.getResourceAsStream("/trendoff/words-en.txt")) {
      if (in == null) {
        throw new IllegalStateException("resource /trendoff/words-en.txt is missing");
      }
      List<String> words = new ArrayList<>();
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line; (line = r.readLine()) != null; ) {
        String w = line.strip().toLowerCase(Locale.ROOT);
        if (!w.isEmpty() && !w.startsWith("#")) {
          words.add(w);
        }
      }
      return words.toArray(new String[0]);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
