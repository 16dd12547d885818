package dev.trendoff.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

import com.typesafe.config.Config;

import dev.trendoff.avro.Tweet;
import dev.trendoff.batch.BatchIngest;
import dev.trendoff.batch.Recompute;
import dev.trendoff.batch.RecomputeSummary;
import dev.trendoff.core.KafkaOffsets;
import dev.trendoff.core.Settings;
import dev.trendoff.core.UserError;
import dev.trendoff.core.UserKeys;
import dev.trendoff.http.HttpSettings;
import dev.trendoff.http.TrendoffServer;
import dev.trendoff.localstack.LocalStack;
import dev.trendoff.producer.Pacer;
import dev.trendoff.producer.SyntheticTweets;
import dev.trendoff.producer.TweetProducer;
import dev.trendoff.serving.CompareRequest;
import dev.trendoff.serving.Comparison;
import dev.trendoff.serving.ComparisonChart;
import dev.trendoff.serving.ComparisonJson;
import dev.trendoff.serving.QueryService;
import dev.trendoff.speed.SpeedLayer;
import dev.trendoff.spark.JobProcess;

/**
 * The whole pipeline on the local stack, in stages a person can follow: stack up, both streaming
 * layers started, synthetic tweets streamed at a visible pace, a recompute while the stream goes on,
 * more tweets, both layers caught up, then compare-users for two users who share some words and
 * differ in others: the words they share and the words that set each apart, as tables and PNGs.
 */
public final class Demo {

  /** What to stream and where to put the results. */
  public record Options(long seed, int users, int tweets, double rate, boolean keep, Path outDir, Duration catchUpTimeout) {}

