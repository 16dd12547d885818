package dev.trendoff.speed;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import dev.trendoff.avro.Tweet;
import dev.trendoff.batch.MasterScan;
import dev.trendoff.batch.Regroup;
import dev.trendoff.batch.UserCounts;
import dev.trendoff.core.UserKeys;
import dev.trendoff.serving.Merge;
import dev.trendoff.serving.Recount;
import dev.trendoff.serving.UserWords;
import dev.trendoff.spark.KafkaTweet;
import dev.trendoff.views.BatchSide;
import dev.trendoff.views.BatchViewWords;
import dev.trendoff.views.Cut;
import dev.trendoff.views.SpeedRow;
import dev.trendoff.views.TweetCopies;
import dev.trendoff.views.ViewPointer;
import dev.trendoff.views.ViewRow;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The lambda equation across random histories, on the layers' own plain-Java code over models of the
 * stores (docs/lambda.md 'Incremental recomputes'): tweets produced (some sent again: the same tweet
 * id, on any side of any cut), the batch ingest and the speed layer progressing partition by
 * partition, files bulk-loaded (some tweets loaded again, some also sent through Kafka), incremental
 * and full recomputes. After every step the serving merge of every user equals a recount of the tweets
 * either side has, each tweet id once; after every incremental recompute its rows equal, user by user
 * and chunk by chunk, what a full recompute at the same cut writes.
 */
class LambdaModelPropertyTest {

  static final String TOPIC = "topic-1";
  static final int PARTITIONS = 2;
  static final List<String> USERS = List.of("ann", "Ben", "cid");
  static final List<String> WORDS = List.of("kafka", "spark", "cassandra", "the", "#lambda", "word", "don't");

  /** One step: produce, ingest, speed, load, incremental or full. */
  record Op(int kind, int a, int b) {}

  @Property(tries = 300)
  void theMergedAnswerEqualsARecountAfterEveryStepAndIncrementalEqualsFull(@ForAll("histories") List<Op> ops) {
    Model m = new Model();
    for (Op op : ops) {
      m.apply(op);
      m.assertEquation(op);
    }
  }

  @Provide
  Arbitrary<List<Op>> histories() {
    Arbitrary<Op> op = Arbitraries.integers().between(0, 99).flatMap(k -> Arbitraries.integers().between(0, 1000)
        .flatMap(a -> Arbitraries.integers().between(0, 1000).map(b -> new Op(kind(k), a, b))));
    return op.list().ofMinSize(1).ofMaxSize(40);
  }

  /** Mostly tweets and progress, sometimes loads and recomputes. */
  static int kind(int k) {
    return k < 40 ? 0 : k < 55 ? 1 : k < 70 ? 2 : k < 76 ? 3 : k < 90 ? 4 : 5;
  }

  /** A tweet: who and which words; a tweet sent again is the same tweet. */
  record Rec(long id, int user, String text) {
    Tweet tweet() {
      return Tweet.newBuilder().setId(id).setUserScreenName(USERS.get(user)).setText(text)
          .setCreatedAt(Instant.ofEpochMilli(1_600_000_000_000L)).build();
    }

    String key() {
      return UserKeys.of(USERS.get(user));
    }
  }

  /** A master row: the last copy's text and user, every copy's position and load. */
  static final class MasterRow {
    Rec rec;
    final Set<String> positions = new TreeSet<>();
    final Set<Long> loads = new TreeSet<>();

    TweetCopies copies() {
      return TweetCopies.of(rec.id(), positions, loads, null, null, null);
    }
  }

  static final class Model {
    final List<List<Rec>> kafka = new ArrayList<>();
    final int[] ingested = new int[PARTITIONS];
    final int[] speedRead = new int[PARTITIONS];
    final Map<Long, MasterRow> master = new LinkedHashMap<>();
    final Map<String, SpeedRow> speedView = new HashMap<>();
    final Map<Long, List<Rec>> loads = new TreeMap<>();
    final List<Rec> produced = new ArrayList<>();
    /** The batch view's rows in the published base, every version stored (as BatchViewWrites leaves them). */
    final List<ViewRow> view = new ArrayList<>();
    ViewPointer pointer = ViewPointer.NONE;
    long nextId = 1;
    long nextVersion = 1;
    long nextLoad = 1;

