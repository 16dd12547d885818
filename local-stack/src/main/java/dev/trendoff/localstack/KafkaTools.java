package dev.trendoff.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Command lines for Kafka's own tools on the broker's classpath (Kafka 4.1.1 with kafka-tools), for
 * example {@code org.apache.kafka.tools.ProducerPerformance} in the benchmarks. The tool runs in its
 * own JVM, so its jars never meet the application's.
 */
public final class KafkaTools {

  /** The producer benchmark tool of Kafka. */
  public static final String PRODUCER_PERFORMANCE = "org.apache.kafka.tools.ProducerPerformance";

  private KafkaTools() {}

  /**
   * {@code java -cp <kafka jars> mainClass args...} with the running Java, warnings of the tool's
   * logging on stderr. Run it with {@link ProcessBuilder}.
   */
  public static List<String> command(String mainClass, List<String> args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Xmx512m");
    cmd.add("-Djava.net.preferIPv4Stack=true");
    cmd.add("-Dlog4j2.configurationFile=" + toolsLog4jConfig().toUri());
    cmd.add("-cp");
    cmd.add(RuntimeClasspath.join(RuntimeClasspath.kafka()));
    cmd.add(mainClass);
    cmd.addAll(args);
    return cmd;
  }

  /** The Kafka jars (broker, clients 4.1.1, tools, log4j2 binding). */
  public static List<Path> classpath() {
    return RuntimeClasspath.kafka();
  }

  private static Path toolsLog4jConfig() {
    try {
      Path f = Files.createTempFile("trendoff-kafka-tools-log4j2", ".xml");
      f.toFile().deleteOnExit();
      try (InputStream in = KafkaTools.class.getResourceAsStream("kafka-tools-log4j2.xml")) {
        Files.copy(in, f, StandardCopyOption.REPLACE_EXISTING);
      }
      return f;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
