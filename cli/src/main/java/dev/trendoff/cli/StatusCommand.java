package dev.trendoff.cli;

import dev.trendoff.core.ConnectionOptions;
import picocli.CommandLine.Mixin;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

import dev.trendoff.core.Settings;
import dev.trendoff.core.UserError;
import dev.trendoff.serving.Status;
import dev.trendoff.serving.StatusReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code ./trendoff status}: consumer lag, rows per table, the published view and its cut, pending speed rows. */
@Command(name = "status", mixinStandardHelpOptions = true,
    description = {"Consumer lag per partition of the speed and batch groups, rows in each table (bounded scan), "
        + "the current batch view version and its cut, speed rows pending (after the cut) and absorbed.",
        "Exits 1 when Kafka or Cassandra is down (after printing what it could read)."})
public final class StatusCommand implements Callable<Integer> {

  @Mixin ConnectionOptions connection = new ConnectionOptions();

  @Option(names = "--json", description = "print one JSON object")
  boolean json;

  @Spec CommandSpec spec;

  private final Supplier<Settings> settings;

  public StatusCommand() {
    this(Settings::load);
  }

  public StatusCommand(Supplier<Settings> settings) {
    this.settings = settings;
  }

  @Override
  public Integer call() {
    StatusReport r = Status.read(connection.settings(settings.get().config()));
    PrintWriter out = spec.commandLine().getOut();
    out.print(json ? r.json() + "\n" : StatusText.render(r));
    out.flush();
    if (!r.errors().isEmpty()) {
      throw new UserError(String.join("; ", r.errors()));
    }
    return 0;
  }
}