    Model() {
      for (int p = 0; p < PARTITIONS; p++) {
        kafka.add(new ArrayList<>());
      }
    }

    void apply(Op op) {
      switch (op.kind()) {
        case 0 -> produce(op.a(), op.b());
        case 1 -> ingest(op.a() % PARTITIONS, op.b() % 6 + 1);
        case 2 -> speed(op.a() % PARTITIONS, op.b() % 6 + 1);
        case 3 -> load(op.a(), op.b());
        case 4 -> recompute(true);
        default -> recompute(false);
      }
    }

    /** A new tweet, or (a third of the time) one sent before, sent again, to a partition. */
    void produce(int a, int b) {
      Rec r = !produced.isEmpty() && a % 3 == 0 ? produced.get(b % produced.size())
          : new Rec(nextId++, a % USERS.size(), text(a, b));
      produced.add(r);
      kafka.get(b % PARTITIONS).add(r);
    }

    void ingest(int p, int n) {
      List<Rec> log = kafka.get(p);
      int to = Math.min(log.size(), ingested[p] + n);
      for (int o = ingested[p]; o < to; o++) {
        MasterRow row = master.computeIfAbsent(log.get(o).id(), id -> new MasterRow());
        row.rec = log.get(o);
        row.positions.add(TweetCopies.position(TOPIC, p, o));
      }
      ingested[p] = to;
    }

    void speed(int p, int n) {
      List<Rec> log = kafka.get(p);
      int to = Math.min(log.size(), speedRead[p] + n);
      List<KafkaTweet> read = new ArrayList<>();
      for (int o = speedRead[p]; o < to; o++) {
        read.add(new KafkaTweet(TOPIC, p, o, log.get(o).tweet()));
      }
      SpeedRows.standard().byUser(read.iterator()).values().forEach(rows -> rows.forEach(r ->
          speedView.put(r.kafkaPartition() + "/" + r.kafkaOffset(), r)));
      speedRead[p] = to;
    }

    /** A file of a few tweets, new ones and ones produced or loaded before. */
    void load(int a, int b) {
      long id = nextLoad++;
      List<Rec> file = new ArrayList<>();
      for (int i = 0; i < a % 4 + 1; i++) {
        boolean again = !produced.isEmpty() && (a + i) % 2 == 0;
        Rec r = again ? produced.get((b + i) % produced.size()) : new Rec(nextId++, (a + i) % USERS.size(), text(a + i, b));
        file.add(r);
        produced.add(r);
        MasterRow row = master.computeIfAbsent(r.id(), x -> new MasterRow());
        row.rec = r;
        row.loads.add(id);
      }
      loads.put(id, file);
    }

    /** A recompute as Recompute runs it: incremental (unless there is no version yet) or full. */
    void recompute(boolean incremental) {
      Map<Integer, Long> committed = new TreeMap<>();
      for (int p = 0; p < PARTITIONS; p++) {
        committed.put(p, (long) ingested[p]);
      }
      Cut cut = Cut.of(TOPIC, Set.of(), committed).atLeast(pointer.cut()).withLoads(loads.keySet());
      long version = nextVersion++;
      if (incremental && pointer.exists()) {
        // as IncrementalRecompute reads and writes: every stored row of the keys it rewrites, read; the
        // changed rows written, and the rows older than those they replace deleted
        Set<ViewRow.Key> keys = new HashSet<>(Regroup.keys(added(cut)));
        List<ViewRow> stored = view.stream().filter(r -> keys.contains(r.key())).toList();
        List<ViewRow> changed = Regroup.changed(added(cut), BatchViewWords.latest(stored, pointer.version()), version);
        view.removeAll(BatchViewWords.olderThanLatest(stored, pointer.version()));
        view.addAll(changed);
        Map<ViewRow.Key, Long> perKey = new HashMap<>();
        view.forEach(r -> perKey.merge(r.key(), 1L, Long::sum));
        assertThat(perKey.values()).as("rows kept per key: the latest and the one it replaced").allMatch(n -> n <= 2);
        assertSameAsFull(cut, version);
      } else {
        // a full run writes a base of its own; the older bases are deleted whole
        view.clear();
        full(cut).forEach((u, c) -> view.addAll(BatchViewWords.rows(u, version, c.tweets(), c.tokens(), c.words())));
      }
      pointer = new ViewPointer(version, cut, null);
      speedView.values().removeIf(r -> cut.covers(r.topicId(), r.kafkaPartition(), r.kafkaOffset()));
    }

