package dev.trendoff.cli;

import java.util.concurrent.Callable;

import dev.trendoff.core.Schema;
import dev.trendoff.core.Settings;
import picocli.CommandLine.Command;

@Command(name = "schema", mixinStandardHelpOptions = true,
    description = "Create the trendoff keyspace and tables in Cassandra where missing (idempotent).")
final class SchemaCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    Settings s = Settings.load();
    int n = Schema.apply(s.cassandra());
    System.out.println("schema applied: " + n + " statements, keyspace " + s.cassandra().keyspace());
    return 0;
  }
}
