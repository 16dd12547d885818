package dev.trendoff.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import dev.trendoff.core.ConnectionOptions;
import dev.trendoff.core.JsonOption;
import dev.trendoff.core.Settings;
import dev.trendoff.core.TrendoffConfig;
import dev.trendoff.core.UserError;
import dev.trendoff.http.HttpSettings;
import dev.trendoff.http.TrendoffServer;
import dev.trendoff.producer.SyntheticOptions;
import dev.trendoff.serving.CompareRequest;
import dev.trendoff.serving.ComparisonJson;
import dev.trendoff.serving.QueryService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ./trendoff bench http}: /api/compare of {@code ./trendoff serve} (started in this JVM on
 * 127.0.0.1) under N concurrent clients asking random pairs, beside the baseline of the same N threads
 * asking the query library in-process (QueryService and the same JSON rendering) for the same pairs,
 * in the same run, on the data set of {@code bench serving} (100k users from 1M tweets). Every HTTP
 * answer is checked to be the in-process answer's bytes. Its subcommand {@code live} ({@link LiveBench})
 * times the live path.
 */
@Command(name = "http", mixinStandardHelpOptions = true, subcommands = LiveBench.class,
    description = {"/api/compare over HTTP (N clients on 127.0.0.1, random pairs): requests/s, p50/p99, beside the",
        "in-process query library on the same pairs in the same run. Data: bench serving's. Needs `./trendoff stack up`.",
        "`bench http live`: the live path, tweet produced -> bar redrawn in the browser (see its --help)."})
public final class HttpBench implements Callable<Integer> {

  @Mixin SyntheticOptions synthetic = new SyntheticOptions(42, 100_000, 1_000_000);
  @Mixin ConnectionOptions connection = ConnectionOptions.withKeyspace("trendoff_bench");

  @Option(names = "--vocabulary", defaultValue = "20000") int vocabularySize;
  @Option(names = "--rebuild", description = "rewrite the data even when the keyspace already holds it") boolean rebuild;
  @Option(names = "--setup", defaultValue = "recompute", paramLabel = "recompute|direct",
      description = "how bench serving's data set is built (see bench serving --help)") String setup;
  @Option(names = "--clients", defaultValue = "8", description = "concurrent clients (default ${DEFAULT-VALUE})") int clients;
  @Option(names = "--requests", defaultValue = "6000", description = "requests timed on each side (default ${DEFAULT-VALUE})") int requests;
  @Option(names = "--warmup", defaultValue = "1000", description = "requests before timing, each side (default ${DEFAULT-VALUE})") int warmup;

  @Mixin JsonOption json = new JsonOption();

  @Override
  public Integer call() throws Exception {
    return json.run(this::measure);
  }