    /** What an incremental run counts: what came in since the published cut, each id once, not those it counts. */
    Map<String, UserCounts> added(Cut cut) {
      Cut before = pointer.cut();
      List<Regroup.DeltaTweet> delta = new ArrayList<>();
      for (int p = 0; p < PARTITIONS; p++) {
        for (long o = before.of(p); o < cut.of(p); o++) {
          Rec r = kafka.get(p).get((int) o);
          delta.add(new Regroup.DeltaTweet(r.id(), r.key(), r.text(), String.format(Locale.ROOT, "k/%s/%010d/%019d", TOPIC, p, o)));
        }
      }
      for (long load : cut.loads()) {
        if (!before.loads().contains(load)) {
          for (Rec r : loads.get(load)) {
            delta.add(new Regroup.DeltaTweet(r.id(), r.key(), r.text(), String.format(Locale.ROOT, "l/%019d/%019d", load, r.id())));
          }
        }
      }
      return Regroup.added(delta, id -> master.get(id).copies().countedBy(before)).byUser();
    }

    Map<String, UserCounts> full(Cut cut) {
      List<MasterScan.Scanned> rows = new ArrayList<>();
      master.values().forEach(r -> rows.add(new MasterScan.Scanned(r.rec.id(), r.rec.key(), r.rec.text(), r.copies())));
      return MasterScan.count(rows.iterator(), cut, new MasterScan.Tally() {
        @Override
        public void aboveCut() {}

        @Override
        public void skipped(String reason) {
          throw new AssertionError("no master row of this model is unusable: " + reason);
        }
      });
    }

    /** A user's side of version {@code version}, as serving reads it: the latest row of each key at or below it. */
    BatchSide side(String user, long version) {
      return BatchViewWords.side(BatchViewWords.latest(view.stream().filter(r -> r.user().equals(user)).toList(), version).values());
    }

    /** Every user's rows in the incremental version, as serving reads them, are the rows a full run at its cut writes. */
    void assertSameAsFull(Cut cut, long version) {
      Set<ViewRow> served = new HashSet<>();
      BatchViewWords.latest(view, version).values().forEach(r -> served.add(r.at(0)));
      Set<ViewRow> full = new HashSet<>();
      full(cut).forEach((u, c) -> BatchViewWords.rows(u, 0, c.tweets(), c.tokens(), c.words()).forEach(full::add));
      assertThat(served).as("rows served at version %d (versions left out)", version).isEqualTo(full);
    }

    /**
     * Every user's merge equals a recount of the tweets some layer has, each id once: read from Kafka
     * below the published cut or loaded by a load it covers (the batch side), or read by the speed layer.
     * Worked out from the model's logs, not from the copies the code under test decides on.
     */
    void assertEquation(Op after) {
      Cut cut = pointer.cut();
      Map<Long, Tweet> had = new LinkedHashMap<>();
      for (int p = 0; p < PARTITIONS; p++) {
        List<Rec> log = kafka.get(p);
        for (int o = 0; o < log.size(); o++) {
          if (o < cut.of(p) || o < speedRead[p]) {
            had.putIfAbsent(log.get(o).id(), log.get(o).tweet());
          }
        }
      }
      for (long load : cut.loads()) {
        loads.get(load).forEach(r -> had.putIfAbsent(r.id(), r.tweet()));
      }
      Map<String, Recount> expected = Recount.of(had.values());
      for (String name : USERS) {
        String user = UserKeys.of(name);
        List<SpeedRow> rows = speedView.values().stream().filter(r -> r.userKey().equals(user)).toList();
        BatchSide b = pointer.exists() ? side(user, pointer.version()) : BatchSide.EMPTY;
        UserWords answer = Merge.merge(user, pointer, b, rows,
            id -> master.containsKey(id) && master.get(id).copies().countedBy(cut));
        assertThat(Recount.of(answer)).as("user %s after %s", user, after)
            .isEqualTo(expected.getOrDefault(user, new Recount(0, 0, Map.of())));
      }
    }
  }

  static String text(int a, int b) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < a % 4 + 1; i++) {
      sb.append(WORDS.get((a * 3 + b * 5 + i) % WORDS.size())).append(' ');
    }
    return sb.toString().strip();
  }
}
