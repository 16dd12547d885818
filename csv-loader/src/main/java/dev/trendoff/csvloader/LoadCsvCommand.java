package dev.trendoff.csvloader;

import dev.trendoff.core.CassandraOptions;
import picocli.CommandLine.Mixin;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import dev.trendoff.core.JsonOption;
import dev.trendoff.core.UserError;
import dev.trendoff.formats.FormatsHelp;
import dev.trendoff.formats.TweetFormat;
import dev.trendoff.formats.TweetFormats;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ./trendoff load-csv [--format F] FILE}. */
@Command(name = "load-csv", mixinStandardHelpOptions = true, modelTransformer = FormatsHelp.class,
    customSynopsis = "trendoff load-csv [-hV] [--json] [--format=FORMAT] FILE",
    description = {"Load a historical tweet file straight into the master table (a Spark job).",
        "These tweets never went through Kafka: every batch view version counts them.",
        "Bad records go to a reject file."})
public final class LoadCsvCommand implements Callable<Integer> {

  @Mixin CassandraOptions cassandra = new CassandraOptions();

  /** Optional for picocli, so that a missing FILE is one usage line, not the whole help. */
  @Parameters(arity = "0..1", paramLabel = "FILE", description = "the tweet file (gzip recognised by its content)")
  Path file;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "followthehashtag",
      description = "a file format listed below (default: ${DEFAULT-VALUE})")
  String format;

  @Mixin JsonOption json = new JsonOption();

  @Override
  public Integer call() throws Exception {
    TweetFormat f = TweetFormats.named(format);
    if (file == null) {
      throw UserError.usage("load-csv needs a FILE: load-csv [--format F] FILE");
    }
    LoadCsv.checkReadable(file);
    return json.run(() -> {
      LoadCsv.Summary s = LoadCsv.run(cassandra.settings(dev.trendoff.core.TrendoffConfig.load()), file, f, System.err);
      System.out.println(s.line());
      json.print(s.json());
      return 0;
    });
  }
}