  private Integer measure() throws Exception {
    if (clients < 1 || requests < clients || warmup < 0) {
      throw UserError.usage("--clients must be at least 1, --requests at least --clients, --warmup not negative");
    }
    ServingBench serving = new ServingBench();
    serving.synthetic = synthetic;
    serving.connection = connection;
    serving.vocabularySize = vocabularySize;
    serving.rebuild = rebuild;
    serving.setup = setup;
    ServingBench.DataSet set = serving.dataSet();
    Settings settings = Settings.from(TrendoffConfig.withOverrides(set.settings().config(),
        Map.of("http.port", 0, "http.max-threads", Math.max(16, clients * 2))));

    Random r = new Random(synthetic.seed() + 11);
    List<String> pairs = new ArrayList<>();
    for (int i = 0; i < warmup + requests; i++) {
      int[] p = ServingBench.pair(r, set.users());
      pairs.add(SyntheticUsers.key(p[0]) + "," + SyntheticUsers.key(p[1]));
    }
    String[] expected = new String[pairs.size()];
    try (QueryService query = QueryService.open(settings.cassandra())) {
      Result inProcess = run("in-process", pairs, i -> {
        String json = ComparisonJson.render(query.compare(CompareRequest.parse(List.of(pairs.get(i).split(",")), null, null)));
        expected[i] = json + "\n";
        return json;
      });
      HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
          .executor(Executors.newFixedThreadPool(clients)).connectTimeout(Duration.ofSeconds(10)).build();
      AtomicInteger different = new AtomicInteger();
      Result http;
      try (TrendoffServer server = TrendoffServer.start(settings, HttpSettings.from(settings))) {
        URI base = server.uri();
        http = run("HTTP", pairs, i -> {
          HttpResponse<byte[]> a = client.send(HttpRequest.newBuilder(base.resolve("api/compare?users=" + pairs.get(i))).build(),
              HttpResponse.BodyHandlers.ofByteArray());
          String body = new String(a.body(), StandardCharsets.UTF_8);
          if (a.statusCode() != 200 || !body.equals(expected[i])) {
            different.incrementAndGet();
          }
          return body;
        });
      }
      double load = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
      System.out.printf("%n  %-52s %10s %9s %9s%n", "/api/compare, " + clients + " concurrent clients, random pairs", "req/s", "p50 ms", "p99 ms");
      System.out.printf("  %-52s %10.0f %9.2f %9.2f%n", "HTTP on 127.0.0.1 (./trendoff serve in this JVM)", http.perSecond, http.p50, http.p99);
      System.out.printf("  %-52s %10.0f %9.2f %9.2f%n", "in-process query library (baseline)", inProcess.perSecond, inProcess.p50, inProcess.p99);
      System.out.printf("%n  HTTP answers differing from the in-process ones: %d of %d; machine load average %.1f on %d cores%n",
          different.get(), pairs.size(), load, Runtime.getRuntime().availableProcessors());
      System.out.printf("  targets: >= 500 requests/s: %s (%.0f); HTTP p99 within 2x of in-process p99: %s (%.2fx)%n",
          http.perSecond >= 500 ? "met" : "MISSED", http.perSecond, http.p99 <= 2 * inProcess.p99 ? "met" : "MISSED",
          http.p99 / inProcess.p99);
      json.print(report(clients, requests, http, inProcess, different.get()));
      if (different.get() > 0) {
        throw new UserError(different.get() + " HTTP answers differ from the in-process answers");
      }
    }
    return 0;
  }

  interface Ask {
    String ask(int i) throws Exception;
  }

  /** One side's figures: requests a second, latency p50 and p99 in ms. */
  public record Result(double perSecond, double p50, double p99) {
    Map<String, Object> json() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("requestsPerSecond", Math.round(perSecond));
      m.put("p50", Math.round(p50 * 100) / 100.0);
      m.put("p99", Math.round(p99 * 100) / 100.0);
      return m;
    }
  }

  /**
   * {@code bench http --json}: the fields of docs/json.md 'bench http': HTTP ({@code trendoff}) beside the
   * in-process query library ({@code baseline}), answers that differ, and the two targets.
   */
  public static Map<String, Object> report(int clients, int requests, Result http, Result inProcess, int different) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("bench", "http");
    m.put("clients", clients);
    m.put("requests", requests);
    m.put("trendoff", http.json());
    m.put("baseline", inProcess.json());
    m.put("differentAnswers", different);
    m.put("rateTarget", 500);
    m.put("rateMet", http.perSecond() >= 500);
    m.put("p99Ratio", Math.round(http.p99() / inProcess.p99() * 100) / 100.0);
    m.put("p99RatioTarget", 2.0);
    m.put("p99RatioMet", http.p99() <= 2 * inProcess.p99());
    return m;
  }

  /** {@code clients} threads, each taking the next pair until all are asked: warm-up, then the timed requests. */
  private Result run(String name, List<String> pairs, Ask ask) throws Exception {
    System.out.printf("%s: %d warm-up requests, then %d timed, %d clients ...%n", name, warmup, requests, clients);
    long[] nanos = new long[requests];
    AtomicInteger next = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    long[] timed = new long[2];
    try {
      for (int phase = 0; phase < 2; phase++) {
        int from = phase == 0 ? 0 : warmup;
        int to = phase == 0 ? warmup : warmup + requests;
        next.set(from);
        long t0 = System.nanoTime();
        List<Future<?>> running = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
          running.add(pool.submit(() -> {
            for (int i = next.getAndIncrement(); i < to; i = next.getAndIncrement()) {
              long s = System.nanoTime();
              ask.ask(i);
              if (i >= warmup) {
                nanos[i - warmup] = System.nanoTime() - s;
              }
            }
            return null;
          }));
        }
        for (Future<?> f : running) {
          f.get();
        }
        timed[phase] = System.nanoTime() - t0;
      }
    } finally {
      pool.shutdownNow();
    }
    Arrays.sort(nanos);
    return new Result(requests / (timed[1] / 1e9), nanos[requests / 2] / 1e6,
        nanos[(int) Math.ceil(requests * 0.99) - 1] / 1e6);
  }
}
