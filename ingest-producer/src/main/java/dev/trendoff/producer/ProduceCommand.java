package dev.trendoff.producer;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;

import com.typesafe.config.Config;

import dev.trendoff.core.KafkaOptions;
import dev.trendoff.core.Settings;
import dev.trendoff.core.Terminal;
import dev.trendoff.core.TrendoffConfig;
import dev.trendoff.core.UserError;
import dev.trendoff.formats.FormatsHelp;
import dev.trendoff.formats.RecordSource;
import dev.trendoff.formats.RejectFile;
import dev.trendoff.formats.TweetFormat;
import dev.trendoff.formats.TweetFormats;
import dev.trendoff.producer.bluesky.BlueskySettings;
import dev.trendoff.producer.bluesky.BlueskySource;
import dev.trendoff.producer.x.XSettings;
import dev.trendoff.producer.x.XStreamSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.IModelTransformer;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ./trendoff produce --source SOURCE [FILE]}: tweets from a file, the generator or the live stream into Kafka. */
@Command(name = "produce", mixinStandardHelpOptions = true, sortOptions = false, modelTransformer = ProduceCommand.SourcesHelp.class,
    description = {"Reads tweets from a source and sends them, Avro-encoded, to the Kafka topic.",
        "Bad records are counted by reason and written to a reject file; the run goes on.",
        "Ctrl-C or SIGTERM: what was read is flushed, the summary printed, exit 0."})
public final class ProduceCommand implements Callable<Integer> {

  static final String SYNTHETIC = "synthetic";
  static final String TWITTER = "twitter";
  static final String X_STREAM = "x-stream";
  static final String BLUESKY = "bluesky";
  /** The sources that are not files, with a line of help each; the others are the file formats of {@link TweetFormats}. */
  static final Map<String, String> OTHER_SOURCE_HELP = orderedMap(
      SYNTHETIC, "generated tweets (--seed, --users, --tweets)",
      X_STREAM, "X API v2 filtered stream, live (--track; paid X API access)",
      BLUESKY, "Bluesky's public firehose (Jetstream), live, no account",
      TWITTER, "Twitter's v1.1 stream via Twitter4J: retired in 2023");
  static final List<String> OTHER_SOURCES = List.copyOf(OTHER_SOURCE_HELP.keySet());

  /** produce's help ends with the file formats, then the other sources, a line each. */
  public static final class SourcesHelp implements IModelTransformer {
    @Override
    public CommandSpec transform(CommandSpec spec) {
      new FormatsHelp().transform(spec);
      List<String> footer = new ArrayList<>(List.of(spec.usageMessage().footer()));
      footer.add("");
      footer.add("Live and generated sources (no FILE):");
      OTHER_SOURCE_HELP.forEach((name, help) -> footer.add(TweetFormats.helpLine(name, help)));
      spec.usageMessage().footer(footer.toArray(new String[0]));
      return spec;
    }
  }

