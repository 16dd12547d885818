package dev.trendoff.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;

import dev.trendoff.avro.Tweet;
import dev.trendoff.avro.TweetCodec;
import dev.trendoff.core.JsonOption;
import dev.trendoff.core.KafkaTopics;
import dev.trendoff.core.SecretFile;
import dev.trendoff.core.Settings;
import dev.trendoff.core.UserError;
import dev.trendoff.core.UserKeys;
import dev.trendoff.formats.RejectFile;
import dev.trendoff.localstack.KafkaTools;
import dev.trendoff.producer.Pacer;
import dev.trendoff.producer.ProduceRun;
import dev.trendoff.producer.ProducerTuning;
import dev.trendoff.producer.RunSummary;
import dev.trendoff.producer.SyntheticSource;
import dev.trendoff.producer.SyntheticTweets;
import dev.trendoff.producer.TweetProducer;
import dev.trendoff.producer.SyntheticOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ./trendoff bench produce}: synthetic tweets through trendoff's producer path (generate,
 * Avro-encode, key by user, send with idempotence and acks=all), and in the same run Kafka's own
 * {@code ProducerPerformance} (in its own JVM, Kafka 4.1.1 jars) with the same record size (the
 * average key + value size of the tweets), the same number of partitions and the same producer
 * settings, each into a fresh topic of the configured broker. Prints both rates and their ratio.
 */
@Command(name = "produce", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"trendoff's producer vs Kafka's ProducerPerformance on the configured broker (./trendoff stack up first).",
        "Each round runs both, one after the other, into fresh topics; the best round of each is compared."})
public final class ProduceBench implements Callable<Integer> {

  private static final Pattern PERF_SUMMARY =
      Pattern.compile("(\\d+) records sent, ([\\d.]+) records/sec \\(([\\d.]+) MB/sec\\)");

  @Mixin SyntheticOptions data = new SyntheticOptions(42, 10_000, 1_000_000);

  private long tweets;
  private int users;
  private long seed;

  @Option(names = "--rounds", defaultValue = "2", description = "rounds of both runs (default ${DEFAULT-VALUE})")
  int rounds;

  @Option(names = "--partitions", description = "partitions of the bench topics (default: trendoff.kafka.partitions)")
  Integer partitions;

  @Option(names = "--linger", description = "linger.ms for both (default: trendoff.producer.linger)")
  Long linger;

  @Option(names = "--batch-size", description = "batch.size in bytes for both (default: trendoff.producer.batch-size)")
  Long batchSize;

  @Option(names = "--compression", description = "compression.type for both (default: trendoff.producer.compression)")
  String compression;

  @Mixin JsonOption json = new JsonOption();

  @Override
  public Integer call() throws Exception {
    return json.run(this::measure);
  }

  private Integer measure() throws Exception {
    tweets = data.tweets(1);
    users = data.users(1);
    seed = data.seed();
    Settings settings = Settings.load();
    ProducerTuning base = ProducerTuning.from(settings);
    ProducerTuning tuning = base.with(linger != null ? linger : base.lingerMs(),
        batchSize != null ? batchSize : base.batchSize(), compression != null ? compression : base.compression());
    int parts = partitions != null ? partitions : settings.kafka().partitions();
    SyntheticTweets gen = new SyntheticTweets(seed, users, tweets);
    int recordSize = averageRecordSize(gen);
    Map<String, Object> producerProps = TweetProducer.producerProperties(settings.kafka().clientProperties(), tuning);

    System.out.printf("bench produce: %,d synthetic tweets (seed %d, %,d users), %d partitions, average record %d bytes%n",
        tweets, seed, users, parts, recordSize);
    System.out.printf("  producer settings (both): acks=all, idempotence on, linger.ms=%d, batch.size=%d, compression=%s%n",
        tuning.lingerMs(), tuning.batchSize(), tuning.compression());
    double bestOurs = 0;
    double bestKafka = 0;
    List<Map<String, Object>> perRound = new ArrayList<>();
    try (Admin admin = KafkaTopics.admin(settings.kafka())) {
      for (int round = 1; round <= rounds; round++) {
        String ourTopic = freshTopic(admin, "bench_trendoff", parts, settings);
        String kafkaTopic = freshTopic(admin, "bench_kafka", parts, settings);
        try {
          double ours = runTrendoff(settings, ourTopic, tuning, gen);
          System.out.printf("  round %d  trendoff producer      %,10.0f tweets/s%n", round, ours);
          double theirs = runKafkaTool(kafkaTopic, recordSize, producerProps);
          System.out.printf("  round %d  Kafka ProducerPerformance %,7.0f records/s%n", round, theirs);
          perRound.add(Map.of("trendoff", Math.round(ours), "baseline", Math.round(theirs)));
          bestOurs = Math.max(bestOurs, ours);
          bestKafka = Math.max(bestKafka, theirs);
        } finally {
          admin.deleteTopics(List.of(ourTopic, kafkaTopic)).all().get(30, TimeUnit.SECONDS);
        }
      }
    }
    double ratio = bestOurs / bestKafka;
    System.out.printf("trendoff producer:          %,10.0f tweets/s  (best of %d)%n", bestOurs, rounds);
    System.out.printf("Kafka ProducerPerformance:  %,10.0f records/s (best of %d, %d-byte records)%n", bestKafka, rounds,
        recordSize);
    System.out.printf("ratio trendoff / Kafka:     %10.2f  (target >= 0.80: %s)%n", ratio, ratio >= 0.8 ? "met" : "NOT met");
    json.print(report(tweets, users, parts, recordSize, perRound, bestOurs, bestKafka));
    return 0;
  }

