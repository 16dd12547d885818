package dev.trendoff.bench;

import picocli.CommandLine.Command;

/**
 * {@code ./trendoff bench NAME}: each benchmark prints its figures beside a baseline measured in the
 * same run on the same data. Each benchmark is one subcommand class in this package.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
    description = "Benchmarks, each with its baseline measured in the same run.",
    subcommands = {
        ProduceBench.class,
        BatchBench.class,
        SpeedBench.class,
        ServingBench.class,
        FormatsBench.class,
        HttpBench.class,
    })
public final class BenchCommand {
}
