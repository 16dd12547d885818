package dev.trendoff.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import com.datastax.oss.driver.api.core.CqlSession;
import com.typesafe.config.Config;

import dev.trendoff.avro.Tweet;
import dev.trendoff.core.CassandraSessions;
import dev.trendoff.core.JsonOption;
import dev.trendoff.core.Schema;
import dev.trendoff.core.Settings;
import dev.trendoff.core.TrendoffConfig;
import dev.trendoff.core.UserError;
import dev.trendoff.http.HttpSettings;
import dev.trendoff.http.TrendoffServer;
import dev.trendoff.producer.SyntheticTweets;
import dev.trendoff.producer.TweetProducer;
import dev.trendoff.spark.JobProcess;
import dev.trendoff.speed.SpeedLayer;
import dev.trendoff.views.ViewStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ./trendoff bench http live}: the live path of issue 14, tweet produced to bar updated in the
 * browser, at a fixed rate of synthetic tweets. The speed layer runs as a child JVM (as in {@code bench
 * speed}), the server in this JVM, and headless Chromium shows the page of a pair of users of the run's own
 * with its live switch on. Marker k is the k-th tweet of the first user with the word {@value #WORD} (the
 * second user tweets it once, so that it is shared): the page's bar of that word reaching k is marker k
 * shown. Baselines on the same markers in the same run: a plain Java client of the same event stream, and
 * the serving merge polled directly. Topic, consumer group and keyspace of its own, removed afterwards.
 */
@Command(name = "live", mixinStandardHelpOptions = true,
    description = {"The live path: tweet produced -> bar redrawn by the page in headless Chromium, at a fixed rate",
        "(p50/p99/max), beside a Java client of the same event stream and the serving merge on the same markers.",
        "Needs `./trendoff stack up` and Chromium (apt-get install chromium)."})
public final class LiveBench implements Callable<Integer> {

  /** The word of the markers. */
  static final String WORD = "narwhal";
  /** Issue 14's target for the page's p99, in ms. */
  static final long TARGET_MILLIS = 3_000;

  @Option(names = "--chromium", description = "The Chromium to drive (default ${DEFAULT-VALUE}).")
  Path chromium = Chromium.DEFAULT;

  @Mixin FreshnessOptions freshness = new FreshnessOptions();

  @Mixin JsonOption json = new JsonOption();

  /** The configuration to start from; null: the one {@code ./trendoff} loads (files, environment, -D). */
  private Config base;

  /** Runs on {@code config} instead of the loaded configuration (the integration test's stack). */
  public LiveBench withConfig(Config config) {
    this.base = config;
    return this;
  }

  @Override
  public Integer call() throws Exception {
    return json.run(this::measure);
  }

