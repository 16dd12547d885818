package dev.trendoff.bench;

import static com.datastax.spark.connector.japi.CassandraJavaUtil.javaFunctions;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.typesafe.config.Config;

import dev.trendoff.avro.TweetCodec;
import dev.trendoff.batch.BatchIngest;
import dev.trendoff.batch.MasterRow;
import dev.trendoff.batch.MasterRowStatements;
import dev.trendoff.batch.MasterRows;
import dev.trendoff.batch.Recompute;
import dev.trendoff.batch.RecomputeSummary;
import dev.trendoff.core.CassandraSessions;
import dev.trendoff.core.KafkaOffsets;
import dev.trendoff.core.JsonOption;
import dev.trendoff.core.Schema;
import dev.trendoff.core.Settings;
import dev.trendoff.core.Tables;
import dev.trendoff.views.ViewStore;
import dev.trendoff.core.TrendoffConfig;
import dev.trendoff.core.UserError;
import dev.trendoff.producer.SyntheticTweets;
import dev.trendoff.producer.TweetProducer;
import dev.trendoff.spark.KafkaStreamJob;
import dev.trendoff.producer.SyntheticOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ./trendoff bench batch}: on the local stack, N synthetic tweets in a topic of their own.
 * (2) The batch ingest (Spark Streaming + connector) from the full topic into an empty master table,
 * beside a plain loop (a Kafka consumer and prepared async driver inserts, bounded in flight) of the
 * same records into another empty master table. (1) The recompute over the resulting master table,
 * beside a plain connector full-table scan (a count of every row) in the same Spark context, before
 * and after. Topic, group and keyspaces are the benchmark's own and are removed afterwards.
 */
@Command(name = "batch", mixinStandardHelpOptions = true,
    description = {"Batch layer: ingest rate beside a plain driver insert loop, recompute time beside a plain",
        "connector full-table scan, on N synthetic tweets. Needs `./trendoff stack up`."})
public final class BatchBench implements Callable<Integer> {

  @Mixin SyntheticOptions data = new SyntheticOptions(2016, 1_000, 1_000_000);

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--in-flight", description = "Async inserts in flight in the plain loop (default ${DEFAULT-VALUE}).")
  int inFlight = 256;

  @Option(names = "--incremental", description = {"Instead: the incremental recompute beside the full one at the same",
      "cut, after N new tweets (--new) on each history size (--histories), 100,000 users unless --users."})
  boolean incremental;

  @Option(names = "--histories", split = ",", paramLabel = "N", description = "With --incremental: history sizes"
      + " (default 1000000,10000000).")
  List<Long> histories = List.of(1_000_000L, 10_000_000L);

  @Option(names = "--new", paramLabel = "N", description = "With --incremental: new tweets (default ${DEFAULT-VALUE}).")
  long fresh = 100_000;

  @Mixin JsonOption json = new JsonOption();

  @Override
  public Integer call() throws Exception {
    return json.run(this::measure);
  }

