package dev.trendoff.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import dev.trendoff.core.JsonOption;
import dev.trendoff.core.Schema;
import dev.trendoff.core.Settings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "schema", mixinStandardHelpOptions = true,
    description = "Create the trendoff keyspace and tables in Cassandra where missing (idempotent).")
final class SchemaCommand implements Callable<Integer> {

  @Mixin JsonOption json = new JsonOption();

  @Override
  public Integer call() throws Exception {
    return json.run(() -> {
      Settings s = Settings.load();
      int n = Schema.apply(s.cassandra());
      System.out.println("schema applied: " + n + " statements, keyspace " + s.cassandra().keyspace());
      Map<String, Object> report = new LinkedHashMap<>();
      report.put("keyspace", s.cassandra().keyspace());
      report.put("statements", n);
      json.print(report);
      return 0;
    });
  }
}
