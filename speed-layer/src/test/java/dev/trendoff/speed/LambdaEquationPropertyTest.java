package dev.trendoff.speed;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import dev.trendoff.avro.Tweet;
import dev.trendoff.batch.MasterScan;
import dev.trendoff.batch.UserCounts;
import dev.trendoff.core.UserKeys;
import dev.trendoff.serving.Merge;
import dev.trendoff.serving.Recount;
import dev.trendoff.serving.UserWords;
import dev.trendoff.spark.KafkaTweet;
import dev.trendoff.views.BatchSide;
import dev.trendoff.views.Cut;
import dev.trendoff.views.SpeedRow;
import dev.trendoff.views.TweetCopies;
import dev.trendoff.views.ViewPointer;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The lambda equation of docs/lambda.md on the layers' own plain-Java code: a topic of a few
 * partitions; the batch side is what the recompute counts ({@code MasterScan}) of the master rows the
 * ingest wrote up to the cut; the speed side is what the speed layer writes ({@code SpeedRows}, rows
 * keyed by position, so a replayed range rewrites the same rows) for some range of each partition that
 * starts at or below the cut (the rows below it absorbed and deleted); the answer is the serving
 * {@code Merge}, which skips a speed row whose tweet the version counts through another copy. For
 * arbitrary cuts, speed-layer progress, replays and duplicate tweets (a tweet id sent again, on either
 * side of the cut), the answer equals a recount of the tweets either side has, each once.
 */
class LambdaEquationPropertyTest {

  static final String TOPIC = "topic-1";
  static final List<String> USERS = List.of("ann", "Ben", "@cid", "dee");
  static final List<String> WORDS = List.of("kafka", "spark", "cassandra", "the", "#lambda", "word", "don't", "x");

  /** One record of the topic: who, which tweet id, what text. */
  record Rec(int user, long id, String text) {}

  /** A topic (records per partition), a cut per partition, and the speed layer's range per partition. */
  record World(List<List<Rec>> partitions, int[] cut, int[] speedFrom, int[] speedTo, List<int[]> replays) {}

  @Property(tries = 400)
  void batchViewPlusSpeedRowsAfterTheCutEqualsARecount(@ForAll("worlds") World w) {
    // the master table when the recompute scanned it (every record below the cut) and now (the ingest
    // went on as far as the speed layer): one row per tweet id, every copy's position
    Map<Long, Set<String>> atScan = new LinkedHashMap<>();
    Map<Long, Set<String>> now = new LinkedHashMap<>();
    Map<Long, Tweet> byId = new HashMap<>();
    List<Tweet> counted = new ArrayList<>();
    for (int p = 0; p < w.partitions().size(); p++) {
      List<Rec> log = w.partitions().get(p);
      for (int o = 0; o < Math.max(w.cut()[p], w.speedTo()[p]); o++) {
        Tweet t = tweet(log.get(o));
        byId.put(t.getId(), t);
        now.computeIfAbsent(t.getId(), id -> new TreeSet<>()).add(TweetCopies.position(TOPIC, p, o));
        if (o < w.cut()[p]) {
          atScan.computeIfAbsent(t.getId(), id -> new TreeSet<>()).add(TweetCopies.position(TOPIC, p, o));
          counted.add(t);
        }
      }
    }
    List<MasterScan.Scanned> master = new ArrayList<>();
    atScan.forEach((id, positions) -> master.add(new MasterScan.Scanned(id, UserKeys.of(byId.get(id).getUserScreenName().toString()),
        byId.get(id).getText().toString(), TweetCopies.of(id, positions, Set.of(), null, null, null))));
    Map<Integer, Long> cutMap = new TreeMap<>();
    for (int p = 0; p < w.cut().length; p++) {
      cutMap.put(p, (long) w.cut()[p]);
    }
    Cut cut = Cut.of(TOPIC, Set.of(), cutMap);
    Map<String, UserCounts> batch = MasterScan.count(master.iterator(), cut, new MasterScan.Tally() {
      @Override
      public void aboveCut() {}

      @Override
      public void skipped(String reason) {
        throw new AssertionError("no row of this world is unusable: " + reason);
      }
    });

    // the speed view: rows keyed by position, written by micro-batches of SpeedRows, some ranges replayed
    Map<String, SpeedRow> speedView = new HashMap<>();
    List<KafkaTweet> read = new ArrayList<>();
    for (int p = 0; p < w.partitions().size(); p++) {
      for (int o = w.speedFrom()[p]; o < w.speedTo()[p]; o++) {
        read.add(new KafkaTweet(TOPIC, p, o, tweet(w.partitions().get(p).get(o))));
        if (o >= w.cut()[p]) {
          counted.add(tweet(w.partitions().get(p).get(o)));
        }
      }
    }
    for (int[] replay : w.replays()) {
      int p = replay[0] % w.partitions().size();
      for (int o = Math.min(replay[1], w.speedTo()[p]); o < w.speedTo()[p]; o++) {
        read.add(new KafkaTweet(TOPIC, p, o, tweet(w.partitions().get(p).get(o))));
      }
    }
    SpeedRows.standard().byUser(read.iterator()).forEach((user, rows) -> rows.forEach(r ->
        speedView.put(r.userKey() + "/" + r.kafkaPartition() + "/" + r.kafkaOffset(), r)));

    ViewPointer pointer = new ViewPointer(1L, cut, null);
    Map<String, Recount> expected = Recount.of(counted);
    for (String name : USERS) {
      String user = UserKeys.of(name);
      UserCounts b = batch.get(user);
      BatchSide side = b == null ? BatchSide.EMPTY : new BatchSide(b.tweets(), b.tokens(), longs(b.words()));
      List<SpeedRow> rows = speedView.values().stream().filter(r -> r.userKey().equals(user)).toList();
      UserWords answer = Merge.merge(user, pointer, side, rows,
          id -> now.containsKey(id) && TweetCopies.of(id, now.get(id), Set.of(), null, null, null).countedBy(cut));
      assertThat(Recount.of(answer)).as("user %s", user).isEqualTo(expected.getOrDefault(user, new Recount(0, 0, Map.of())));
    }
  }

