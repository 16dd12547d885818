package dev.trendoff.producer;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import com.typesafe.config.Config;

import dev.trendoff.core.Settings;
import dev.trendoff.core.TrendoffConfig;
import dev.trendoff.core.UserError;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ./trendoff produce}: tweets from a file, the generator or the live stream into Kafka. */
@Command(name = "produce", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Reads tweets from a source and sends them, Avro-encoded, to the Kafka topic.",
        "Bad records are counted by reason and written to a reject file; the run goes on.",
        "Ctrl-C or SIGTERM: what was read is flushed, the summary printed, exit 0."})
public final class ProduceCommand implements Callable<Integer> {

  public static final List<String> SOURCES = List.of("jsonl", "csv", "sentiment140", "synthetic", "twitter");

  @Spec CommandSpec spec;

  @Option(names = "--source", required = true, paramLabel = "SOURCE",
      description = "jsonl (Twitter v1.1 status objects a line), csv (followthehashtag layout), "
          + "sentiment140, synthetic or twitter (the live stream)")
  String source;

  @Option(names = "--file", paramLabel = "F", description = "input file for jsonl, csv, sentiment140 (.gz read as such; - is standard input)")
  String file;

  @Option(names = "--rate", paramLabel = "N", description = "send at most N tweets a second")
  Double rate;

  @Option(names = "--speedup", paramLabel = "X", description = "replay the tweets' own timing X times faster")
  Double speedup;

  @Option(names = "--limit", paramLabel = "N", description = "stop after N tweets sent")
  Long limit;

