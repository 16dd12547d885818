package dev.trendoff.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;

import com.datastax.oss.driver.api.core.CqlSession;
import com.typesafe.config.Config;

import dev.trendoff.avro.Tweet;
import dev.trendoff.core.CassandraSessions;
import dev.trendoff.core.JsonOption;
import dev.trendoff.core.KafkaOffsets;
import dev.trendoff.core.Schema;
import dev.trendoff.core.Settings;
import dev.trendoff.core.TrendoffConfig;
import dev.trendoff.core.UserError;
import dev.trendoff.producer.SyntheticTweets;
import dev.trendoff.producer.TweetProducer;
import dev.trendoff.spark.JobProcess;
import dev.trendoff.speed.SpeedLayer;
import dev.trendoff.views.ViewStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ./trendoff bench speed}: the speed layer (a child JVM, as {@code ./trendoff speed-layer} runs)
 * on the local stack, fed by the producer at a fixed rate. Figures: freshness (produced -> counted by
 * the serving merge) p50/p99/max beside the baseline of a plain Kafka consumer of the same markers;
 * then the highest rate the speed layer keeps up with, found by stepping the rate up. Runs on a topic,
 * consumer group and keyspace of its own, removed afterwards.
 */
@Command(name = "speed", mixinStandardHelpOptions = true,
    description = {"Speed layer freshness at a fixed rate (p50/p99/max, beside a plain Kafka consumer as baseline),",
        "then the highest rate it sustains without its lag growing. Needs `./trendoff stack up`."})
public final class SpeedBench implements Callable<Integer> {

  @Option(names = "--steps", split = ",",
      description = "Rates of the sustained-rate search, tweets/s, comma separated; empty to skip (default ${DEFAULT-VALUE}).")
  List<Integer> steps = new ArrayList<>(List.of(2_000, 4_000, 6_000, 8_000, 12_000, 16_000));

  @Option(names = "--step-duration", description = "Length of each step, like 20s (default ${DEFAULT-VALUE}).")
  String stepDuration = "20s";

  @Mixin FreshnessOptions freshness = new FreshnessOptions();

  @Mixin JsonOption json = new JsonOption();

  @Override
  public Integer call() throws Exception {
    return json.run(this::measure);
  }

