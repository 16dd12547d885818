package dev.trendoff.http;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;

import dev.trendoff.core.ConnectionOptions;
import dev.trendoff.core.Settings;
import dev.trendoff.core.TrendoffConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ./trendoff serve}: the comparisons over HTTP (JSON, CSV, PNG, live event streams) and the web page. */
@Command(name = "serve", mixinStandardHelpOptions = true,
    description = {"Serves the comparisons over HTTP until stopped: the web page at /, the JSON API under /api/ "
        + "(compare, compare.csv, compare.png, compare/stream, users, status; docs/http.md).",
        "Listens on 127.0.0.1 unless --bind says otherwise. SIGTERM or Ctrl-C: finish the requests in flight, exit 0."})
public final class ServeCommand implements Callable<Integer> {

  @Mixin ConnectionOptions connection = new ConnectionOptions();

  @Option(names = "--port", paramLabel = "PORT", description = "port to listen on (default: trendoff.http.port, 8080; 0 picks a free one)")
  Integer port;

  @Option(names = "--bind", paramLabel = "ADDRESS", description = "address to listen on (default: trendoff.http.bind, 127.0.0.1)")
  String bind;

  @Spec CommandSpec spec;

  private final Supplier<com.typesafe.config.Config> config;

  public ServeCommand() {
    this(TrendoffConfig::load);
  }

  ServeCommand(Supplier<com.typesafe.config.Config> config) {
    this.config = config;
  }

  @Override
  public Integer call() throws InterruptedException {
    Settings settings = connection.settings(config.get());
    HttpSettings http = HttpSettings.from(settings);
    http = http.at(bind != null ? bind : http.bind(), port != null ? port : http.port());
    CountDownLatch stop = new CountDownLatch(1);
    for (String sig : new String[] {"TERM", "INT"}) {
      sun.misc.Signal.handle(new sun.misc.Signal(sig), s -> stop.countDown());
    }
    PrintWriter out = spec.commandLine().getOut();
    try (TrendoffServer server = TrendoffServer.start(settings, http)) {
      out.printf("trendoff serve: %s (Cassandra keyspace %s); the API is under %sapi/ (docs/http.md); access log %s; "
          + "Ctrl-C or SIGTERM stops it%n", server.uri(), settings.cassandra().keyspace(), server.uri(),
          java.nio.file.Path.of(System.getProperty("trendoff.logdir", "var/log"), "http-access.log"));
      out.flush();
      stop.await();
      out.println("trendoff serve: stopping (finishing the requests in flight) ...");
      out.flush();
    }
    out.println("trendoff serve: stopped");
    out.flush();
    return 0;
  }
}
