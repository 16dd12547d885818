package dev.trendoff.localstack.junit;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.typesafe.config.Config;
import dev.trendoff.core.TrendoffConfig;
import dev.trendoff.core.UserError;
import dev.trendoff.localstack.Dirs;
import dev.trendoff.localstack.LocalStack;
import dev.trendoff.localstack.Ports;
import dev.trendoff.localstack.StackSettings;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts ONE real local stack (Kafka 4.1 KRaft + Cassandra 5.0, child JVMs) per test JVM, on free
 * ports of 127.0.0.1 with a temporary data directory, creates the default topics and applies the
 * schema; every test class that uses the extension shares it, and it is stopped (no process left)
 * when the test run ends. With the system property {@value SharedTestStack#DIR_PROPERTY} (set by
 * the parent pom for failsafe) every test JVM of one build shares one stack instead
 * ({@link SharedTestStack}); a module whose tests must have a stack to themselves sets
 * {@value SharedTestStack#OWN_PROPERTY} true in its failsafe configuration, and one whose tests need a
 * secured stack (authentication and TLS, {@code trendoff.stack.secure}) sets {@value
 * SharedTestStack#SECURE_PROPERTY} true: it gets one of its own, and {@link TestStack#config()} holds the
 * credentials and truststores. Tests get a {@link TestStack} by parameter resolution, in a constructor,
 * a {@code @BeforeAll}/{@code @BeforeEach} method or a test method:
 *
 * <pre>{@code
 * @ExtendWith(LocalStackExtension.class)
 * class SpeedLayerIT {
 *   @Test
 *   void countsEachTweetOnce(TestStack stack) {
 *     Settings settings = stack.settings();                  // kafka + cassandra point at the stack
 *     try (CqlSession session = CassandraSessions.open(settings.cassandra())) { ... }
 *     // own topic and keyspace, created on demand:
 *     Settings mine = stack.settingsWith(Map.of("kafka.topic", stack.freshName("tweets"),
 *         "kafka.dlq-topic", stack.freshName("dlq"), "cassandra.keyspace", stack.freshName("ks")));
 *   }
 * }
 * }</pre>
 *
 * Start-up takes 10-40 s on two busy cores (Cassandra dominates; a class archive under
 * {@code java.io.tmpdir/trendoff-cds} shortens later runs). The start timeout is
 * {@code trendoff.stack.start-timeout}. Server logs are in {@code dir()/log}, shown on failure.
 */
public final class LocalStackExtension implements BeforeAllCallback, ParameterResolver {

  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(LocalStackExtension.class);
  private static final int ATTEMPTS = 2;
  private static final java.time.Duration MIN_START_TIMEOUT = java.time.Duration.ofMinutes(5);

  @Override
  public void beforeAll(ExtensionContext context) {
    stack(context);
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == TestStack.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    try {
      return stack(context);
    } catch (RuntimeException e) {
      throw new ParameterResolutionException("the local stack did not start: " + e.getMessage(), e);
    }
  }

  /**
   * {@code base} for a stack of its own: data under {@code dir}, four free ports, the clients pointing
   * at them, Cassandra's class archive shared by every test stack of this machine.
   */
  public static Config onFreePorts(Config base, Path dir) {
    return onPorts(base, dir, Ports.free(4));
  }

  /** {@code base} for a stack with data under {@code dir} on {@code ports} (Kafka, its controller, CQL, storage). */
  static Config onPorts(Config base, Path dir, List<Integer> ports) {
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("stack.dir", dir.toString());
    o.put("stack.kafka-port", ports.get(0));
    o.put("stack.kafka-controller-port", ports.get(1));
    o.put("stack.cassandra-port", ports.get(2));
    o.put("stack.cassandra-storage-port", ports.get(3));
    o.put("stack.class-archive-dir", Path.of(System.getProperty("java.io.tmpdir"), "trendoff-cds").toString());
    o.put("kafka.bootstrap-servers", StackSettings.HOST + ":" + ports.get(0));
    o.put("cassandra.contact-points", List.of(StackSettings.HOST + ":" + ports.get(2)));
    return TrendoffConfig.withOverrides(base, o);
  }

  /** The stack of this test JVM, started on first use. */
  public static TestStack stack(ExtensionContext context) {
    return context.getRoot().getStore(NAMESPACE)
        .getOrComputeIfAbsent(Running.class, k -> Running.start(), Running.class).testStack;
  }

  /** The stack in the root store: closed (stopped, its directory deleted) when the test run ends. */
  static final class Running implements ExtensionContext.Store.CloseableResource {
    final LocalStack stack;
    final TestStack testStack;
    final Path dir;
    final Thread hook;

    /** @param dir the stack's own directory, deleted at the end; null for the build's shared stack, which outlives this JVM */
    private Running(LocalStack stack, Path dir) {
      this.stack = stack;
      this.testStack = new TestStack(stack);
      this.dir = dir;
      this.hook = dir == null ? null
          : new Thread(() -> stack.down(new PrintStream(PrintStream.nullOutputStream())), "local-stack-stop");
      if (hook != null) {
        Runtime.getRuntime().addShutdownHook(hook);
      }
    }

    static Running start() {
      Optional<Path> shared = SharedTestStack.dir();
      if (shared.isPresent()) {
        return new Running(SharedTestStack.acquire(shared.get(), baseConfig(), System.err), null);
      }
      RuntimeException last = null;
      for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
        Path dir;
        try {
          dir = Files.createTempDirectory("trendoff-stack-");
        } catch (IOException e) {
          throw new UserError("cannot create a temporary directory for the test stack: " + e.getMessage(), e);
        }
        LocalStack stack = new LocalStack(config(dir));
        try {
          stack.up(false, System.err);
          return new Running(stack, dir);
        } catch (RuntimeException e) {
          // most likely a port taken between choosing and binding it: once more, on other ports
          last = e;
          stack.down(new PrintStream(PrintStream.nullOutputStream()));
          Dirs.deleteTree(dir);
        }
      }
      throw last;
    }

    static Config config(Path dir) {
      Config c = onFreePorts(baseConfig(), dir);
      return Boolean.getBoolean(SharedTestStack.SECURE_PROPERTY) ? TrendoffConfig.withOverrides(c, Map.of("stack.secure", true)) : c;
    }

    /** The loaded configuration, with start timeouts long enough for two shared, busy cores. */
    static Config baseConfig() {
      Config loaded = TrendoffConfig.load();
      // a test JVM shares two cores with other builds: give the servers at least 5 minutes to answer
      if (loaded.getDuration("trendoff.stack.start-timeout").compareTo(MIN_START_TIMEOUT) < 0) {
        loaded = TrendoffConfig.withOverrides(loaded, Map.of("stack.start-timeout", MIN_START_TIMEOUT.toSeconds() + "s"));
      }
      return loaded;
    }

    @Override
    public void close() {
      if (dir == null) {
        return; // the build's shared stack: its watchdog stops it when the build ends
      }
      try {
        stack.down(System.err);
      } finally {
        try {
          Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
          // already shutting down: the hook runs anyway
        }
        Dirs.deleteTree(dir);
      }
    }
  }
}
