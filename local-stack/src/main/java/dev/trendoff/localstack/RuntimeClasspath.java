package dev.trendoff.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.trendoff.core.UserError;

/**
 * The server classpaths, as resolved by Maven in the modules {@code local-stack/cassandra-runtime}
 * and {@code local-stack/kafka-runtime}, which write them to the resources read here. The jars are
 * in the local Maven repository; none of them is on the application's own classpath.
 */
public final class RuntimeClasspath {

  private RuntimeClasspath() {}

  /** Cassandra 5.0 server jars. */
  public static List<Path> cassandra() {
    return read("cassandra");
  }

  /** Kafka 4.1 broker and tools jars, with an slf4j binding to log4j2. */
  public static List<Path> kafka() {
    return read("kafka");
  }

  /** The jars joined with the path separator, for {@code java -cp}. */
  public static String join(List<Path> jars) {
    return String.join(java.io.File.pathSeparator, jars.stream().map(Path::toString).toList());
  }

  static List<Path> read(String name) {
    String resource = "/dev/trendoff/localstack/" + name + ".classpath";
    String text;
    try (InputStream in = RuntimeClasspath.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new UserError("the " + name + " server classpath (" + resource + ") is not on the classpath: "
            + "rebuild with `mvn -B -DskipTests package`");
      }
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<Path> jars = new ArrayList<>();
    for (String entry : text.split(java.io.File.pathSeparator)) {
      if (!entry.isBlank()) {
        Path jar = Path.of(entry.strip());
        if (!Files.isRegularFile(jar)) {
          throw new UserError("the " + name + " server jar " + jar + " is missing from the Maven repository: "
              + "rebuild with `mvn -B -DskipTests package` to download it again");
        }
        jars.add(jar);
      }
    }
    if (jars.isEmpty()) {
      throw new UserError("the " + name + " server classpath is empty: rebuild with `mvn -B -DskipTests package`");
    }
    return jars;
  }
}
