package dev.trendoff.serving;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

import com.datastax.oss.driver.api.core.CqlSession;
import dev.trendoff.core.CassandraSessions;
import dev.trendoff.core.Settings;
import dev.trendoff.core.UserError;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code ./trendoff compare-users A B}: the words two users share, from batch view + speed view. */
@Command(name = "compare-users", mixinStandardHelpOptions = true,
    description = {"The words two users both use and how often each uses them: the current batch view plus the "
        + "speed rows after its cut, merged exactly. Prints an aligned table, or --json / --csv; --png writes a chart."},
    footer = {"", "Ranks: shared = the smaller count desc, then the sum desc, then the word; total = the sum desc, then the word;",
        "alternate = trendOff's order: A's most used mutual word, then B's, ... skipping words already taken",
        "(each user's list by that user's count desc, ties by word)."})
public final class CompareUsersCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "A", description = "first user (screen name, @ and case ignored)")
  String a;

  @Parameters(index = "1", paramLabel = "B", description = "second user")
  String b;

  @Option(names = "--top", paramLabel = "N|all", defaultValue = "20",
      description = "how many mutual words (default ${DEFAULT-VALUE}); 'all' for every one")
  String top;

  @Option(names = "--rank", paramLabel = "shared|total|alternate", defaultValue = "shared",
      converter = RankConverter.class, description = "order of the words (default ${DEFAULT-VALUE})")
  Rank rank;

  @Option(names = "--png", paramLabel = "FILE", description = "also write a grouped bar chart (PNG) there")
  Path png;

  @Option(names = "--json", description = "print one JSON object instead of the table")
  boolean json;

  @Option(names = "--csv", description = "print CSV (word,A,B) instead of the table")
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
    int n = parseTop(top);
    if (json && csv) {
      throw UserError.usage("--json and --csv exclude each other: choose one");
    }
    if (png != null) {
      if (width < 100 || height < 100 || width > 10000 || height > 10000) {
        throw UserError.usage("--width and --height must be between 100 and 10000 pixels");
      }
      ComparisonChart.checkWritable(png);
    }
    CompareUsers.checkNames(a, b);
    Settings s = settings.get();
    Settings.Cassandra c = s.cassandra();
    Comparison answer;
    try (CqlSession session = CassandraSessions.open(c)) {
      answer = ServingSession.guard(c, () -> {
        ServingReader reader = new ServingReader(session, c.keyspace(), c.readConsistency());
        return new CompareUsers(reader, () -> KnownUsers.all(session, c.keyspace(), c.readConsistency()), 3)
            .compare(a, b, rank, n);
      });
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

  /** "all" or a positive whole number. */
  public static int parseTop(String top) {
    if (top.strip().equalsIgnoreCase("all")) {
      return Ranking.ALL;
    }
    int n;
    try {
      n = Integer.parseInt(top.strip());
    } catch (NumberFormatException e) {
      throw UserError.usage("--top must be a positive whole number or 'all', not '" + top + "'");
    }
    if (n <= 0) {
      throw UserError.usage("--top must be at least 1 (or 'all'), not " + n);
    }
    return n;
  }

  static final class RankConverter implements picocli.CommandLine.ITypeConverter<Rank> {
    @Override
    public Rank convert(String value) {
      try {
        return Rank.valueOf(value.strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new picocli.CommandLine.TypeConversionException("'" + value + "' is not one of shared, total, alternate");
      }
    }
  }
}