  private static Map<String, String> orderedMap(String... pairs) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      m.put(pairs[i], pairs[i + 1]);
    }
    return java.util.Collections.unmodifiableMap(m);
  }

  @Spec CommandSpec spec;

  @Option(names = "--source", required = true, paramLabel = "SOURCE",
      description = "a file format read from FILE, or a live or generated source (both listed below)")
  String source;

  @Parameters(arity = "0..1", paramLabel = "FILE",
      description = "the input file of a file format (gzip, bzip2, xz, zstd or zip recognised by content; - is standard input)")
  String file;

  /** The old way to give FILE, kept so that scripts written before it keep running. */
  @Option(names = "--file", hidden = true, paramLabel = "F")
  String fileOption;

  @Option(names = "--rate", paramLabel = "N", description = "send at most N tweets a second")
  Double rate;

  @Option(names = "--speedup", paramLabel = "X", description = "replay the tweets' own timing X times faster")
  Double speedup;

  @Option(names = "--limit", paramLabel = "N", description = "stop after N tweets sent")
  Long limit;

  @Option(names = "--json", description = "print the summary as one JSON object")
  boolean json;

  @Mixin SyntheticOptions synthetic = new SyntheticOptions(42, 1000, 100_000);

  @Option(names = "--track", split = ",", paramLabel = "WORD",
      description = "x-stream, twitter: track these words or phrases (comma-separated, repeatable)")
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

  @Mixin KafkaOptions kafka = new KafkaOptions();

  private final Supplier<Config> configLoader;
  private final Function<String, String> env;

  public ProduceCommand() {
    this(TrendoffConfig::load);
  }

  /** With a given configuration (tests). */
  public ProduceCommand(Supplier<Config> configLoader) {
    this(configLoader, System::getenv);
  }

  /** With a given configuration and environment (tests: the X bearer token). */
  public ProduceCommand(Supplier<Config> configLoader, Function<String, String> env) {
    this.configLoader = configLoader;
    this.env = env;
  }

  /** Every name {@code --source} takes (aliases left out): the file formats, then the generator and the live stream. */
  public static List<String> sources() {
    List<String> all = new ArrayList<>(TweetFormats.names());
    all.addAll(OTHER_SOURCES);
    return all;
  }

  @Override
  public Integer call() throws Exception {
    TweetFormat format = fileFormat();
    String name = format != null ? format.name() : source.toLowerCase(Locale.ROOT);
    String input = inputFile(name, format);
    if (rate != null && speedup != null) {
      throw UserError.usage("give --rate or --speedup, not both");
    }
    if ((rate != null && !(rate > 0)) || (speedup != null && !(speedup > 0))) {
      throw UserError.usage("--rate and --speedup must be greater than 0");
    }
    if (limit != null && limit < 0) {
      throw UserError.usage("--limit must not be negative");
    }
    Config config = kafka.applyTo(configLoader.get());
    Settings settings = Settings.from(config);
    ProducerSettings own = ProducerSettings.from(config);

    PrintStream err = System.err;
    try (RecordSource records = openSource(name, format, input, config, own);
         TweetProducer producer = new TweetProducer(settings)) {
      RejectFile rejects = new RejectFile(rejectFile != null ? rejectFile : own.rejectFile(name));
      Pacer pacer = rate != null ? Pacer.rate(rate) : speedup != null ? Pacer.speedup(speedup) : Pacer.unlimited();
      ProduceRun run = new ProduceRun(name, records, producer, pacer, rejects, limit == null ? Long.MAX_VALUE : limit);
      if (!noProgress) {
        run.withProgress(Progress.forSource(records, err, Terminal.stderr(), own.rateLineInterval().toMillis(),
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

  /** The file format {@code --source} names, or null for the generator and the live stream; another name is a usage error. */
  private TweetFormat fileFormat() {
    if (OTHER_SOURCES.contains(source.toLowerCase(Locale.ROOT))) {
      return null;
    }
    return TweetFormats.find(source).orElseThrow(() -> UserError.usage(TweetFormats.unknown("source", source, OTHER_SOURCES)));
  }

  /**
   * The file a file format reads: FILE, or the deprecated {@code --file} (with a warning), not both;
   * the generator and the live stream read none.
   */
  private String inputFile(String name, TweetFormat format) {
    if (file != null && fileOption != null) {
      throw UserError.usage("give the input file once, as FILE (--file F is its deprecated form), not both");
    }
    String given = file != null ? file : fileOption;
    if (format == null) {
      if (given != null) {
        throw UserError.usage("--source " + name + " reads no file, but got " + given);
      }
      return null;
    }
    if (given == null) {
      throw UserError.usage("--source " + name + " needs a FILE (- for standard input): produce --source " + name + " FILE");
    }
    if (fileOption != null) {
      spec.commandLine().getErr().println("trendoff: --file is deprecated: give the file last, produce --source "
          + name + " " + fileOption);
    }
    return given;
  }

  private RecordSource openSource(String name, TweetFormat format, String input, Config config, ProducerSettings own) {
    if (format != null) {
      return format.source(input, own.limits());
    }
    if (SYNTHETIC.equals(name)) {
      return new SyntheticSource(synthetic.generator());
    }
    if (X_STREAM.equals(name)) {
      if (!follow.isEmpty() || !locations.isEmpty()) {
        throw UserError.usage("x-stream takes --track only (its words become the stream's rules)");
      }
      return new XStreamSource(XSettings.from(config, env), track);
    }
    if (BLUESKY.equals(name)) {
      if (!track.isEmpty() || !follow.isEmpty() || !locations.isEmpty()) {
        throw UserError.usage("bluesky reads the whole public firehose: it takes no --track, --follow or --locations");
      }
      return new BlueskySource(BlueskySettings.from(config));
    }
    TwitterSource.Filter filter = new TwitterSource.Filter(track, follow, boxes());
    return new TwitterSource(TwitterSettings.from(config), filter);
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
