package dev.trendoff.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import com.datastax.oss.driver.api.core.CqlSession;
import com.typesafe.config.Config;

import dev.trendoff.core.UserError;

/**
 * One more Cassandra node beside a running stack, for a local multi-node cluster (the cluster test):
 * a child JVM like the stack's own node, configured by its own {@code trendoff.stack} section (its
 * {@code dir}, {@code cassandra-host} such as 127.0.0.2, {@code cassandra-seeds} naming the first
 * node, its own {@code cassandra-initial-token}; the same ports as the first node, on its own address).
 * Kafka is not started. Stopped by {@link #close()}.
 */
public final class CassandraExtraNode implements AutoCloseable {

  private final StackSettings s;
  private final CassandraNode node;
  private final ServerProcess process;
  private ProcessHandle handle;

  private CassandraExtraNode(StackSettings s) {
    this.s = s;
    this.node = new CassandraNode(s, null);
    this.process = node.process();
  }

  /** Starts the node of {@code config}'s {@code trendoff.stack} section and waits until it answers CQL. */
  public static CassandraExtraNode start(Config config) {
    CassandraExtraNode n = new CassandraExtraNode(StackSettings.from(config));
    n.start();
    return n;
  }

  private void start() {
    try {
      JavaRuntimes.Runtime jre = JavaRuntimes.forCassandra(s.cassandraJavaHome(), System.getenv(),
          Path.of(System.getProperty("java.home")), Path.of("/usr/lib/jvm"));
      java.nio.file.Files.createDirectories(s.dir().toAbsolutePath());
      node.writeConfig();
      handle = process.start(node.command(jre, RuntimeClasspath.cassandra()), s.dir(), Lifetime.thisJvm());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the Cassandra node " + s.cassandraContactPoint(), e);
    }
    long deadline = System.nanoTime() + s.startTimeout().toNanos();
    InetSocketAddress cql = new InetSocketAddress(s.cassandraHost(), s.cassandraPort());
    while (true) {
      if (!handle.isAlive()) {
        throw new UserError("the Cassandra node " + s.cassandraContactPoint() + " exited while starting; log "
            + process.logFile() + ":\n  | " + String.join("\n  | ", process.tail(LocalStack.TAIL_LINES)));
      }
      if (answers(cql) && cqlReady(cql)) {
        return;
      }
      if (System.nanoTime() > deadline) {
        close();
        throw new UserError("the Cassandra node " + s.cassandraContactPoint() + " did not answer within "
            + s.startTimeout().toSeconds() + " s; log " + process.logFile());
      }
      sleep(500);
    }
  }

  private static boolean answers(InetSocketAddress a) {
    try (Socket socket = new Socket()) {
      socket.connect(a, 500);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private boolean cqlReady(InetSocketAddress a) {
    try (CqlSession session = CqlSession.builder().addContactPoint(a).withLocalDatacenter("datacenter1").build()) {
      return session.execute("SELECT release_version FROM system.local").one() != null;
    } catch (RuntimeException e) {
      return false;
    }
  }

  /** host:port of the node's CQL endpoint. */
  public String contactPoint() {
    return s.cassandraContactPoint();
  }

  public long pid() {
    return handle.pid();
  }

  public boolean isAlive() {
    return handle != null && handle.isAlive();
  }

  /** The last lines of the node's log, for a failure message. */
  public List<String> logTail(int n) {
    return process.tail(n);
  }

  /** {@code kill -9}: the node disappears without a word to the others. */
  public void kill() {
    if (handle != null) {
      handle.destroyForcibly();
      ServerProcess.stop(handle, Duration.ofSeconds(30));
    }
    process.deletePidFile();
  }

  /** SIGTERM, then SIGKILL after the stack's stop timeout. */
  @Override
  public void close() {
    if (handle != null && handle.isAlive()) {
      ServerProcess.stop(handle, s.stopTimeout());
    }
    process.deletePidFile();
    node.promoteClassArchive();
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UserError("interrupted while starting a Cassandra node");
    }
  }
}
