package dev.trendoff.cli;

import dev.trendoff.core.CassandraOptions;
import picocli.CommandLine.Mixin;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

import dev.trendoff.core.Settings;
import dev.trendoff.core.UserError;
import dev.trendoff.serving.CompareRequest;
import dev.trendoff.serving.Comparison;
import dev.trendoff.serving.ComparisonChart;
import dev.trendoff.serving.ComparisonCsv;
import dev.trendoff.serving.ComparisonJson;
import dev.trendoff.serving.QueryError;
import dev.trendoff.serving.QueryService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code ./trendoff compare-users A B [C ...]}: the words users share or that set each apart, from batch view + speed view. */
@Command(name = "compare-users", mixinStandardHelpOptions = true,
    description = {"The words two to eight users both use, or that set each apart, and how often each uses them: the "
        + "current batch view plus the speed rows after its cut, merged exactly. Every word comes with each user's count, "
        + "rate per 10,000 words and z (the weighted log-odds ratio with an informative Dirichlet prior). "
        + "Prints an aligned table, or --json / --csv; --png writes a chart."},
    footer = {"", "Ranks: shared = the smallest count desc, then the sum desc, then the word; total = the sum desc, then the word;",
        "alternate = trendOff's order: A's most used mutual word, then B's, ... skipping words already taken",
        "(each user's list by that user's count desc, ties by word); distinctive = every word any user used, by z desc",
        "(--top N: the N highest and N lowest; with more than two users, each user's top N against the others pooled).",
        "The contract, with the formula: docs/compare.md."})
public final class CompareUsersCommand implements Callable<Integer> {

  @Mixin CassandraOptions cassandra = new CassandraOptions();

  @Parameters(paramLabel = "USER", arity = "0..*",
      description = "two to eight users (screen names, @ and case ignored), in the order the answer lists them")
  List<String> users = new ArrayList<>();

  @Option(names = "--top", paramLabel = "N|all", defaultValue = "20",
      description = "how many words (default ${DEFAULT-VALUE}); 'all' for every one")
  String top;

  @Option(names = "--rank", paramLabel = "shared|total|alternate|distinctive", defaultValue = "shared",
      description = "order of the words (default ${DEFAULT-VALUE})")
  String rank;

  @Option(names = "--prior", paramLabel = "pooled|corpus", defaultValue = "pooled",
      description = "the prior behind z: the users' own counts pooled, or all users' counts in the current batch view "
          + "version (default ${DEFAULT-VALUE})")
  String prior;

  @Option(names = "--prior-size", paramLabel = "X", defaultValue = "1000",
      description = "a0, the prior's size: a positive number (default ${DEFAULT-VALUE})")
  String priorSize;

  @Option(names = "--png", paramLabel = "FILE",
      description = "also write a chart (PNG) there: grouped bars of the counts, or for distinctive diverging bars of z")
  Path png;

  @Option(names = "--json", description = "print one JSON object instead of the table")
  boolean json;

  @Option(names = "--csv", description = "print CSV (word, the counts, the rates, z) instead of the table")
  boolean csv;

  @Option(names = "--width", defaultValue = "" + ComparisonChart.DEFAULT_WIDTH, description = "chart width in pixels (default ${DEFAULT-VALUE})")
  int width;

  @Option(names = "--height", defaultValue = "" + ComparisonChart.DEFAULT_HEIGHT, description = "chart height in pixels (default ${DEFAULT-VALUE})")
  int height;

  @Spec CommandSpec spec;

  private final Supplier<Settings> settings;

  public CompareUsersCommand() {
    this(Settings::load);
  }

  /** With explicit settings (tests, the demo). */
  public CompareUsersCommand(Supplier<Settings> settings) {
    this.settings = settings;
  }

  @Override
  public Integer call() {
    CompareRequest request = request(users, rank, top, prior, priorSize);
    if (json && csv) {
      throw UserError.usage("--json and --csv exclude each other: choose one");
    }
    if (png != null) {
      if (width < 100 || height < 100 || width > 10000 || height > 10000) {
        throw UserError.usage("--width and --height must be between 100 and 10000 pixels");
      }
      ComparisonChart.checkWritable(png);
    }
    Comparison answer;
    try (QueryService q = QueryService.open(cassandra.settings(settings.get().config()).cassandra())) {
      answer = q.compare(request);
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(ComparisonJson.render(answer));
    } else if (csv) {
      out.print(ComparisonCsv.render(answer));
    } else {
      out.print(ComparisonTable.render(answer));
    }
    if (png != null) {
      ComparisonChart.write(answer, png, width, height);
      (json || csv ? spec.commandLine().getErr() : out).println("chart written to " + png.toAbsolutePath());
    }
    out.flush();
    return 0;
  }

  /** The request, a wrong parameter named as this command spells it ({@code --top}, {@code --prior-size}). */
  static CompareRequest request(List<String> users, String rank, String top, String prior, String priorSize) {
    try {
      return CompareRequest.parse(users, rank, top, prior, priorSize);
    } catch (QueryError e) {
      if (e.kind() == QueryError.Kind.BAD_PARAMETER && !"users".equals(e.parameter())) {
        throw UserError.usage("--" + e.parameter().replace('_', '-') + " " + e.detail());
      }
      throw e;
    }
  }
}