  private Integer measure() throws Exception {
    if (inFlight < 1) {
      throw UserError.usage("--in-flight must be at least 1");
    }
    Settings base = Settings.load();
    if (incremental) {
      if (fresh < 1 || histories.isEmpty() || histories.stream().anyMatch(h -> h < 1)) {
        throw UserError.usage("--new and --histories must be at least 1");
      }
      // 100,000 users unless --users says otherwise (its default, 1,000, is the other benchmark's)
      int users = spec.commandLine().getParseResult().hasMatchedOption("--users") ? data.users(1) : 100_000;
      List<IncrementalBench.Figures> f = new IncrementalBench(base, users, fresh, data.seed())
          .run(histories.stream().sorted().toList());
      json.print(IncrementalBench.report(users, fresh, f));
      return f.stream().allMatch(IncrementalBench.Figures::sameRows) ? 0 : 1;
    }
    long tweets = data.tweets(1);
    int users = data.users(1);
    String runId = Long.toString(System.currentTimeMillis(), 36);
    Map<String, Object> o = new HashMap<>();
    o.put("kafka.topic", "bench.batch." + runId);
    o.put("kafka.dlq-topic", "bench.batch.dlq." + runId);
    o.put("kafka.batch-group", "bench-batch-" + runId);
    o.put("cassandra.keyspace", base.cassandra().keyspace() + "_bench_batch");
    Config config = TrendoffConfig.withOverrides(base.config(), o);
    Settings s = Settings.from(config);
    Settings plain = Settings.from(TrendoffConfig.withOverrides(config,
        Map.of("cassandra.keyspace", base.cassandra().keyspace() + "_bench_batch_plain")));

    try {
      dropKeyspaces(s, plain);
      createTopics(s);
      Schema.apply(s.cassandra());
      Schema.apply(plain.cassandra());
      System.out.printf(Locale.ROOT, "bench batch: %d synthetic tweets of %d users, topic %s (%d partitions), keyspaces %s and %s%n",
          tweets, users, s.kafka().topic(), s.kafka().partitions(), s.cassandra().keyspace(), plain.cassandra().keyspace());
      long t0 = System.nanoTime();
      try (TweetProducer producer = new TweetProducer(s)) {
        new SyntheticTweets(data.seed(), users, tweets).forEach(producer::send);
        producer.flush();
      }
      System.out.printf(Locale.ROOT, "produced %d tweets in %.1f s%n", tweets, secs(t0));

      double plainSeconds = plainInsertLoop(plain, inFlight);
      System.out.printf(Locale.ROOT, "plain loop (consumer + the same prepared async inserts, %d in flight): %.1f s%n", inFlight, plainSeconds);
      double ingestSeconds = batchIngest(s);
      System.out.printf(Locale.ROOT, "batch-layer ingest (Spark Streaming + connector): %.1f s%n", ingestSeconds);

      double scan1;
      double scan2;
      RecomputeSummary summary;
      long rows;
      try (Recompute recompute = new Recompute(s)) {
        long t = System.nanoTime();
        rows = javaFunctions(recompute.sparkContext()).cassandraTable(s.cassandra().keyspace(), Tables.TWEETS).count();
        scan1 = secs(t);
        summary = recompute.runOnce();
        t = System.nanoTime();
        javaFunctions(recompute.sparkContext()).cassandraTable(s.cassandra().keyspace(), Tables.TWEETS).count();
        scan2 = secs(t);
      }
      if (rows != tweets || summary.tweets() != tweets) {
        throw new IllegalStateException("expected " + tweets + " tweets, the scan counted " + rows + " and the recompute "
            + summary.tweets());
      }
      System.out.println(summary.line());
      double scan = (scan1 + scan2) / 2;
      double ingestRate = tweets / ingestSeconds;
      double plainRate = tweets / plainSeconds;
      System.out.println();
      System.out.printf(Locale.ROOT, "  %-58s %10s %12s%n", "", "seconds", "tweets/s");
      System.out.printf(Locale.ROOT, "  %-58s %10.1f %12.0f%n", "(1) recompute (scan, tokenize, write, flip, clean up)",
          summary.seconds(), tweets / summary.seconds());
      System.out.printf(Locale.ROOT, "  %-58s %10.1f %12.0f%n", "    baseline: connector full-table scan, count (mean of 2)",
          scan, tweets / scan);
      System.out.printf(Locale.ROOT, "  %-58s %10s%n", "    recompute / scan (target <= 2.0)",
          String.format(Locale.ROOT, "%.2f", summary.seconds() / scan));
      System.out.printf(Locale.ROOT, "  %-58s %10.1f %12.0f%n", "(2) batch-layer ingest from the full topic", ingestSeconds, ingestRate);
      System.out.printf(Locale.ROOT, "  %-58s %10.1f %12.0f%n", "    baseline: plain consumer + async driver inserts", plainSeconds, plainRate);
      System.out.printf(Locale.ROOT, "  %-58s %10s%n", "    ingest / plain rate (target >= 0.60)",
          String.format(Locale.ROOT, "%.2f", ingestRate / plainRate));
      long viewRows = viewRows(s);
      System.out.printf(Locale.ROOT, "  (scans %.1f s and %.1f s; %d users, %d distinct words, %d view rows)%n",
          scan1, scan2, summary.users(), summary.distinctWords(), viewRows);
      json.print(report(tweets, users, summary.seconds(), scan, ingestSeconds, plainSeconds, summary.distinctWords(),
          viewRows));
      return 0;
    } finally {
      cleanUp(s, plain);
    }
  }

  /**
   * {@code bench batch --json}: the fields of docs/json.md 'bench batch': (1) the recompute beside the
   * connector scan (seconds, target ratio <= 2), (2) the ingest beside the plain loop (tweets/s, target >= 0.6).
   */
  public static Map<String, Object> report(long tweets, int users, double recomputeSeconds, double scanSeconds,
      double ingestSeconds, double plainSeconds, long distinctWords, long viewRows) {
    Map<String, Object> recompute = new LinkedHashMap<>();
    recompute.put("trendoffSeconds", round(recomputeSeconds, 10));
    recompute.put("baselineSeconds", round(scanSeconds, 10));
    recompute.put("ratio", round(recomputeSeconds / scanSeconds, 100));
    recompute.put("target", 2.0);
    recompute.put("met", recomputeSeconds / scanSeconds <= 2.0);
    double ingestRate = tweets / ingestSeconds;
    double plainRate = tweets / plainSeconds;
    Map<String, Object> ingest = new LinkedHashMap<>();
    ingest.put("trendoffSeconds", round(ingestSeconds, 10));
    ingest.put("baselineSeconds", round(plainSeconds, 10));
    ingest.put("trendoffTweetsPerSecond", Math.round(ingestRate));
    ingest.put("baselineTweetsPerSecond", Math.round(plainRate));
    ingest.put("ratio", round(ingestRate / plainRate, 100));
    ingest.put("target", 0.6);
    ingest.put("met", ingestRate / plainRate >= 0.6);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("bench", "batch");
    m.put("tweets", tweets);
    m.put("users", users);
    m.put("recompute", recompute);
    m.put("ingest", ingest);
    m.put("distinctWords", distinctWords);
    m.put("viewRows", viewRows);
    return m;
  }

