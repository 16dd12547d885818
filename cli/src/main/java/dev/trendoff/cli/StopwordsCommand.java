package dev.trendoff.cli;

import java.util.Map;
import java.util.concurrent.Callable;

import dev.trendoff.core.JsonOption;
import dev.trendoff.core.Stopwords;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "stopwords", mixinStandardHelpOptions = true,
    description = "Print the English stopword list the tokenizer drops, one word a line.")
final class StopwordsCommand implements Callable<Integer> {

  @Mixin JsonOption json = new JsonOption();

  @Override
  public Integer call() {
    if (json.on()) {
      json.print(Map.of("stopwords", Stopwords.englishList()));
    } else {
      Stopwords.englishList().forEach(System.out::println);
    }
    return 0;
  }
}