  /** {@code bench produce --json}: the fields of docs/json.md 'bench produce'; rates in tweets (records) a second. */
  public static Map<String, Object> report(long tweets, int users, int partitions, int recordBytes,
      List<Map<String, Object>> rounds, double trendoff, double kafka) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("bench", "produce");
    m.put("tweets", tweets);
    m.put("users", users);
    m.put("partitions", partitions);
    m.put("recordBytes", recordBytes);
    m.put("rounds", rounds);
    m.put("trendoff", Math.round(trendoff));
    m.put("baseline", Math.round(kafka));
    m.put("ratio", Math.round(trendoff / kafka * 100) / 100.0);
    m.put("target", 0.8);
    m.put("met", trendoff / kafka >= 0.8);
    return m;
  }

  /** Average key + value bytes of the first 100,000 tweets (or all, if fewer). */
  static int averageRecordSize(SyntheticTweets gen) {
    long n = Math.min(100_000, gen.size());
    long bytes = 0;
    for (long i = 0; i < n; i++) {
      Tweet t = gen.tweet(i);
      bytes += TweetCodec.shared().encode(t).length;
      bytes += UserKeys.of(t.getUserScreenName().toString()).getBytes(StandardCharsets.UTF_8).length;
    }
    return (int) Math.round((double) bytes / Math.max(1, n));
  }

  private double runTrendoff(Settings settings, String topic, ProducerTuning tuning, SyntheticTweets gen)
      throws IOException {
    Path rejects = Files.createTempFile("bench-produce-rejects", ".jsonl");
    try (TweetProducer producer = new TweetProducer(settings.kafka().clientProperties(), topic, tuning)) {
      RunSummary s = new ProduceRun("synthetic", new SyntheticSource(gen), producer, Pacer.unlimited(),
          new RejectFile(rejects), Long.MAX_VALUE).run();
      if (s.sent() != gen.size() || s.failed() > 0) {
        throw new UserError("trendoff producer sent " + s.sent() + " of " + gen.size() + " (" + s.failed() + " failed)");
      }
      return s.tweetsPerSecond();
    } finally {
      Files.deleteIfExists(rejects);
    }
  }

  private double runKafkaTool(String topic, int recordSize, Map<String, Object> producerProps) throws Exception {
    // the producer settings may hold a password (sasl.jaas.config, truststore): a 0600 file, not the command line
    try (SecretFile config = SecretFile.create(producerConfig(producerProps))) {
      return runKafkaTool(List.of("--topic", topic, "--num-records", String.valueOf(tweets),
          "--record-size", String.valueOf(recordSize), "--throughput", "-1", "--producer.config", config.path().toString()));
    }
  }

  /** {@code props} as a Java properties file's text. */
  static String producerConfig(Map<String, Object> props) throws IOException {
    Properties p = new Properties();
    props.forEach((k, v) -> p.setProperty(k, String.valueOf(v)));
    java.io.StringWriter w = new java.io.StringWriter();
    p.store(w, null);
    return w.toString();
  }

  private double runKafkaTool(List<String> args) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(KafkaTools.command(KafkaTools.PRODUCER_PERFORMANCE, args));
    pb.redirectError(ProcessBuilder.Redirect.INHERIT);
    Process p = pb.start();
    Thread stopChild = new Thread(p::destroy, "bench-stop-producer-performance");
    Runtime.getRuntime().addShutdownHook(stopChild);
    String last = null;
    try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line; (line = r.readLine()) != null; ) {
        if (PERF_SUMMARY.matcher(line).find()) {
          last = line;
        }
      }
    }
    if (!p.waitFor(10, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new UserError("Kafka's ProducerPerformance did not finish in 10 minutes");
    }
    Runtime.getRuntime().removeShutdownHook(stopChild);
    if (p.exitValue() != 0 || last == null) {
      throw new UserError("Kafka's ProducerPerformance failed (exit " + p.exitValue() + ")");
    }
    Matcher m = PERF_SUMMARY.matcher(last);
    m.find();
    if (Long.parseLong(m.group(1)) != tweets) {
      throw new UserError("Kafka's ProducerPerformance sent " + m.group(1) + " of " + tweets);
    }
    return Double.parseDouble(m.group(2));
  }

  private static String freshTopic(Admin admin, String prefix, int partitions, Settings settings) throws Exception {
    String name = prefix + "_" + System.currentTimeMillis();
    admin.createTopics(List.of(new NewTopic(name, partitions, settings.kafka().replicationFactor())))
        .all().get(30, TimeUnit.SECONDS);
    return name;
  }
}