  static Map<String, Long> longs(Map<String, Integer> m) {
    Map<String, Long> out = new HashMap<>();
    m.forEach((k, v) -> out.put(k, v.longValue()));
    return out;
  }

  static Tweet tweet(Rec r) {
    return Tweet.newBuilder().setId(r.id()).setUserScreenName(USERS.get(r.user())).setText(r.text())
        .setCreatedAt(Instant.ofEpochMilli(1_600_000_000_000L)).build();
  }

  @Provide
  Arbitrary<World> worlds() {
    Arbitrary<Rec> rec = Combinators.combine(Arbitraries.integers().between(0, USERS.size() - 1),
        Arbitraries.integers().between(0, 1_000_000)).as((u, n) -> new Rec(u, 0, textOf(u, n)));
    Arbitrary<List<List<Rec>>> topic = rec.list().ofMaxSize(25).list().ofMinSize(1).ofMaxSize(3);
    // copies: (which record, into which partition); each copy is the same tweet sent again
    Arbitrary<List<int[]>> copies = Arbitraries.integers().between(0, 10_000).array(int[].class).ofSize(2).list().ofMaxSize(6);
    // where the speed layer's rows start (below the cut: the rest absorbed) and end, as a share of what
    // each partition holds in the end; a third of the time it has read everything
    Arbitrary<int[]> share = Arbitraries.integers().between(0, 1500).map(x -> Math.min(x, 1000)).array(int[].class).ofSize(3);
    return topic.flatMap(parts -> Combinators.combine(positions(parts), share, share, copies,
        Arbitraries.integers().between(0, 30).array(int[].class).ofSize(2).list().ofMaxSize(3))
        .as((c, a, b, dup, replays) -> build(parts, c, a, b, dup, replays)));
  }

  /**
   * Numbers the records' tweet ids, adds the copies (below the cut of a partition, or at its end:
   * copies of one tweet may lie on both sides of the cut), and places the speed layer's range.
   */
  static World build(List<List<Rec>> parts, int[] cut, int[] a, int[] b, List<int[]> copies, List<int[]> replays) {
    // a and b: shares (per mille) of each partition, for where the speed layer's rows start and end
    int n = parts.size();
    List<List<Rec>> logs = new ArrayList<>();
    List<Rec> all = new ArrayList<>();
    long id = 1;
    for (int p = 0; p < n; p++) {
      List<Rec> log = new ArrayList<>();
      for (int o = 0; o < parts.get(p).size(); o++) {
        Rec r = new Rec(parts.get(p).get(o).user(), id++, parts.get(p).get(o).text());
        log.add(r);
        all.add(r);
      }
      logs.add(log);
    }
    int[] c = cut.clone();
    for (int[] copy : copies) {
      if (all.isEmpty()) {
        break;
      }
      int i = copy[0] % all.size();
      int q = copy[1] % n;
      if ((copy[0] / all.size()) % 2 == 0) {
        logs.get(q).add(0, all.get(i));
        c[q]++;
      } else {
        logs.get(q).add(all.get(i));
      }
    }
    int[] from = new int[n];
    int[] to = new int[n];
    for (int p = 0; p < n; p++) {
      int len = logs.get(p).size();
      from[p] = c[p] * a[p] / 1000; // the speed rows below it were absorbed and deleted
      to[p] = from[p] + (len - from[p]) * b[p] / 1000;
    }
    return new World(logs, c, from, to, replays);
  }

  /** Some words of the pool, chosen by (user, n). */
  static String textOf(int user, int n) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < (n % 5) + 1; i++) {
      sb.append(WORDS.get((user * 7 + n * 3 + i) % WORDS.size())).append(' ');
    }
    return sb.toString().strip();
  }

  static Arbitrary<int[]> positions(List<List<Rec>> parts) {
    List<Arbitrary<Integer>> each = new ArrayList<>();
    for (List<Rec> log : parts) {
      each.add(Arbitraries.integers().between(0, log.size()));
    }
    return Combinators.combine(each).as(l -> l.stream().mapToInt(Integer::intValue).toArray());
  }
}
