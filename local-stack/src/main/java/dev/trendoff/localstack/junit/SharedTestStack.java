package dev.trendoff.localstack.junit;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

import com.typesafe.config.Config;

import dev.trendoff.localstack.Dirs;
import dev.trendoff.localstack.Lifetime;
import dev.trendoff.localstack.LocalStack;
import dev.trendoff.localstack.Ports;

/**
 * One stack for a whole build: every test JVM of one {@code mvn verify} (one per module) uses the
 * same Kafka and Cassandra instead of starting its own, which saves a start and a stop per module.
 * The first test JVM starts it under {@code dir} on free ports and writes the ports beside it; later
 * ones find it there and only check it answers. The servers live as long as the build's Maven
 * process ({@link Lifetime#whileAlive}): a watchdog stops them when Maven exits, also after a
 * failure or a kill. A stack left by an earlier build (another owner) is stopped and its data
 * removed first, so every build starts empty. Test JVMs take turns through a file lock.
 *
 * <p>Modules stay apart by using their own topics and keyspaces ({@link TestStack#freshName}).
 */
final class SharedTestStack {

  /** The system property (set for failsafe in the parent pom) that names the directory; unset: one stack per JVM. */
  static final String DIR_PROPERTY = "test-stack.shared-dir";
  /** Set true by a module whose tests need a stack of their own (they restart it, or add nodes to it). */
  static final String OWN_PROPERTY = "test-stack.own";
  /** Set true by a module whose tests need a secured stack (authentication and TLS): always one of its own. */
  static final String SECURE_PROPERTY = "test-stack.secure";

  private static final String OWNER = "owner";
  private static final String PORTS = "ports";

  private SharedTestStack() {}

  /** The shared stack's directory, when this JVM is to use one. */
  static Optional<Path> dir() {
    String d = System.getProperty(DIR_PROPERTY, "").strip();
    return d.isEmpty() || Boolean.getBoolean(OWN_PROPERTY) || Boolean.getBoolean(SECURE_PROPERTY) ? Optional.empty()
        : Optional.of(Path.of(d).toAbsolutePath());
  }

  /** The build's stack, started if this is the build's first test JVM to ask; {@code base} is the loaded configuration. */
  static LocalStack acquire(Path dir, Config base, PrintStream out) {
    try {
      Files.createDirectories(dir);
      try (FileChannel ch = FileChannel.open(dir.resolve("lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
          FileLock ignored = ch.lock()) {
        long owner = buildPid();
        Path file = dir.resolve("stack.properties");
        Properties p = read(file);
        if (p != null && Long.parseLong(p.getProperty(OWNER)) != owner) {
          out.println("shared test stack: stopping the stack of an earlier build (Maven pid " + p.getProperty(OWNER) + ")");
          new LocalStack(config(base, dir, ports(p))).down(out);
          Dirs.deleteTree(data(dir));
          p = null;
        }
        if (p == null) {
          p = new Properties();
          p.setProperty(OWNER, Long.toString(owner));
          p.setProperty(PORTS, String.join(",", Ports.free(4).stream().map(String::valueOf).toList()));
          write(file, p);
        }
        LocalStack stack = new LocalStack(config(base, dir, ports(p)));
        stack.up(Lifetime.whileAlive(owner), out);
        return stack;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot use the shared test stack under " + dir + ": " + e.getMessage(), e);
    }
  }

  /**
   * The Maven process running this build: the nearest ancestor whose command line names Maven's
   * launcher (plexus-classworlds); the parent when there is none (a test JVM started otherwise).
   */
  static long buildPid() {
    Optional<ProcessHandle> h = ProcessHandle.current().parent();
    long parent = h.map(ProcessHandle::pid).orElse(ProcessHandle.current().pid());
    while (h.isPresent()) {
      if (h.get().info().commandLine().map(c -> c.contains("plexus-classworlds")).orElse(false)) {
        return h.get().pid();
      }
      h = h.get().parent();
    }
    return parent;
  }

  private static Config config(Config base, Path dir, List<Integer> ports) {
    return LocalStackExtension.onPorts(base, data(dir), ports);
  }

  private static Path data(Path dir) {
    return dir.resolve("data");
  }

  private static List<Integer> ports(Properties p) {
    List<Integer> out = new ArrayList<>();
    for (String s : p.getProperty(PORTS).split(",")) {
      out.add(Integer.parseInt(s.strip()));
    }
    return out;
  }

  private static Properties read(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      return null;
    }
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      p.load(r);
    }
    return p.getProperty(OWNER) == null || p.getProperty(PORTS) == null ? null : p;
  }

  private static void write(Path file, Properties p) throws IOException {
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      p.store(w, "the shared test stack of one build (local-stack/src/main/java/dev/trendoff/localstack/junit/SharedTestStack.java)");
    }
  }
}
