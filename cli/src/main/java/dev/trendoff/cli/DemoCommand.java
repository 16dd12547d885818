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

  @Mixin JsonOption json = new JsonOption();

  @Override
  public Integer call() throws Exception {
    if (rate <= 0) {
      throw UserError.usage("--rate must be above 0");
    }
    int tweets = Math.toIntExact(Math.min(Integer.MAX_VALUE, data.tweets(100)));
    return json.run(() -> {
      Demo.Result result = new Demo(TrendoffConfig.load(),
          new Demo.Options(data.seed(), data.users(2), tweets, rate, keep, out, Duration.ofMinutes(5)), System.out).run();
      json.print(result.json());
      return 0;
    });
  }
}
