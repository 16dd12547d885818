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
    @Override
    public Integer call() {
      new LocalStack(TrendoffConfig.load()).up(true, System.out);
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
      List<LocalStack.ServiceStatus> all = new LocalStack(TrendoffConfig.load()).status();
      all.forEach(System.out::println);
      return all.stream().allMatch(LocalStack.ServiceStatus::up) ? 0 : 1;
    }
  }
}