  private Integer measure() throws Exception {
    Duration run = freshness.run();
    Duration warm = freshness.warm();
    Duration step = duration(stepDuration, "--step-duration");
    int rate = freshness.rate;
    int markersPerSecond = freshness.markersPerSecond;
    int users = freshness.users;
    Settings base = Settings.load();
    String runId = Long.toString(System.currentTimeMillis(), 36);
    Map<String, Object> o = new HashMap<>();
    o.put("kafka.topic", "bench.speed." + runId);
    o.put("kafka.speed-group", "bench-speed-" + runId);
    o.put("cassandra.keyspace", base.cassandra().keyspace() + "_bench_speed");
    o.put("speed.report-every", "5s");
    freshness.putBatchInterval(o);
    Config config = TrendoffConfig.withOverrides(base.config(), o);
    Settings s = Settings.from(config);
    SyntheticTweets source = new SyntheticTweets(2016, users, Long.MAX_VALUE);

    createTopic(s);
    Schema.apply(s.cassandra());
    Path log = Path.of("var", "log", "bench-speed-" + runId + ".log");
    System.out.printf("bench speed: topic %s (%d partitions), keyspace %s, %d users, batch interval %s; speed layer log %s%n",
        s.kafka().topic(), s.kafka().partitions(), s.cassandra().keyspace(), users,
        config.getDuration("trendoff.speed.batch-interval").toMillis() + " ms", log);
    Map<String, Object> report;
    try (CqlSession session = CassandraSessions.open(s.cassandra());
         JobProcess speed = JobProcess.start("bench-speed-layer", SpeedLayer.class.getName(), List.of(), config, "1g", log)) {
      new ViewStore(session, s.cassandra().keyspace(), 1).truncateAll();
      if (!speed.awaitLog("speed-layer started", Duration.ofSeconds(120))) {
        throw new IllegalStateException("the speed layer did not start:\n" + speed.logTail(30));
      }
      try (TweetProducer producer = new TweetProducer(s);
           SpeedFreshnessProbe probe = new SpeedFreshnessProbe(s, session, runId)) {
        RateProducer tweets = new RateProducer(producer, source, markersPerSecond, () -> {
          Tweet m = probe.nextMarker();
          probe.sending(m);
          return m;
        });
        System.out.printf("warm-up: %d tweets/s for %d s%n", rate, warm.toSeconds());
        tweets.produce(rate, warm);
        tweets.warmUntilCaughtUp(s, rate);
        probe.awaitAll(Duration.ofSeconds(30));
        probe.reset();
        System.out.printf("freshness: %d tweets/s for %d s, %d markers/s%n", rate, run.toSeconds(), markersPerSecond);
        tweets.produce(rate, run);
        int missing = probe.awaitAll(Duration.ofSeconds(30));
        probe.check();
        List<Long> serving = probe.servingMillis();
        List<Long> kafka = probe.kafkaMillis();
        System.out.println();
        System.out.printf("  %-44s %8s %8s %8s %8s%n", "freshness (ms), produced ->", "markers", "p50", "p99", "max");
        System.out.printf("  %-44s %8d %8d %8d %8d%n", "counted by the serving merge (speed layer)",
            serving.size(), pct(serving, 50), pct(serving, 99), pct(serving, 100));
        System.out.printf("  %-44s %8d %8d %8d %8d%n", "received by a plain Kafka consumer (baseline)",
            kafka.size(), pct(kafka, 50), pct(kafka, 99), pct(kafka, 100));
        if (missing > 0) {
          System.out.printf("  %d markers were not counted within 30 s%n", missing);
        }
        System.out.println();
        List<Map<String, Object>> stepsDone = new ArrayList<>();
        Integer sustained = steps.isEmpty() ? null : sustainedRate(tweets, s, step, stepsDone);
        report = report(rate, run, freshness(serving), freshness(kafka), missing, stepsDone, sustained);
      }
      int code = speed.terminate(Duration.ofSeconds(60));
      System.out.printf("speed layer stopped with exit code %d%n", code);
    } finally {
      cleanUp(s);
    }
    json.print(report);
    return 0;
  }

