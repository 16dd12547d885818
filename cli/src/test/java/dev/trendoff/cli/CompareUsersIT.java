package dev.trendoff.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import com.datastax.oss.driver.api.core.CqlSession;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trendoff.core.CassandraSessions;
import dev.trendoff.core.Settings;
import dev.trendoff.localstack.Ports;
import dev.trendoff.serving.Comparison;
import dev.trendoff.serving.ComparisonChart;
import dev.trendoff.serving.ComparisonJson;
import dev.trendoff.serving.Method;
import dev.trendoff.serving.Prior;
import dev.trendoff.serving.Rank;
import dev.trendoff.serving.Ranking;
import dev.trendoff.serving.ServingReader;
import dev.trendoff.serving.UserWords;
import dev.trendoff.serving.ViewsRead;
import dev.trendoff.localstack.junit.LocalStackExtension;
import dev.trendoff.localstack.junit.TestStack;
import org.jfree.data.category.CategoryDataset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * compare-users against the real Cassandra of the test stack: views written per the schema contract
 * for seeded random tweets; every answer checked word by word against a recount of those tweets (the
 * rates and z against {@link DistinctiveOracle}).
 */
@ExtendWith(LocalStackExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CompareUsersIT {

  static final List<String> USERS = List.of("alice", "bob", "carol", "dave", "erin", "mallory");
  static final long V1 = 1_700_000_000_000L;
  static final long V2 = V1 + 60_000;

  Settings settings;
  CqlSession session;
  String ks;
  ViewFixture fx;
  Map<Integer, Long> cut1;
  Map<Integer, Long> cut2;

  @BeforeAll
  void views(TestStack stack) throws InterruptedException {
    ks = stack.freshName("serving");
    settings = stack.settingsWith(Map.of("cassandra.keyspace", ks));
    session = CassandraSessions.open(settings.cassandra());
    fx = new ViewFixture(20261121L, USERS, 60, 3);
    Map<Integer, Long> ends = fx.ends();
    // V1 covers about half of partitions 0 and 1; partition 2 is missing from its cut (cut 0)
    cut1 = Map.of(0, ends.getOrDefault(0, 0L) / 2, 1, ends.getOrDefault(1, 0L) / 2);
    cut2 = Map.of(0, ends.getOrDefault(0, 0L) * 3 / 4, 1, ends.getOrDefault(1, 0L) * 3 / 4, 2, ends.getOrDefault(2, 0L) / 3);
    fx.writeBatchVersion(session, ks, V1, cut1);
    // the speed layer has seen every Kafka tweet; none absorbed rows cleaned up yet
    fx.writeSpeedRows(session, ks, t -> true);
    ViewFixture.publish(session, ks, V1, cut1);
  }

  @AfterAll
  void close() {
    if (session != null) {
      session.close();
    }
  }

  Cli.Result compare(String... args) {
    return Cli.run(new CompareUsersCommand(() -> settings), args);
  }

  JsonNode json(String... args) throws Exception {
    return json(settings, args);
  }

  JsonNode json(Settings with, String... args) throws Exception {
    Cli.Result r = Cli.run(new CompareUsersCommand(() -> with), args);
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out().strip().lines().count()).isEqualTo(1);
    assertThat(dev.trendoff.localstack.junit.JsonDocs.differences("compare-users", r.out())).isEmpty();
    return new ObjectMapper().readTree(r.out());
  }

  /** Expected words, independently: mutual words of the recounts, sorted by rank shared (docs/compare.md 'Ranks'). */
  List<Object[]> expectedShared(String a, String b) {
    Map<String, Long> wa = fx.expectedWords(a);
    Map<String, Long> wb = fx.expectedWords(b);
    List<Object[]> out = new ArrayList<>();
    wa.forEach((w, n) -> {
      if (wb.containsKey(w)) {
        out.add(new Object[] {w, n, wb.get(w)});
      }
    });
    out.sort(Comparator.<Object[]>comparingLong(x -> -Math.min((long) x[1], (long) x[2]))
        .thenComparingLong(x -> -((long) x[1] + (long) x[2]))
        .thenComparing(x -> ((String) x[0]).codePoints().boxed().toList(), (p, q) -> {
          for (int i = 0; i < Math.min(p.size(), q.size()); i++) {
            int c = Integer.compare(p.get(i), q.get(i));
            if (c != 0) {
              return c;
            }
          }
          return Integer.compare(p.size(), q.size());
        }));
    return out;
  }

  void assertAnswer(JsonNode j, String a, String b) {
    assertThat(j.get("users").get(0).get("name").asText()).isEqualTo(a);
    assertThat(j.get("users").get(0).get("tweets").asLong()).isEqualTo(fx.expectedTweets(a));
    assertThat(j.get("users").get(0).get("words").asLong()).isEqualTo(fx.expectedTokens(a));
    assertThat(j.get("users").get(1).get("tweets").asLong()).isEqualTo(fx.expectedTweets(b));
    assertThat(j.get("users").get(1).get("words").asLong()).isEqualTo(fx.expectedTokens(b));
    List<Object[]> expected = expectedShared(a, b);
    assertThat(expected).isNotEmpty();
    List<String> got = new ArrayList<>();
    for (JsonNode w : j.get("words")) {
      got.add(w.get("word").asText() + "=" + w.get("counts").get(0).asLong() + "," + w.get("counts").get(1).asLong());
    }
    assertThat(got).containsExactlyElementsOf(expected.stream().map(x -> x[0] + "=" + x[1] + "," + x[2]).toList());
  }

  @Test
  void everyPairEqualsTheRecountWordByWord() throws Exception {
    // every pair through the library and the JSON rendering the command uses (one session) ...
    ServingReader reader = new ServingReader(session, ks);
    for (int i = 0; i < USERS.size(); i++) {
      for (int k = i + 1; k < USERS.size(); k++) {
        Comparison c = Comparison.of(reader.read(List.of(USERS.get(i), USERS.get(k))), Rank.SHARED, Ranking.ALL);
        JsonNode j = new ObjectMapper().readTree(ComparisonJson.render(c));
        assertAnswer(j, USERS.get(i), USERS.get(k));
        assertThat(j.get("view").get("version").asLong()).isEqualTo(V1);
      }
    }
    // ... and two of them through the command itself, names as a user would type them
    assertAnswer(json("@Alice", "BOB", "--json", "--top", "all"), "alice", "bob");
    assertAnswer(json("mallory", "erin", "--json", "--top", "all"), "mallory", "erin");
  }

  @Test
  void speedRowsBelowTheCutAreSkippedAndMissingPartitionsHaveCutZero() throws Exception {
    ServingReader reader = new ServingReader(session, ks);
    ViewsRead read = reader.read(List.of("@Alice", "BOB"));
    assertThat(read.view().cut().asMap()).isEqualTo(cut1);
    for (UserWords u : read.users()) {
      long kafka = fx.of(u.user()).stream().filter(t -> t.partition() != null).count();
      long after = fx.of(u.user()).stream().filter(t -> t.partition() != null && !t.belowCut(cut1)).count();
      assertThat(u.speedRows()).isEqualTo(after);
      assertThat(u.speedRowsSkipped()).isEqualTo(kafka - after);
      assertThat(u.words()).isEqualTo(fx.expectedWords(u.user()));
    }
    JsonNode j = json("alice", "bob", "--json");
    assertThat(j.get("view").get("cut").asText()).isEqualTo("0=" + cut1.get(0) + ",1=" + cut1.get(1));
    assertThat(j.get("view").get("speedRows").asInt()).isEqualTo(read.speedRows());
    assertThat(j.get("words")).hasSize(Math.min(20, expectedShared("alice", "bob").size()));
  }

  /** One keyspace through a view's life: speed rows only, no pointer; V1 published; V2 written beside it; flip; clean-up. */
  @Test
  void noPointerThenAPointerFlipToANewerVersionKeepTheAnswerExact(TestStack stack) throws Exception {
    Settings own = stack.settingsWith(Map.of("cassandra.keyspace", stack.freshName("flip")));
    String ks2 = own.cassandra().keyspace();
    try (CqlSession s = CassandraSessions.open(own.cassandra())) {
      // no recompute yet: everything from the speed view, which has every Kafka tweet (not the csv ones)
      fx.writeSpeedRows(s, ks2, t -> true);
      JsonNode none = json(own, "alice", "bob", "--json", "--top", "all");
      assertThat(none.get("view").get("version").isNull()).isTrue();
      assertThat(none.get("view").get("cut").asText()).isEmpty();
      long kafkaOnly = fx.of("alice").stream().filter(t -> t.partition() != null).count();
      assertThat(none.get("users").get(0).get("tweets").asLong()).isEqualTo(kafkaOnly);
      assertThat(none.get("view").get("speedRows").asLong())
          .isEqualTo(kafkaOnly + fx.of("bob").stream().filter(t -> t.partition() != null).count());

      fx.writeBatchVersion(s, ks2, V1, cut1);
      ViewFixture.publish(s, ks2, V1, cut1);
      // V2 is written beside V1 (readers still follow V1), then the pointer flips
      fx.writeBatchVersion(s, ks2, V2, cut2);
      JsonNode before = json(own, "carol", "dave", "--json", "--top", "all");
      assertThat(before.get("view").get("version").asLong()).isEqualTo(V1);
      ServingReader longLived = new ServingReader(s, ks2);
      assertThat(longLived.read(List.of("carol", "dave")).view().version()).isEqualTo(V1);
      assertAnswer(before, "carol", "dave");
      // the corpus prior follows the version: V1's corpus now, V2's after the flip, also for a long-lived reader
      Method corpus = new Method(Rank.DISTINCTIVE, Prior.CORPUS, 1000);
      assertDistinctive(Comparison.of(longLived.read(List.of("carol", "dave"), true), corpus, Ranking.ALL), "carol", "dave", fx.corpus(cut1));
      assertDistinctive(json(own, "carol", "dave", "--json", "--top", "all", "--rank", "distinctive", "--prior", "corpus"),
          "carol", "dave", fx.corpus(cut1));
      ViewFixture.publish(s, ks2, V2, cut2);
      assertDistinctive(Comparison.of(longLived.read(List.of("carol", "dave"), true), corpus, Ranking.ALL), "carol", "dave", fx.corpus(cut2));
      assertThat(fx.corpus(cut2)).isNotEqualTo(fx.corpus(cut1));
      JsonNode after = json(own, "carol", "dave", "--json", "--top", "all");
      assertThat(after.get("view").get("version").asLong()).isEqualTo(V2);
      assertThat(after.get("view").get("cut").asText()).startsWith("0=" + cut2.get(0) + ",1=");
      assertAnswer(after, "carol", "dave");
      assertThat(after.get("view").get("speedRows").asInt()).isLessThan(before.get("view").get("speedRows").asInt());
      // the clean-up removes V1's rows and the absorbed speed rows: still exact, also for a reader that
      // last saw V1 (it reads V1's now missing rows, sees the pointer moved, and reads again with V2)
      ViewFixture.cleanUp(s, ks2, V2, cut2);
      ViewsRead again = longLived.read(List.of("carol", "dave"));
      assertThat(again.view().version()).isEqualTo(V2);
      assertThat(again.users().get(0).words()).isEqualTo(fx.expectedWords("carol"));
      assertThat(again.users().get(1).tweets()).isEqualTo(fx.expectedTweets("dave"));
      assertAnswer(json(own, "carol", "dave", "--json", "--top", "all"), "carol", "dave");
      assertAnswer(json(own, "erin", "alice", "--json", "--top", "all"), "erin", "alice");
      assertDistinctive(json(own, "erin", "alice", "--json", "--top", "all", "--rank", "distinctive", "--prior", "corpus"),
          "erin", "alice", fx.corpus(cut2));
    }
  }

  @Test
  void rankModesAndTopFollowDesign() throws Exception {
    JsonNode all = json("bob", "carol", "--json", "--top", "all", "--rank", "total");
    List<Long> sums = new ArrayList<>();
    all.get("words").forEach(w -> sums.add(w.get("counts").get(0).asLong() + w.get("counts").get(1).asLong()));
    assertThat(sums).isSortedAccordingTo(Comparator.reverseOrder());
    assertThat(all.get("words")).hasSize(expectedShared("bob", "carol").size());
    JsonNode alt = json("bob", "carol", "--json", "--top", "4", "--rank", "alternate");
    assertThat(alt.get("words")).hasSize(4);
    Map<String, Long> bob = fx.expectedWords("bob");
    Map<String, Long> carol = fx.expectedWords("carol");
    String bobTop = expectedShared("bob", "carol").stream().map(x -> (String) x[0])
        .max(Comparator.<String>comparingLong(bob::get).thenComparing(Comparator.<String>reverseOrder())).orElseThrow();
    assertThat(alt.get("words").get(0).get("word").asText()).isEqualTo(bobTop);
    assertThat(carol.get(alt.get("words").get(1).get("word").asText()))
        .isEqualTo(expectedShared("bob", "carol").stream().filter(x -> !x[0].equals(bobTop)).mapToLong(x -> carol.get((String) x[0])).max().orElseThrow());
  }

  void assertDistinctive(JsonNode j, String a, String b, Map<String, Long> corpus) {
    assertThat(j.get("method").get("rank").asText()).isEqualTo("distinctive");
    assertThat(j.get("method").get("prior").asText()).isEqualTo(corpus == null ? "pooled" : "corpus");
    DistinctiveOracle.assertWords(j.get("words"), DistinctiveOracle.distinctive(fx.expectedWords(a), fx.expectedWords(b), 1000, corpus));
  }

  void assertDistinctive(Comparison c, String a, String b, Map<String, Long> corpus) {
    try {
      assertDistinctive(new ObjectMapper().readTree(ComparisonJson.render(c)), a, b, corpus);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void distinctiveEqualsTheRecountWordByWordWithEitherPrior() throws Exception {
    assertDistinctive(json("alice", "bob", "--json", "--top", "all", "--rank", "distinctive"), "alice", "bob", null);
    assertDistinctive(json("@Mallory", "erin", "--json", "--top", "all", "--rank", "DISTINCTIVE"), "mallory", "erin", null);
    // the corpus prior: all users' counts in the published version (V1, below cut1)
    assertDistinctive(json("alice", "bob", "--json", "--top", "all", "--rank", "distinctive", "--prior", "corpus"),
        "alice", "bob", fx.corpus(cut1));
    // --top 5: the 5 highest and the 5 lowest z of the same list
    List<DistinctiveOracle.Word> all = DistinctiveOracle.distinctive(fx.expectedWords("bob"), fx.expectedWords("dave"), 1000, null);
    assertThat(all).hasSizeGreaterThan(10);
    List<DistinctiveOracle.Word> ends = new ArrayList<>(all.subList(0, 5));
    ends.addAll(all.subList(all.size() - 5, all.size()));
    DistinctiveOracle.assertWords(json("bob", "dave", "--json", "--rank", "distinctive", "--top", "5").get("words"), ends);
    // another prior size moves every z
    JsonNode small = json("bob", "dave", "--json", "--rank", "distinctive", "--top", "all", "--prior-size", "12.5");
    assertThat(small.get("method").get("prior_size").doubleValue()).isEqualTo(12.5);
    DistinctiveOracle.assertWords(small.get("words"),
        DistinctiveOracle.distinctive(fx.expectedWords("bob"), fx.expectedWords("dave"), 12.5, null));
  }

  @Test
  void moreUsersEachAgainstTheOthersPooled() throws Exception {
    JsonNode j = json("alice", "bob", "carol", "--json", "--rank", "distinctive", "--top", "3");
    assertThat(j.get("users")).extracting(u -> u.get("name").asText()).containsExactly("alice", "bob", "carol");
    assertThat(j.get("words")).extracting(w -> w.get("user").asText())
        .containsExactly("alice", "alice", "alice", "bob", "bob", "bob", "carol", "carol", "carol");
    List<String> three = List.of("alice", "bob", "carol");
    for (int i = 0; i < 3; i++) {
      // user i against the others pooled is user i against one user holding the others' words
      Map<String, Long> others = new java.util.HashMap<>();
      for (int k = 0; k < 3; k++) {
        if (k != i) {
          fx.expectedWords(three.get(k)).forEach((w, n) -> others.merge(w, n, Long::sum));
        }
      }
      List<DistinctiveOracle.Word> want = DistinctiveOracle.distinctive(fx.expectedWords(three.get(i)), others, 1000, null);
      for (int r = 0; r < 3; r++) {
        JsonNode w = j.get("words").get(3 * i + r);
        assertThat(w.get("word").asText()).isEqualTo(want.get(r).word());
        assertThat(w.get("counts")).hasSize(3);
        assertThat(w.get("counts").get(i).asLong()).isEqualTo(want.get(r).a());
        DistinctiveOracle.assertClose(w.get("z").get(i).doubleValue(), want.get(r).z(), "z of " + want.get(r).word());
      }
    }
    // shared over three users: the words all three used, by the smallest count
    JsonNode shared = json("alice", "bob", "carol", "--json", "--top", "all");
    List<Long> mins = new ArrayList<>();
    shared.get("words").forEach(w -> {
      long min = Long.MAX_VALUE;
      for (JsonNode n : w.get("counts")) {
        min = Math.min(min, n.asLong());
      }
      mins.add(min);
    });
    assertThat(mins).isNotEmpty().isSortedAccordingTo(Comparator.reverseOrder()).allSatisfy(m -> assertThat(m).isPositive());
    assertThat(shared.get("words").get(0).get("z")).hasSize(3);
  }

  @Test
  void tableAndCsv() {
    Cli.Result t = compare("alice", "bob");
    assertThat(t.exit()).isZero();
    assertThat(t.out()).contains("alice vs bob").contains("tweets").contains("mutual words");
    Cli.Result c = compare("alice", "bob", "--csv", "--top", "3");
    String[] lines = c.out().split("\r\n");
    assertThat(lines).hasSize(4);
    assertThat(lines[0]).isEqualTo("word,alice,bob,rate_alice,rate_bob,z");
    Cli.Result d = compare("alice", "bob", "--rank", "distinctive", "--top", "3");
    assertThat(d.exit()).isZero();
    assertThat(d.out()).contains("the 3 highest and 3 lowest z, ranked by distinctive (pooled prior, size 1000; z > 0: alice, z < 0: bob)")
        .contains("alice/10k");
  }

  @Test
  void chartIsAPngOfTheAskedSizeShowingTheAnswer(@TempDir Path dir) throws Exception {
    Path png = dir.resolve("ab.png");
    Cli.Result r = compare("alice", "bob", "--png", png.toString(), "--width", "900", "--height", "500", "--json");
    assertThat(r.exit()).as(r.err()).isZero();
    BufferedImage img = ImageIO.read(png.toFile());
    assertThat(img.getWidth()).isEqualTo(900);
    assertThat(img.getHeight()).isEqualTo(500);
    JsonNode j = new ObjectMapper().readTree(r.out());
    // the chart of the same answer: its dataset is the answer's words and counts, in order
    ServingReader reader = new ServingReader(session, ks);
    Comparison c = Comparison.of(reader.read(List.of("alice", "bob")), Rank.SHARED, 20);
    CategoryDataset d = ComparisonChart.chart(c).getCategoryPlot().getDataset();
    assertThat(d.getRowKeys()).containsExactly("alice", "bob");
    assertThat(d.getColumnCount()).isEqualTo(j.get("words").size());
    for (int i = 0; i < d.getColumnCount(); i++) {
      JsonNode w = j.get("words").get(i);
      assertThat(d.getColumnKey(i)).isEqualTo(w.get("word").asText());
      assertThat(d.getValue(0, i).longValue()).isEqualTo(w.get("counts").get(0).asLong());
      assertThat(d.getValue(1, i).longValue()).isEqualTo(w.get("counts").get(1).asLong());
    }
    Path defaults = dir.resolve("default.png");
    assertThat(compare("alice", "bob", "--png", defaults.toString()).exit()).isZero();
    BufferedImage d2 = ImageIO.read(defaults.toFile());
    assertThat(d2.getWidth()).isEqualTo(1200);
    assertThat(d2.getHeight()).isEqualTo(700);
  }

  @Test
  void distinctiveChartIsADivergingBarOfZPerWord(@TempDir Path dir) throws Exception {
    Path png = dir.resolve("d.png");
    Cli.Result r = compare("alice", "bob", "--rank", "distinctive", "--top", "20", "--png", png.toString(), "--json");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.err()).contains("chart written to");
    BufferedImage img = ImageIO.read(png.toFile());
    assertThat(img.getWidth()).isEqualTo(1200);
    assertThat(img.getHeight()).isEqualTo(700);
    JsonNode j = new ObjectMapper().readTree(r.out());
    Comparison c = Comparison.of(new ServingReader(session, ks).read(List.of("alice", "bob")), Method.of(Rank.DISTINCTIVE), 20);
    CategoryDataset d = ComparisonChart.chart(c).getCategoryPlot().getDataset();
    assertThat(d.getColumnCount()).isEqualTo(j.get("words").size());
    for (int i = 0; i < d.getColumnCount(); i++) {
      JsonNode w = j.get("words").get(i);
      assertThat(d.getColumnKey(i)).isEqualTo(w.get("word").asText() + " (" + w.get("counts").get(0).asLong() + " / "
          + w.get("counts").get(1).asLong() + ")");
      assertThat(d.getValue(0, i).doubleValue()).isEqualTo(w.get("z").doubleValue());
    }
  }

  @Test
  void noMutualWordsSaysSoAndShowsOwnTopWords() throws InterruptedException {
    ViewFixture.writeUser(session, ks, "solo1", V1, Map.of("zebra", 3, "yak", 1));
    ViewFixture.writeUser(session, ks, "solo2", V1, Map.of("quokka", 2));
    Cli.Result r = compare("solo1", "solo2");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("no word in common").contains("zebra").contains("quokka");
  }

  static void assertOneLine(Cli.Result r, int exit, String contains) {
    assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(exit);
    assertThat(r.err().strip().lines().count()).as(r.err()).isEqualTo(1);
    assertThat(r.err()).contains(contains).doesNotContain("\tat ").doesNotContain("Caused by");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void badInputIsOneClearLineAndNonZeroExit(@TempDir Path dir) throws Exception {
    assertOneLine(compare("alcie", "bob"), 1, "unknown user \"alcie\" (nearest known names: alice");
    assertOneLine(compare("Alice", "@alice"), 2, "same user");
    assertOneLine(compare("alice", "bob", "--top", "0"), 2, "--top must be at least 1");
    assertOneLine(compare("alice"), 2, "name at least two users, not 1");
    assertOneLine(compare("a", "b", "c", "d", "e", "f", "g", "h", "i"), 2, "name at most 8 users, not 9");
    assertOneLine(compare("alice", "bob", "carol", "@BOB"), 2, "name each user once");
    assertOneLine(compare("alice", "bob", "--rank", "distinct"), 2, "--rank must be one of shared, total, alternate, distinctive");
    assertOneLine(compare("alice", "bob", "--prior", "flat"), 2, "--prior must be one of pooled, corpus, not 'flat'");
    assertOneLine(compare("alice", "bob", "--prior-size", "0"), 2, "--prior-size must be greater than 0");
    assertOneLine(compare("alice", "bob", "--prior-size", "lots"), 2, "--prior-size must be a positive number, not 'lots'");
    assertOneLine(compare("alice", "bob", "nobody", "--rank", "distinctive"), 1, "unknown user \"nobody\"");
    assertOneLine(compare("alice", "bob", "--png", dir.resolve("no/such/dir/x.png").toString()), 2, "does not exist");
    assertOneLine(compare("alice", "bob", "--png", dir.toString()), 2, "is a directory");
    Path ro = Files.createDirectory(dir.resolve("ro"));
    ro.toFile().setWritable(false, false);
    if (!Files.isWritable(ro)) { // root may write anywhere
      assertOneLine(compare("alice", "bob", "--png", ro.resolve("x.png").toString()), 2, "not writable");
    }
    int deadPort = Ports.free(1).get(0);
    Settings down = Settings.from(dev.trendoff.core.TrendoffConfig.withOverrides(settings.config(),
        Map.of("cassandra.contact-points", List.of("127.0.0.1:" + deadPort), "cassandra.connect-timeout", "2s")));
    assertOneLine(Cli.run(new CompareUsersCommand(() -> down), "alice", "bob"), 1, "cannot reach Cassandra");
  }
}
