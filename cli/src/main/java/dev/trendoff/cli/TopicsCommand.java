package dev.trendoff.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

import dev.trendoff.core.KafkaOptions;
import dev.trendoff.core.KafkaTopics;
import dev.trendoff.core.Settings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code ./trendoff topics}: the Kafka topics trendoff needs, created where missing (the schema command's Kafka twin). */
@Command(name = "topics", mixinStandardHelpOptions = true,
    description = {"Create the tweet topic and its dead-letter topic in Kafka where missing (idempotent), with "
        + "trendoff.kafka.partitions partitions and trendoff.kafka.replication-factor replicas.",
        "Brokers run with topic auto-creation off; the local stack creates its topics itself."})
final class TopicsCommand implements Callable<Integer> {

  @Mixin KafkaOptions kafka = new KafkaOptions();

  @Spec CommandSpec spec;

  private final Supplier<Settings> settings;

  TopicsCommand() {
    this(Settings::load);
  }

  TopicsCommand(Supplier<Settings> settings) {
    this.settings = settings;
  }

  @Override
  public Integer call() {
    Settings.Kafka k = Settings.from(kafka.applyTo(settings.get().config())).kafka();
    List<String> created = KafkaTopics.ensure(k);
    Map<String, Integer> partitions = KafkaTopics.partitions(k);
    PrintWriter out = spec.commandLine().getOut();
    for (String name : KafkaTopics.names(k)) {
      out.printf("topic %s: %d partitions (%s)%n", name, partitions.get(name), created.contains(name) ? "created" : "existed");
    }
    out.flush();
    return 0;
  }
}