  /**
   * {@code bench speed --json}: the fields of docs/json.md 'bench speed': freshness in ms of the speed layer
   * and of the baseline consumer, each step of the sustained-rate search, the highest rate sustained (null
   * when none or no steps).
   */
  public static Map<String, Object> report(int rate, Duration run, Map<String, Object> trendoff,
      Map<String, Object> baseline, int missingMarkers, List<Map<String, Object>> steps, Integer sustained) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("bench", "speed");
    m.put("rate", rate);
    m.put("seconds", run.toSeconds());
    Map<String, Object> freshness = new LinkedHashMap<>();
    freshness.put("trendoff", trendoff);
    freshness.put("baseline", baseline);
    m.put("freshnessMillis", freshness);
    m.put("missingMarkers", missingMarkers);
    m.put("steps", steps);
    m.put("highestSustainedRate", sustained == null || sustained == 0 ? null : sustained);
    return m;
  }

  /** {@code {"markers","p50","p99","max"}} of freshness times in ms. */
  public static Map<String, Object> freshness(List<Long> millis) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("markers", millis.size());
    m.put("p50", pct(millis, 50));
    m.put("p99", pct(millis, 99));
    m.put("max", pct(millis, 100));
    return m;
  }

  /** Steps the rate up; a step is sustained when the speed layer's lag did not grow by more than 2 s of input. */
  private int sustainedRate(RateProducer tweets, Settings s, Duration step, List<Map<String, Object>> done)
      throws InterruptedException {
    System.out.printf("  %-10s %12s %12s %12s %12s  %s%n", "rate", "produced/s", "consumed/s", "lag start", "lag end", "");
    int best = 0;
    try (KafkaOffsets offsets = new KafkaOffsets(s.kafka())) {
      for (int r : steps) {
        long lag0 = RateProducer.lag(offsets, s);
        long done0 = sum(offsets.committed(s.kafka().speedGroup()));
        long t0 = System.nanoTime();
        long made = tweets.produce(r, step);
        long lag1 = RateProducer.lag(offsets, s);
        long done1 = sum(offsets.committed(s.kafka().speedGroup()));
        double secs = (System.nanoTime() - t0) / 1e9;
        double producedRate = made / secs;
        double consumedRate = (done1 - done0) / secs;
        // the committed offsets trail by up to two batches: allow the lag to move by 1 s of input
        boolean kept = lag1 - lag0 <= r && consumedRate >= 0.95 * producedRate && producedRate >= 0.9 * r;
        System.out.printf("  %-10d %12.0f %12.0f %12d %12d  %s%n", r, producedRate, consumedRate, lag0, lag1,
            kept ? "kept up" : producedRate < 0.9 * r ? "producer could not reach the rate" : "lag grew");
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("rate", r);
        row.put("produced", Math.round(producedRate));
        row.put("consumed", Math.round(consumedRate));
        row.put("lagStart", lag0);
        row.put("lagEnd", lag1);
        row.put("keptUp", kept);
        done.add(row);
        if (!kept) {
          break;
        }
        best = r;
      }
    }
    System.out.printf("%n  highest rate sustained: %s%n",
        best == 0 ? "below " + steps.get(0) + " tweets/s" : String.format(Locale.ROOT, "%,d tweets/s", best));
    return best;
  }

  private static long sum(Map<Integer, Long> m) {
    return m.values().stream().mapToLong(Long::longValue).sum();
  }

  /** The p-th percentile (nearest rank); -1 for no samples. */
  static long pct(List<Long> samples, int p) {
    if (samples.isEmpty()) {
      return -1;
    }
    List<Long> sorted = new ArrayList<>(samples);
    sorted.sort(null);
    int rank = (int) Math.ceil(p / 100.0 * sorted.size());
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
  }

  static void createTopic(Settings s) {
    try (Admin admin = Admin.create(s.kafka().clientProperties())) {
      admin.createTopics(List.of(new NewTopic(s.kafka().topic(), s.kafka().partitions(), s.kafka().replicationFactor())))
          .all().get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new UserError("cannot create the benchmark topic on Kafka at " + s.kafka().bootstrapServers()
          + " (is the stack up? `./trendoff stack up`): " + e.getMessage(), e);
    }
  }

  static void cleanUp(Settings s) {
    try (Admin admin = Admin.create(s.kafka().clientProperties())) {
      admin.deleteTopics(List.of(s.kafka().topic())).all().get(30, TimeUnit.SECONDS);
      try {
        admin.deleteConsumerGroups(List.of(s.kafka().speedGroup())).all().get(30, TimeUnit.SECONDS);
      } catch (java.util.concurrent.ExecutionException e) {
        // the group never committed: nothing to remove
      }
    } catch (Exception e) {
      System.err.println("bench: could not remove topic " + s.kafka().topic() + ": " + e.getMessage());
    }
    try (CqlSession session = CassandraSessions.open(s.cassandra(), false)) {
      session.execute("DROP KEYSPACE IF EXISTS " + s.cassandra().keyspace());
    } catch (RuntimeException e) {
      System.err.println("bench: could not drop keyspace " + s.cassandra().keyspace() + ": " + e.getMessage());
    }
  }

  static Duration duration(String text, String option) {
    try {
      Duration d = com.typesafe.config.ConfigFactory.parseString("d = " + text).getDuration("d");
      if (d.isNegative() || d.isZero()) {
        throw UserError.usage(option + " must be positive: " + text);
      }
      return d;
    } catch (com.typesafe.config.ConfigException e) {
      throw UserError.usage(option + ": not a duration (like 60s or 2m): " + text);
    }
  }
}
