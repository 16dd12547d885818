package dev.trendoff.localstack;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import dev.trendoff.core.JsonOption;
import dev.trendoff.core.TrendoffConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code ./trendoff stack up | down | status}: the local Kafka and Cassandra. */
@Command(name = "stack", mixinStandardHelpOptions = true,
    description = {"The local stack: a real Kafka (KRaft, one node) and a real Cassandra (one node) as child JVMs on"
        + " 127.0.0.1, data and logs under trendoff.stack.dir (default ./var).",
        "Ports: trendoff.stack.kafka-port (9092), kafka-controller-port (9093), cassandra-port (9042),"
            + " cassandra-storage-port (7000); set them e.g. as TRENDOFF_STACK_KAFKA_PORT."},
    subcommands = {StackCommand.Up.class, StackCommand.Down.class, StackCommand.Status.class})
public final class StackCommand implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "name a stack command: up, down or status");
  }

  @Command(name = "up", mixinStandardHelpOptions = true,
      description = "Start whichever of Kafka and Cassandra is not running, wait until both answer, create the topics"
          + " and apply the schema. Idempotent.")
  static final class Up implements Callable<Integer> {
    @Mixin JsonOption json = new JsonOption();

    @CommandLine.Option(names = "--secure", description = {"Authentication and TLS (trendoff.stack.secure): Kafka SASL"
        + " SCRAM-SHA-512 over TLS, Cassandra PasswordAuthenticator and client TLS, from a CA and keys made under"
        + " <dir>/secure with generated passwords, which every other command reads from there (never printed)."
        + " A data directory started secured stays secured. See docs/security.md."})
    boolean secure;

    @Override
    public Integer call() throws Exception {
      return json.run(() -> {
        com.typesafe.config.Config config = TrendoffConfig.load();
        if (secure) {
          config = TrendoffConfig.withOverrides(config, java.util.Map.of("stack.secure", true));
        }
        LocalStack stack = new LocalStack(config);
        stack.up(true, System.out);
        report(json, stack.status());
        return 0;
      });
    }
  }

  @Command(name = "down", mixinStandardHelpOptions = true,
      description = "Stop Kafka and Cassandra gracefully (SIGTERM; SIGKILL after trendoff.stack.stop-timeout).")
  static final class Down implements Callable<Integer> {
    @Mixin JsonOption json = new JsonOption();

    @Override
    public Integer call() throws Exception {
      return json.run(() -> {
        LocalStack stack = new LocalStack(TrendoffConfig.load());
        stack.down(System.out);
        report(json, stack.status());
        return 0;
      });
    }
  }

  @Command(name = "status", mixinStandardHelpOptions = true,
      description = "Each service with pid, address and data size; exits 1 when one is down.")
  static final class Status implements Callable<Integer> {
    @Mixin JsonOption json = new JsonOption();

    @Override
    public Integer call() throws Exception {
      return json.run(() -> {
        LocalStack stack = new LocalStack(TrendoffConfig.load());
        List<LocalStack.ServiceStatus> all = stack.status();
        all.forEach(System.out::println);
        if (stack.settings().secured()) {
          System.out.println("secured: Kafka SASL_SSL, Cassandra TLS and passwords; client settings in "
              + stack.settings().dir().resolve(TrendoffConfig.STACK_CLIENT_FILE));
        }
        return report(json, all);
      });
    }
  }

  /** Under --json, the services as docs/json.md 'stack' says; returns the exit code: 0 when all are up, else 1. */
  static int report(JsonOption json, List<LocalStack.ServiceStatus> services) {
    json.print(json(services));
    return services.stream().allMatch(LocalStack.ServiceStatus::up) ? 0 : 1;
  }

  /** {@code {"services":[{"name","up","pid","address","dataBytes","dataDir"}],"up"}} (docs/json.md). */
  public static Map<String, Object> json(List<LocalStack.ServiceStatus> services) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("services", services.stream().map(s -> {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("name", s.name());
      m.put("up", s.up());
      m.put("pid", s.pid().orElse(null));
      m.put("address", s.address());
      m.put("dataBytes", s.dataBytes());
      m.put("dataDir", s.dataDir().toString());
      return m;
    }).toList());
    root.put("up", services.stream().allMatch(LocalStack.ServiceStatus::up));
    return root;
  }
}