  @Option(names = "--json", description = "print the summary as one JSON object")
  boolean json;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "42", description = "synthetic: seed (default ${DEFAULT-VALUE})")
  long seed;

  @Option(names = "--users", paramLabel = "N", defaultValue = "1000", description = "synthetic: users (default ${DEFAULT-VALUE})")
  int users;

  @Option(names = "--tweets", paramLabel = "N", defaultValue = "100000", description = "synthetic: tweets (default ${DEFAULT-VALUE})")
  long tweets;

  @Option(names = "--track", split = ",", paramLabel = "WORD", description = "twitter: track these words (comma-separated, repeatable)")
  List<String> track = new ArrayList<>();

  @Option(names = "--follow", split = ",", paramLabel = "ID", description = "twitter: follow these user ids")
  List<Long> follow = new ArrayList<>();

  @Option(names = "--locations", paramLabel = "BOX",
      description = "twitter: a bounding box sw_lon,sw_lat,ne_lon,ne_lat (repeatable)")
  List<String> locations = new ArrayList<>();

  @Option(names = "--reject-file", paramLabel = "F", description = "where to write rejects (default: under trendoff.producer.reject-dir)")
  Path rejectFile;

  @Option(names = "--no-progress", description = "no progress bar or rate line")
  boolean noProgress;

  @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT", description = "Kafka (overrides trendoff.kafka.bootstrap-servers)")
  String bootstrapServers;

  @Option(names = "--topic", paramLabel = "T", description = "topic (overrides trendoff.kafka.topic)")
  String topic;

  private final Supplier<Config> configLoader;

  public ProduceCommand() {
    this(TrendoffConfig::load);
  }

  /** With a given configuration (tests). */
  public ProduceCommand(Supplier<Config> configLoader) {
    this.configLoader = configLoader;
  }

  @Override
  public Integer call() throws Exception {
    if (!SOURCES.contains(source)) {
      throw UserError.usage("unknown source '" + source + "' (one of " + String.join(", ", SOURCES) + ")");
    }
    if (rate != null && speedup != null) {
      throw UserError.usage("give --rate or --speedup, not both");
    }
    if ((rate != null && !(rate > 0)) || (speedup != null && !(speedup > 0))) {
      throw UserError.usage("--rate and --speedup must be greater than 0");
    }
    if (limit != null && limit < 0) {
      throw UserError.usage("--limit must not be negative");
    }
    Map<String, Object> overrides = new LinkedHashMap<>();
    if (bootstrapServers != null) {
      overrides.put("kafka.bootstrap-servers", bootstrapServers);
    }
    if (topic != null) {
      overrides.put("kafka.topic", topic);
    }
    Config config = TrendoffConfig.withOverrides(configLoader.get(), overrides);
    Settings settings = Settings.from(config);
    Config own = config.getConfig("trendoff.producer");

    PrintStream err = System.err;
    try (RecordSource records = openSource(config, own);
         TweetProducer producer = new TweetProducer(settings)) {
      RejectFile rejects = rejectFile != null ? new RejectFile(rejectFile)
          : RejectFile.in(Path.of(own.getString("reject-dir")), source);
      Pacer pacer = rate != null ? Pacer.rate(rate) : speedup != null ? Pacer.speedup(speedup) : Pacer.unlimited();
      ProduceRun run = new ProduceRun(source, records, producer, pacer, rejects, limit == null ? Long.MAX_VALUE : limit);
      if (!noProgress) {
        run.withProgress(Progress.forSource(records, err, own.getDuration("rate-line-interval").toMillis(),
            producer::sent));
      }
      return runWithShutdownHook(run, records);
    }
  }

  /** Runs; on SIGTERM/Ctrl-C the hook stops the run, waits for the summary, and ends the JVM with 0. */
  private int runWithShutdownHook(ProduceRun run, RecordSource records) {
    CountDownLatch done = new CountDownLatch(1);
    int[] exit = {0};
    Thread hook = new Thread(() -> {
      run.stop();
      try {
        done.await(60, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      System.out.flush();
      System.err.flush();
      Runtime.getRuntime().halt(exit[0]);
    }, "produce-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      RunSummary summary = run.run();
      PrintWriter out = spec.commandLine().getOut();
      out.print(json ? summary.toJson() + System.lineSeparator() : summary.toText());
      out.flush();
      System.out.flush();
      return 0;
    } catch (RuntimeException | Error e) {
      exit[0] = e instanceof UserError ue ? ue.exitCode() : UserError.FAILURE;
      throw e;
    } finally {
      try {
        records.close();
      } catch (Exception e) {
        // closing a finished source
      }
      done.countDown();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // the hook ends the JVM
      }
    }
  }

  private RecordSource openSource(Config config, Config own) {
    int maxLine = (int) Math.min(Integer.MAX_VALUE - 16, own.getBytes("max-line-bytes"));
    switch (source) {
      case "synthetic":
        if (users < 1 || tweets < 0) {
          throw UserError.usage("--users must be at least 1 and --tweets not negative");
        }
        return Sources.synthetic(new SyntheticTweets(seed, users, tweets));
      case "twitter":
        TwitterSource.Filter filter = new TwitterSource.Filter(track, follow, boxes());
        return new TwitterSource(TwitterSettings.from(config), filter);
      default:
        if (file == null) {
          throw UserError.usage("--source " + source + " needs --file F (- for standard input)");
        }
        switch (source) {
          case "jsonl":
            return Sources.jsonl(file, maxLine);
          case "csv":
            return Sources.followTheHashtag(file, maxLine, own.getInt("max-lines-per-csv-record"));
          default:
            return Sources.sentiment140(file, maxLine);
        }
    }
  }

  private List<double[]> boxes() {
    List<double[]> out = new ArrayList<>();
    for (String box : locations) {
      String[] parts = box.split(",");
      if (parts.length != 4) {
        throw UserError.usage("--locations wants sw_lon,sw_lat,ne_lon,ne_lat, not '" + box + "'");
      }
      double[] b = new double[4];
      for (int i = 0; i < 4; i++) {
        try {
          b[i] = Double.parseDouble(parts[i].strip());
        } catch (NumberFormatException e) {
          throw UserError.usage("--locations: not a number: '" + parts[i] + "'");
        }
      }
      if (b[0] >= b[2] || b[1] >= b[3] || Math.abs(b[1]) > 90 || Math.abs(b[3]) > 90
          || Math.abs(b[0]) > 180 || Math.abs(b[2]) > 180) {
        throw UserError.usage("--locations: '" + box + "' is not a box sw_lon,sw_lat,ne_lon,ne_lat");
      }
      out.add(b);
    }
    return out;
  }
}