  private Integer measure() throws Exception {
    Duration run = freshness.run();
    Duration warm = freshness.warm();
    int rate = freshness.rate;
    int markersPerSecond = freshness.markersPerSecond;
    int users = freshness.users;
    if (!Files.isExecutable(chromium)) {
      throw new UserError("bench http live needs Chromium, and there is none at " + chromium
          + ": apt-get install chromium (or name another with --chromium)");
    }
    Settings base = this.base != null ? Settings.from(this.base) : Settings.load();
    String runId = Long.toString(System.currentTimeMillis(), 36);
    Map<String, Object> o = new HashMap<>();
    o.put("kafka.topic", "bench.live." + runId);
    o.put("kafka.speed-group", "bench-live-" + runId);
    o.put("cassandra.keyspace", base.cassandra().keyspace() + "_bench_live");
    o.put("speed.report-every", "5s");
    o.put("http.port", 0);
    freshness.putBatchInterval(o);
    Config config = TrendoffConfig.withOverrides(base.config(), o);
    Settings s = Settings.from(config);
    String first = "live_a_" + runId;
    String second = "live_b_" + runId;
    String pair = first + "," + second;

    SpeedBench.createTopic(s);
    Schema.apply(s.cassandra());
    Path log = Path.of("var", "log", "bench-live-" + runId + ".log");
    System.out.printf("bench http live: topic %s, keyspace %s, %d users, batch interval %s; speed layer log %s%n",
        s.kafka().topic(), s.cassandra().keyspace(), users,
        config.getDuration("trendoff.speed.batch-interval").toMillis() + " ms", log);
    Map<String, Object> report;
    try (CqlSession session = CassandraSessions.open(s.cassandra());
         JobProcess speed = JobProcess.start("bench-live-speed-layer", SpeedLayer.class.getName(), List.of(), config, "1g", log)) {
      new ViewStore(session, s.cassandra().keyspace(), 1).truncateAll();
      if (!speed.awaitLog("speed-layer started", Duration.ofSeconds(120))) {
        throw new IllegalStateException("the speed layer did not start:\n" + speed.logTail(30));
      }
      Markers markers = new Markers(first);
      try (TweetProducer producer = new TweetProducer(s);
           TrendoffServer server = TrendoffServer.start(s, HttpSettings.from(s))) {
        URI page = server.uri();
        producer.send(tweet(first, "bench live start", Long.MAX_VALUE - 1));
        producer.send(tweet(second, WORD, Long.MAX_VALUE - 2));
        producer.flush();
        awaitKnown(page, pair, Duration.ofMinutes(2));
        System.out.printf("the page: %s?users=%s&live=1 in %s%n", page, pair, chromium);
        try (ServingCountWatch merge = new ServingCountWatch(session, s.cassandra().keyspace(), first, WORD);
             StreamCountWatch stream = new StreamCountWatch(page, pair, WORD);
             PageCountWatch browser = PageCountWatch.open(chromium, page, pair, WORD, Duration.ofSeconds(60))) {
          RateProducer tweets = new RateProducer(producer, new SyntheticTweets(2016, users, Long.MAX_VALUE),
              markersPerSecond, markers::next);
          System.out.printf("warm-up: %d tweets/s for %d s%n", rate, warm.toSeconds());
          tweets.produce(rate, warm);
          tweets.warmUntilCaughtUp(s, rate);
          awaitShown(browser, markers.count(), Duration.ofSeconds(60));
          int from = markers.count() + 1;
          System.out.printf("timed: %d tweets/s for %d s, %d markers/s%n", rate, run.toSeconds(), markersPerSecond);
          tweets.produce(rate, run);
          int to = markers.count();
          boolean allShown = awaitShown(browser, to, Duration.ofSeconds(30));
          Thread.sleep(SpeedFreshnessProbe.POLL_MILLIS * 5L);
          long[] sent = markers.sentMillis();
          CountTrace.Latencies onPage = CountTrace.latencies(sent, from, to, browser.trace().changes());
          CountTrace.Latencies onStream = CountTrace.latencies(sent, from, to, stream.trace().changes());
          CountTrace.Latencies inMerge = CountTrace.latencies(sent, from, to, merge.trace().changes());
          double load = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
          report = report(rate, run, to - from + 1, onPage, onStream, inMerge, load);
          print(report, allShown);
        }
      }
      int code = speed.terminate(Duration.ofSeconds(60));
      System.out.printf("speed layer stopped with exit code %d%n", code);
    } finally {
      SpeedBench.cleanUp(s);
    }
    json.print(report);
    return 0;
  }

  /** The marker tweets of the first user, each noting when it was sent. */
  static final class Markers {
    private final String user;
    private final List<Long> sent = new ArrayList<>();

    Markers(String user) {
      this.user = user;
    }

    /** Marker k (1-based): the k-th tweet of the user with the word; sent right after this returns. */
    synchronized Tweet next() {
      long k = sent.size() + 1;
      sent.add(System.currentTimeMillis());
      return tweet(user, WORD + " marker", 8_100_000_000_000_000_000L + k);
    }

