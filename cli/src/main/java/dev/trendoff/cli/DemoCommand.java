package dev.trendoff.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;

import dev.trendoff.core.TrendoffConfig;
import dev.trendoff.core.UserError;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "demo", mixinStandardHelpOptions = true,
    description = {"The whole pipeline on the local stack: start Kafka and Cassandra, the speed layer and the batch"
        + " ingest, stream synthetic tweets, recompute while they stream, stream more, wait until both layers"
        + " have caught up, then compare two users who share some words and differ in others (table and PNG).",
        "Stops the jobs it started; stops the stack too if it started it, unless --keep."})
final class DemoCommand implements Callable<Integer> {

  @Option(names = "--tweets", defaultValue = "20000", description = "synthetic tweets to stream (default ${DEFAULT-VALUE})")
  int tweets;

  @Option(names = "--users", defaultValue = "40", description = "synthetic users (default ${DEFAULT-VALUE})")
  int users;

  @Option(names = "--rate", defaultValue = "1000", description = "tweets per second (default ${DEFAULT-VALUE})")
  double rate;

  @Option(names = "--seed", defaultValue = "2016", description = "generator seed (default ${DEFAULT-VALUE})")
  long seed;

  @Option(names = "--out", defaultValue = "var/demo", description = "where the chart and the job logs go (default ${DEFAULT-VALUE})")
  Path out;

  @Option(names = "--keep", description = "leave the stack running at the end")
  boolean keep;

  @Override
  public Integer call() throws Exception {
    if (tweets < 100 || users < 2 || rate <= 0) {
      throw UserError.usage("--tweets must be at least 100, --users at least 2, --rate above 0");
    }
    new Demo(TrendoffConfig.load(), new Demo.Options(seed, users, tweets, rate, keep, out, Duration.ofMinutes(5)),
        System.out).run();
    return 0;
  }
}
