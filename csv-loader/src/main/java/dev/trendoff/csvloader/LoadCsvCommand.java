package dev.trendoff.csvloader;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import dev.trendoff.core.Settings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ./trendoff load-csv FILE [--format followthehashtag|sentiment140]}. */
@Command(name = "load-csv", mixinStandardHelpOptions = true,
    description = {"Load a historical tweet CSV straight into the master table (a Spark job). These tweets",
        "never went through Kafka: every batch view version counts them. Bad rows go to a reject file."})
public final class LoadCsvCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "FILE", description = "the CSV file")
  Path file;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "followthehashtag",
      description = "followthehashtag (default; header line, UTF-8) or sentiment140 (no header, Latin-1)")
  String format;

  @Override
  public Integer call() throws IOException {
    CsvFormat f = CsvFormat.parse(format);
    LoadCsv.checkReadable(file);
    LoadCsv.Summary s = LoadCsv.run(Settings.load(), file, f, System.err);
    System.out.println(s.line());
    return 0;
  }
}