  private static double round(double x, int per) {
    return Math.round(x * per) / (double) per;
  }

  /** The batch ingest in this JVM from offset 0 until it has read the whole topic; Spark's start-up not counted. */
  private double batchIngest(Settings s) throws InterruptedException {
    Map<Integer, Long> end;
    try (KafkaOffsets offsets = new KafkaOffsets(s.kafka())) {
      end = offsets.endOffsets();
    }
    KafkaStreamJob job = BatchIngest.job(s).start();
    long t = System.nanoTime();
    try {
      while (!job.processedOffsets().equals(end)) {
        Thread.sleep(100);
      }
      return secs(t);
    } finally {
      job.stopGracefully();
    }
  }

  /**
   * A Kafka consumer reading the topic from the start, each record decoded and inserted with a prepared
   * async insert ({@code inFlight} at most), as the batch ingest would write it. Returns the seconds.
   */
  static double plainInsertLoop(Settings s, int inFlight) throws Exception {
    Map<String, Object> p = new HashMap<>(s.kafka().clientProperties());
    p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
    try (CqlSession session = CassandraSessions.open(s.cassandra());
         KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(p)) {
      PreparedStatement insert = session.prepare(MasterRowStatements.insert(s.cassandra().keyspace()));
      List<TopicPartition> parts = consumer.partitionsFor(s.kafka().topic()).stream()
          .map(i -> new TopicPartition(s.kafka().topic(), i.partition())).toList();
      consumer.assign(parts);
      consumer.seekToBeginning(parts);
      Map<TopicPartition, Long> end = consumer.endOffsets(parts);
      Semaphore permits = new Semaphore(inFlight);
      AtomicReference<Throwable> failure = new AtomicReference<>();
      long t = System.nanoTime();
      long now = System.currentTimeMillis();
      String topicId;
      try (KafkaOffsets o = new KafkaOffsets(s.kafka())) {
        topicId = o.topicId();
      }
      while (parts.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
        for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
          MasterRow row = MasterRows.fromKafka(TweetCodec.shared().decode(r.value()), topicId, r.partition(), r.offset(), now);
          permits.acquire();
          session.executeAsync(MasterRowStatements.bind(insert, row)).whenComplete((rs, e) -> {
            if (e != null) {
              failure.compareAndSet(null, e);
            }
            permits.release();
          });
        }
        if (failure.get() != null) {
          throw new IllegalStateException("an insert failed: " + failure.get().getMessage(), failure.get());
        }
      }
      permits.acquire(inFlight);
      return secs(t);
    }
  }

  private static long viewRows(Settings s) {
    try (CqlSession session = CassandraSessions.open(s.cassandra())) {
      return new ViewStore(session, s.cassandra().keyspace(), 1).batchViewRows();
    } catch (RuntimeException e) {
      return -1;
    }
  }

  private static double secs(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }

  private static void createTopics(Settings s) {
    try (Admin admin = Admin.create(s.kafka().clientProperties())) {
      admin.createTopics(List.of(
          new NewTopic(s.kafka().topic(), s.kafka().partitions(), s.kafka().replicationFactor()),
          new NewTopic(s.kafka().dlqTopic(), 1, s.kafka().replicationFactor()))).all().get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new UserError("cannot create the benchmark topics on Kafka at " + s.kafka().bootstrapServers()
          + " (is the stack up? `./trendoff stack up`): " + e.getMessage(), e);
    }
  }

  private static void cleanUp(Settings s, Settings plain) {
    try (Admin admin = Admin.create(s.kafka().clientProperties())) {
      admin.deleteTopics(List.of(s.kafka().topic(), s.kafka().dlqTopic())).all().get(30, TimeUnit.SECONDS);
      admin.deleteConsumerGroups(List.of(s.kafka().batchGroup())).all().get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      System.err.println("bench batch: could not remove topic " + s.kafka().topic() + ": " + e.getMessage());
    }
    try {
      dropKeyspaces(s, plain);
    } catch (RuntimeException e) {
      System.err.println("bench batch: could not drop the benchmark keyspaces: " + e.getMessage());
    }
  }

  private static void dropKeyspaces(Settings s, Settings plain) {
    try (CqlSession session = CassandraSessions.open(s.cassandra(), false)) {
      for (String ks : List.of(s.cassandra().keyspace(), plain.cassandra().keyspace())) {
        session.execute(com.datastax.oss.driver.api.core.cql.SimpleStatement.newInstance("DROP KEYSPACE IF EXISTS " + ks)
            .setTimeout(Duration.ofMinutes(2)));
      }
    }
  }
}
