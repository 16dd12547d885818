package dev.trendoff.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;

import dev.trendoff.core.JsonOption;
import dev.trendoff.core.TrendoffConfig;
import dev.trendoff.core.UserError;
import dev.trendoff.producer.SyntheticOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "demo", mixinStandardHelpOptions = true,
    description = {"The whole pipeline on the local stack: start Kafka and Cassandra, the speed layer and the batch"
        + " ingest, stream synthetic tweets, recompute while they stream, stream more, wait until both layers"
        + " have caught up, then compare two users who share some words and differ in others (table and PNG).",
        "Stops the jobs it started; stops the stack too if it started it, unless --keep."})
final class DemoCommand implements Callable<Integer> {

  @Mixin SyntheticOptions data = new SyntheticOptions(2016, 40, 20_000);

  @Option(names = "--rate", defaultValue = "1000", description = "tweets per second (default ${DEFAULT-VALUE})")
  double rate;

  @Option(names = "--out", defaultValue = "var/demo", description = "where the chart and the job logs go (default ${DEFAULT-VALUE})")
  Path out;

  @Option(names = "--keep", description = "leave the stack running at the end")
  boolean keep;

  @Option(names = "--serve", description = "then leave the stack, both layers, a slow synthetic stream and the HTTP server "
      + "(./trendoff serve) running, and print the page's address with the two users filled in; Ctrl-C stops everything the demo started")
  boolean serve;

  @Option(names = "--port", paramLabel = "PORT", description = "with --serve: the server's port (default: trendoff.http.port, 8080)")
  Integer port;

  @Option(names = "--serve-rate", defaultValue = "3", paramLabel = "N",
      description = "with --serve: tweets per second of the slow stream (default ${DEFAULT-VALUE})")
  double serveRate;

  @Mixin JsonOption json = new JsonOption();

  @Override
  public Integer call() throws Exception {
    if (rate <= 0) {
      throw UserError.usage("--rate must be above 0");
    }
    if (serve && serveRate <= 0) {
      throw UserError.usage("--serve-rate must be above 0");
    }
    int tweets = Math.toIntExact(Math.min(Integer.MAX_VALUE, data.tweets(100)));
    return json.run(() -> {
      com.typesafe.config.Config config = TrendoffConfig.load();
      Demo demo = new Demo(config, new Demo.Options(data.seed(), data.users(2), tweets, rate, keep, out,
          Duration.ofMinutes(5)), System.out);
      if (serve) {
        dev.trendoff.http.HttpSettings http = dev.trendoff.http.HttpSettings.from(dev.trendoff.core.Settings.from(config));
        demo.serving(new Demo.Serve(http.bind(), port != null ? port : http.port(), serveRate));
      }
      json.print(demo.run().json());
      return 0;
    });
  }
}
