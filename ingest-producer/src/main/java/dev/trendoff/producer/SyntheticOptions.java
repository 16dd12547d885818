package dev.trendoff.producer;

import dev.trendoff.core.UserError;
import picocli.CommandLine.Option;

/**
 * The options of every command that generates synthetic tweets (a picocli mixin): the seed, how
 * many authors and how many tweets. Each command gives its own defaults by the instance it declares,
 * {@code @Mixin SyntheticOptions data = new SyntheticOptions(42, 1000, 100_000)}; help shows them.
 */
public final class SyntheticOptions {

  @Option(names = "--seed", paramLabel = "S", description = "synthetic data: generator seed (default ${DEFAULT-VALUE})")
  long seed;

  @Option(names = "--users", paramLabel = "N", description = "synthetic data: distinct authors (default ${DEFAULT-VALUE})")
  int users;

  @Option(names = "--tweets", paramLabel = "N", description = "synthetic data: tweets (default ${DEFAULT-VALUE})")
  long tweets;

  public SyntheticOptions(long seed, int users, long tweets) {
    this.seed = seed;
    this.users = users;
    this.tweets = tweets;
  }

  public long seed() {
    return seed;
  }

  /** At least {@code min}, or a usage error naming the option. */
  public int users(int min) {
    if (users < min) {
      throw UserError.usage("--users must be at least " + min + ", not " + users);
    }
    return users;
  }

  /** At least {@code min}, or a usage error naming the option. */
  public long tweets(long min) {
    if (tweets < min) {
      throw UserError.usage("--tweets must be at least " + min + ", not " + tweets);
    }
    return tweets;
  }

  /** The generator of these options (users at least 1, tweets not negative). */
  public SyntheticTweets generator() {
    return new SyntheticTweets(seed, users(1), tweets(0));
  }
}
