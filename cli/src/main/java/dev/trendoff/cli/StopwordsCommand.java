package dev.trendoff.cli;

import java.util.concurrent.Callable;

import dev.trendoff.core.Stopwords;
import picocli.CommandLine.Command;

@Command(name = "stopwords", mixinStandardHelpOptions = true,
    description = "Print the English stopword list the tokenizer drops, one word a line.")
final class StopwordsCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    Stopwords.englishList().forEach(System.out::println);
    return 0;
  }
}
