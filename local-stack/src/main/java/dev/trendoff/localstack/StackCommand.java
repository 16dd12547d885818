package dev.trendoff.localstack;

import java.util.List;
import java.util.concurrent.Callable;

import dev.trendoff.core.TrendoffConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;

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
    @CommandLine.Option(names = "--secure", description = {"Authentication and TLS (trendoff.stack.secure): Kafka SASL"
        + " SCRAM-SHA-512 over TLS, Cassandra PasswordAuthenticator and client TLS, from a CA and keys made under"
        + " <dir>/secure with generated passwords, which every other command reads from there (never printed)."
        + " A data directory started secured stays secured. See docs/security.md."})
    boolean secure;

    @Override
    public Integer call() {
      com.typesafe.config.Config config = TrendoffConfig.load();
      if (secure) {
        config = TrendoffConfig.withOverrides(config, java.util.Map.of("stack.secure", true));
      }
      new LocalStack(config).up(true, System.out);
      return 0;
    }
  }

  @Command(name = "down", mixinStandardHelpOptions = true,
      description = "Stop Kafka and Cassandra gracefully (SIGTERM; SIGKILL after trendoff.stack.stop-timeout).")
  static final class Down implements Callable<Integer> {
    @Override
    public Integer call() {
      new LocalStack(TrendoffConfig.load()).down(System.out);
      return 0;
    }
  }

  @Command(name = "status", mixinStandardHelpOptions = true,
      description = "Each service with pid, address and data size; exits 1 when one is down.")
  static final class Status implements Callable<Integer> {
    @Override
    public Integer call() {
      LocalStack stack = new LocalStack(TrendoffConfig.load());
      List<LocalStack.ServiceStatus> all = stack.status();
      all.forEach(System.out::println);
      if (stack.settings().secured()) {
        System.out.println("secured: Kafka SASL_SSL, Cassandra TLS and passwords; client settings in "
            + stack.settings().dir().resolve(TrendoffConfig.STACK_CLIENT_FILE));
      }
      return all.stream().allMatch(LocalStack.ServiceStatus::up) ? 0 : 1;
    }
  }
}