    synchronized int count() {
      return sent.size();
    }

    synchronized long[] sentMillis() {
      return sent.stream().mapToLong(Long::longValue).toArray();
    }
  }

  private static Tweet tweet(String user, String text, long id) {
    return Tweet.newBuilder().setId(id).setUserScreenName(user).setText(text).setCreatedAt(Instant.now()).build();
  }

  /** Waits until /api/compare knows both users (the speed layer counted their first tweets). */
  private static void awaitKnown(URI server, String pair, Duration timeout) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (http.send(HttpRequest.newBuilder(server.resolve("api/compare?users=" + pair)).build(),
        HttpResponse.BodyHandlers.discarding()).statusCode() != 200) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("the speed layer did not count the first tweets of " + pair + " within "
            + timeout.toSeconds() + " s");
      }
      Thread.sleep(250);
    }
  }

  /** Waits until the page shows marker {@code k} (or {@code timeout}); false when it did not. */
  private static boolean awaitShown(PageCountWatch page, int k, Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (page.latest() < k) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      Thread.sleep(200);
    }
    return true;
  }

  private static void print(Map<String, Object> report, boolean allShown) {
    @SuppressWarnings("unchecked")
    Map<String, Map<String, Object>> l = (Map<String, Map<String, Object>>) report.get("latencyMillis");
    System.out.println();
    System.out.printf("  %-56s %8s %8s %8s %8s%n", "latency (ms), marker tweet produced ->", "markers", "p50", "p99", "max");
    String[][] rows = {
        {"page", "bar redrawn by the page in headless Chromium"},
        {"eventStream", "received on /api/compare/stream by a Java client"},
        {"servingMerge", "counted by the serving merge (read every " + SpeedFreshnessProbe.POLL_MILLIS + " ms)"}};
    for (String[] r : rows) {
      Map<String, Object> f = l.get(r[0]);
      System.out.printf("  %-56s %8s %8s %8s %8s%n", r[1], f.get("markers"), f.get("p50"), f.get("p99"), f.get("max"));
    }
    System.out.printf("%n  %s markers sent at %s tweets/s for %s s; machine load average %.1f on %d cores%n",
        report.get("sent"), report.get("rate"), report.get("seconds"), report.get("loadAverage"),
        Runtime.getRuntime().availableProcessors());
    if (!allShown) {
      System.out.printf("  the page had not shown every marker 30 s after the last was sent: %s missing%n",
          report.get("missingMarkers"));
    }
    System.out.printf("  target: page p99 <= %,d ms: %s%n", TARGET_MILLIS, Boolean.TRUE.equals(report.get("targetMet"))
        ? "met" : "MISSED");
  }

  /**
   * {@code bench http live --json}: the fields of docs/json.md 'bench http live': the latencies in ms of the
   * page ({@code page}) and of the two baselines on the same markers, the markers the page never showed,
   * and issue 14's target (page p99 at most 3 s, every marker shown).
   */
  static Map<String, Object> report(int rate, Duration run, int sent, CountTrace.Latencies page,
      CountTrace.Latencies stream, CountTrace.Latencies merge, double load) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("bench", "http live");
    m.put("rate", rate);
    m.put("seconds", run.toSeconds());
    m.put("sent", sent);
    Map<String, Object> l = new LinkedHashMap<>();
    l.put("page", SpeedBench.freshness(page.millis()));
    l.put("eventStream", SpeedBench.freshness(stream.millis()));
    l.put("servingMerge", SpeedBench.freshness(merge.millis()));
    m.put("latencyMillis", l);
    m.put("missingMarkers", page.missing());
    m.put("targetMillis", TARGET_MILLIS);
    long p99 = SpeedBench.pct(page.millis(), 99);
    m.put("targetMet", page.missing() == 0 && p99 >= 0 && p99 <= TARGET_MILLIS);
    m.put("loadAverage", Math.round(load * 10) / 10.0);
    return m;
  }
}
