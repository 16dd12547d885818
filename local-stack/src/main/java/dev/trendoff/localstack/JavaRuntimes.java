package dev.trendoff.localstack;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.trendoff.core.UserError;

/**
 * Finds a Java runtime Cassandra 5.0 can run on (11 or 17: it uses the Security Manager, which
 * newer Javas removed), even when the default {@code java} is newer.
 */
public final class JavaRuntimes {

  /** Java major versions Cassandra 5.0 supports, preferred first. */
  public static final List<Integer> CASSANDRA_MAJORS = List.of(17, 11);

  private static final Pattern JAVA_VERSION = Pattern.compile("(?m)^JAVA_VERSION=\"([^\"]+)\"");

  private JavaRuntimes() {}

  /** A Java home and its major version. */
  public record Runtime(Path home, int major) {
    public Path java() {
      return home.resolve("bin").resolve("java");
    }
  }

  /**
   * The Java for Cassandra: the configured home when given (it must be 11 or 17), otherwise the
   * first 17, then the first 11, among JAVA_HOME, the running Java and the homes under {@code jvmRoot}.
   */
  public static Runtime forCassandra(String configuredHome, Map<String, String> env, Path runningHome, Path jvmRoot) {
    if (configuredHome != null && !configuredHome.isBlank()) {
      Path home = Path.of(configuredHome);
      Optional<Runtime> r = inspect(home);
      if (r.isEmpty()) {
        throw new UserError("trendoff.stack.cassandra-java-home = " + configuredHome
            + " is not a Java home (no bin/java with a release file): point it at a Java 17 or 11");
      }
      if (!CASSANDRA_MAJORS.contains(r.get().major())) {
        throw new UserError("trendoff.stack.cassandra-java-home = " + configuredHome + " is Java " + r.get().major()
            + "; Cassandra 5.0 needs Java 17 or 11: point it at one of those");
      }
      return r.get();
    }
    List<Runtime> found = candidates(env, runningHome, jvmRoot);
    for (int major : CASSANDRA_MAJORS) {
      for (Runtime r : found) {
        if (r.major() == major) {
          return r;
        }
      }
    }
    String seen = found.isEmpty() ? "none found"
        : String.join(", ", found.stream().map(r -> "Java " + r.major() + " at " + r.home()).toList());
    throw new UserError("no Java 17 or 11 for Cassandra 5.0 (it does not run on newer Javas; seen: " + seen
        + "): install one (e.g. apt-get install openjdk-17-jre-headless) or set trendoff.stack.cassandra-java-home"
        + " (TRENDOFF_STACK_CASSANDRA_JAVA_HOME)");
  }

  /** Java homes to consider, in order, each once: JAVA_HOME, the running Java, then {@code jvmRoot/*} sorted. */
  static List<Runtime> candidates(Map<String, String> env, Path runningHome, Path jvmRoot) {
    Set<Path> homes = new LinkedHashSet<>();
    String javaHome = env.get("JAVA_HOME");
    if (javaHome != null && !javaHome.isBlank()) {
      homes.add(Path.of(javaHome));
    }
    if (runningHome != null) {
      homes.add(runningHome);
    }
    if (jvmRoot != null && Files.isDirectory(jvmRoot)) {
      List<Path> under = new ArrayList<>();
      try (DirectoryStream<Path> ds = Files.newDirectoryStream(jvmRoot)) {
        ds.forEach(under::add);
      } catch (IOException e) {
        // unreadable: nothing there for us
      }
      under.sort(null);
      homes.addAll(under);
    }
    List<Runtime> out = new ArrayList<>();
    Set<Path> seenReal = new LinkedHashSet<>();
    for (Path h : homes) {
      Optional<Runtime> r = inspect(h);
      if (r.isPresent() && seenReal.add(realPath(h))) {
        out.add(r.get());
      }
    }
    return out;
  }

  /** The runtime at {@code home}, when it has an executable bin/java and a readable version. */
  static Optional<Runtime> inspect(Path home) {
    Path java = home.resolve("bin").resolve("java");
    if (!Files.isExecutable(java)) {
      return Optional.empty();
    }
    int major = -1;
    Path release = home.resolve("release");
    if (Files.isReadable(release)) {
      try {
        major = majorFromRelease(Files.readString(release));
      } catch (IOException e) {
        major = -1;
      }
    }
    return major > 0 ? Optional.of(new Runtime(home, major)) : Optional.empty();
  }

  /** The major version in the text of a Java home's {@code release} file, or -1. */
  static int majorFromRelease(String releaseText) {
    Matcher m = JAVA_VERSION.matcher(releaseText);
    return m.find() ? majorOf(m.group(1)) : -1;
  }

  /** {@code "17.0.15"} is 17, {@code "1.8.0_392"} is 8, {@code "25"} is 25; -1 when not a version. */
  static int majorOf(String version) {
    String[] parts = version.strip().split("[._+-]");
    try {
      int first = Integer.parseInt(parts[0]);
      return first == 1 && parts.length > 1 ? Integer.parseInt(parts[1]) : first;
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static Path realPath(Path p) {
    try {
      return p.toRealPath();
    } catch (IOException e) {
      return p.toAbsolutePath().normalize();
    }
  }
}