  /** What the demo compared, for whoever runs it (the end-to-end test reads it). */
  public record Result(String userA, String userB, Comparison comparison, Path chart, Comparison distinctive,
      Path distinctiveChart, long tweetsSent, RecomputeSummary recompute) {

    /** {@code demo --json}: the fields of docs/json.md 'demo'. */
    public Map<String, Object> json() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("users", List.of(userA, userB));
      m.put("tweetsSent", tweetsSent);
      m.put("recompute", recompute.json());
      m.put("comparison", ComparisonJson.tree(comparison));
      m.put("chart", chart.toAbsolutePath().toString());
      m.put("distinctive", ComparisonJson.tree(distinctive));
      m.put("distinctiveChart", distinctiveChart.toAbsolutePath().toString());
      return m;
    }
  }

  /** {@code demo --serve}: afterwards, the server on {@code bind:port} and a slow stream of {@code rate} tweets a second. */
  public record Serve(String bind, int port, double rate) {}

  private final Config config;
  private final Options opt;
  private final PrintStream out;
  private Serve serve;
  private int stage;

  public Demo(Config config, Options options, PrintStream out) {
    this.config = config;
    this.opt = options;
    this.out = out;
  }

  /** After the comparison, serve it (and go on streaming) until Ctrl-C or SIGTERM. */
  public Demo serving(Serve serve) {
    this.serve = serve;
    return this;
  }

  private int stages() {
    return serve == null ? 7 : 8;
  }

  public Result run() throws Exception {
    long started = System.nanoTime();
    Files.createDirectories(opt.outDir());

    step("starting the local stack (Kafka and Cassandra)");
    LocalStack stack = new LocalStack(config);
    LocalStack.UpReport up = stack.up(true, out);
    boolean weStartedTheStack = up.kafkaStarted() || up.cassandraStarted();
    Settings settings = stack.clientSettings();
    Config clientConfig = stack.clientConfig();

    List<JobProcess> jobs = new ArrayList<>();
    try {
      step("starting the speed layer and the batch ingest (Spark Streaming, local mode; logs in " + opt.outDir() + ")");
      jobs.add(startJob("speed-layer", SpeedLayer.class.getName(), clientConfig));
      jobs.add(startJob("batch-ingest", BatchIngest.class.getName(), clientConfig));
      for (JobProcess j : jobs) {
        if (!j.awaitLog(" started:", Duration.ofMinutes(3))) {
          throw new UserError(j + " did not start; the last lines of its log:\n" + j.logTail(15));
        }
      }
      out.println("  both running: " + jobs);

      SyntheticTweets data = new SyntheticTweets(opt.seed(), opt.users(), opt.tweets());
      Map<String, Long> tweetsPerUser = new HashMap<>();
      AtomicLong sent = new AtomicLong();
      int firstPart = opt.tweets() / 2;
      RecomputeSummary summary;
      try (TweetProducer producer = new TweetProducer(settings);
           KafkaOffsets offsets = new KafkaOffsets(settings.kafka())) {
        Pacer pacer = Pacer.rate(opt.rate());
        step(String.format("streaming %,d of %,d synthetic tweets (%d users) at %,.0f tweets/s", firstPart,
            opt.tweets(), opt.users(), opt.rate()));
        produce(data, 0, firstPart, producer, pacer, sent, tweetsPerUser, offsets, settings);

        step("running a batch recompute while the stream goes on");
        awaitBatchCommitted(offsets, settings, firstPart / 2, Duration.ofMinutes(2));
        CompletableFuture<Void> rest = CompletableFuture.runAsync(() ->
            produce(data, firstPart, opt.tweets(), producer, pacer, sent, tweetsPerUser, offsets, settings));
        try (Recompute recompute = new Recompute(settings)) {
          summary = recompute.runOnce();
        }
        out.println("  " + summary.line());

        step("streaming the rest");
        rest.join();
        producer.flush();
        out.printf("  all %,d tweets sent%n", sent.get());

        step("waiting until the speed layer and the batch ingest have caught up");
        awaitCaughtUp(offsets, settings);
      }

      step("compare-users for two users who share some words and differ in others: the words they share, then the words that set each apart");
      String[] pair = pickPair(data, tweetsPerUser);
      Comparison answer;
      Comparison distinctive;
      try (QueryService q = QueryService.open(settings.cassandra())) {
        answer = q.compare(CompareRequest.parse(List.of(pair[0], pair[1]), null, null));
        distinctive = q.compare(CompareRequest.parse(List.of(pair[0], pair[1]), "distinctive", "10"));
      }
      Path chart = show(answer, "compare-" + pair[0] + "-" + pair[1] + ".png");
      Path distinctiveChart = show(distinctive, "distinctive-" + pair[0] + "-" + pair[1] + ".png");
      out.printf("try: ./trendoff compare-users %s %s --rank alternate --top 10%n", pair[0], pair[1]);
      out.printf("     ./trendoff compare-users %s %s --rank distinctive --prior corpus --png distinctive.png%n", pair[0], pair[1]);
      out.printf("demo done in %d s%n", Duration.ofNanos(System.nanoTime() - started).toSeconds());
      if (serve != null) {
        serveUntilStopped(settings, data, pair);
      }
      return new Result(pair[0], pair[1], answer, chart, distinctive, distinctiveChart, sent.get(), summary);
    } finally {
      for (JobProcess j : jobs) {
        int code = j.terminate(Duration.ofSeconds(60));
        out.println("stopped " + j + " (exit " + code + ")");
      }
      if (weStartedTheStack && !opt.keep()) {
        stack.down(out);
      } else {
        out.println("the stack stays up (" + (opt.keep() ? "--keep" : "it was running before the demo")
            + "): ./trendoff stack down stops it");
      }
    }
  }

  /** Prints the answer's table and writes its chart to {@code file} in the output directory. */
  private Path show(Comparison answer, String file) {
    out.println();
    out.print(ComparisonTable.render(answer));
    Path chart = opt.outDir().resolve(file);
    ComparisonChart.write(answer, chart, ComparisonChart.DEFAULT_WIDTH, ComparisonChart.DEFAULT_HEIGHT);
    out.println();
    out.println("chart written to " + chart.toAbsolutePath());
    return chart;
  }

  /**
   * {@code demo --serve}: the HTTP server and a slow synthetic stream (the demo's users, tweets after the
   * demo's) while both layers keep running, until Ctrl-C or SIGTERM; then the stream and the server stop
   * (the caller stops the layers and the stack).
   */
  private void serveUntilStopped(Settings settings, SyntheticTweets data, String[] pair) throws Exception {
    step("serving the comparison over HTTP while a slow stream goes on");
    CountDownLatch stop = new CountDownLatch(1);
    for (String sig : new String[] {"TERM", "INT"}) {
      sun.misc.Signal.handle(new sun.misc.Signal(sig), x -> stop.countDown());
    }
    HttpSettings http = HttpSettings.from(settings).at(serve.bind(), serve.port());
    try (TrendoffServer server = TrendoffServer.start(settings, http);
         TweetProducer producer = new TweetProducer(settings)) {
      Thread stream = new Thread(() -> {
        Pacer pacer = Pacer.rate(serve.rate());
        try {
          for (long i = opt.tweets(); stop.getCount() > 0; i++) {
            Tweet t = data.tweet(i);
            pacer.await(t, () -> stop.getCount() == 0);
            producer.send(t);
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }, "demo-slow-stream");
      stream.setDaemon(true);
      stream.start();
      out.printf("%n  open %s?users=%s,%s&live=1%n", server.uri(), pair[0], pair[1]);
      out.printf("  the page follows the comparison as %,.1f synthetic tweets a second arrive; the API is under %sapi/%n",
          serve.rate(), server.uri());
      out.println("  Ctrl-C stops the server, the stream, both layers" + (opt.keep() ? "" : " and the stack if the demo started it"));
      out.flush();
      stop.await();
      out.println("stopping ...");
      stream.join(5_000);
      producer.flush();
    }
    out.println("stopped the server and the stream");
  }

  private JobProcess startJob(String name, String mainClass, Config clientConfig) {
    return JobProcess.start(name, mainClass, List.of(), clientConfig, "1g", opt.outDir().resolve(name + ".log"));
  }

  private void produce(SyntheticTweets data, long from, long to, TweetProducer producer, Pacer pacer,
      AtomicLong sent, Map<String, Long> perUser, KafkaOffsets offsets, Settings settings) {
    long lastLine = System.nanoTime();
    try {
      for (long i = from; i < to; i++) {
        Tweet t = data.tweet(i);
        pacer.await(t, () -> false);
        producer.send(t);
        synchronized (perUser) {
          perUser.merge(UserKeys.of(t.getUserScreenName()), 1L, Long::sum);
        }
        sent.incrementAndGet();
        if (System.nanoTime() - lastLine > 1_000_000_000L) {
          lastLine = System.nanoTime();
          progressLine(sent.get(), offsets, settings);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UserError("interrupted while streaming tweets");
    }
  }

  private void progressLine(long sent, KafkaOffsets offsets, Settings settings) {
    long speed = sum(offsets.committed(settings.kafka().speedGroup()));
    long batch = sum(offsets.committed(settings.kafka().batchGroup()));
    out.printf("  sent %,7d | speed layer committed %,7d | batch ingest committed %,7d%n", sent, speed, batch);
  }

  private void awaitCaughtUp(KafkaOffsets offsets, Settings settings) throws InterruptedException {
    long deadline = System.nanoTime() + opt.catchUpTimeout().toNanos();
    while (true) {
      Map<Integer, Long> end = offsets.endOffsets();
      Map<Integer, Long> speed = offsets.committed(settings.kafka().speedGroup());
      Map<Integer, Long> batch = offsets.committed(settings.kafka().batchGroup());
      long total = sum(end);
      out.printf("  in Kafka %,d | speed layer committed %,d | batch ingest committed %,d%n", total, sum(speed), sum(batch));
      if (caughtUp(end, speed) && caughtUp(end, batch)) {
        return;
      }
      if (System.nanoTime() > deadline) {
        throw new UserError("the layers did not catch up within " + opt.catchUpTimeout().toSeconds()
            + " s; see the job logs in " + opt.outDir());
      }
      Thread.sleep(1000);
    }
  }

  /** Lets the batch ingest commit some tweets first, so the recompute's view has something below its cut. */
  private void awaitBatchCommitted(KafkaOffsets offsets, Settings settings, long atLeast, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    long committed;
    while ((committed = sum(offsets.committed(settings.kafka().batchGroup()))) < atLeast && System.nanoTime() < deadline) {
      Thread.sleep(500);
    }
    out.printf("  the batch ingest has committed %,d tweets (the recompute takes its cut from the committed offsets)%n", committed);
  }

  static boolean caughtUp(Map<Integer, Long> end, Map<Integer, Long> committed) {
    return end.entrySet().stream().allMatch(e -> committed.getOrDefault(e.getKey(), 0L) >= e.getValue());
  }

  private static long sum(Map<Integer, Long> m) {
    return m.values().stream().mapToLong(Long::longValue).sum();
  }

  /**
   * The two most active users whose topics overlap but differ: they share some words and differ in
   * others. Falls back to the two most active users.
   */
  static String[] pickPair(SyntheticTweets data, Map<String, Long> tweetsPerUser) {
    List<Integer> byActivity = new ArrayList<>();
    for (int u = 0; u < data.userNames().size(); u++) {
      byActivity.add(u);
    }
    byActivity.sort((x, y) -> Long.compare(tweetsPerUser.getOrDefault(UserKeys.of(data.userNames().get(y)), 0L),
        tweetsPerUser.getOrDefault(UserKeys.of(data.userNames().get(x)), 0L)));
    for (int i = 0; i < byActivity.size(); i++) {
      for (int j = i + 1; j < byActivity.size(); j++) {
        Set<Integer> a = topics(data, byActivity.get(i));
        Set<Integer> b = topics(data, byActivity.get(j));
        Set<Integer> shared = new HashSet<>(a);
        shared.retainAll(b);
        if (!shared.isEmpty() && !a.equals(b)) {
          return new String[] {UserKeys.of(data.userNames().get(byActivity.get(i))),
              UserKeys.of(data.userNames().get(byActivity.get(j)))};
        }
      }
    }
    return new String[] {UserKeys.of(data.userNames().get(byActivity.get(0))),
        UserKeys.of(data.userNames().get(byActivity.get(1)))};
  }

  private static Set<Integer> topics(SyntheticTweets data, int user) {
    Set<Integer> s = new HashSet<>();
    for (int t : data.topicsOf(user)) {
      s.add(t);
    }
    return s;
  }

  private void step(String what) {
    stage++;
    out.printf("%n[%d/%d] %s%n", stage, stages(), what);
  }
}
