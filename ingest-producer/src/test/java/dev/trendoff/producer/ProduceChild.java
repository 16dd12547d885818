package dev.trendoff.producer;

import picocli.CommandLine;

/** {@code produce} as its own process, for the signal test (the cli module is not a dependency here). */
public final class ProduceChild {
  private ProduceChild() {}

  public static void main(String[] args) {
    System.exit(new CommandLine(new ProduceCommand()).execute(args));
  }
}
