package dev.trendoff.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerProcessTest {

  @TempDir Path dir;

  private ServerProcess process(String name) {
    return new ServerProcess(name, ServerProcess.marker(name, dir), dir.resolve(name + ".pid"), dir.resolve("log/" + name + ".log"));
  }

  /** A shell that carries the marker as $0, logs a line and stops on SIGTERM. */
  private static List<String> fakeServer(ServerProcess p) {
    return List.of("/bin/sh", "-c", "echo serving; trap 'echo bye; exit 0' TERM; while true; do sleep 0.1; done", p.marker());
  }

  @Test
  void startsFindsByPidFileAndStopsGracefully() throws Exception {
    ServerProcess p = process("fake");
    ProcessHandle h = p.start(fakeServer(p), dir, Lifetime.thisJvm());
    try {
      assertThat(p.running()).map(ProcessHandle::pid).contains(h.pid());
      assertThat(Files.readString(dir.resolve("fake.pid")).strip()).isEqualTo(Long.toString(h.pid()));
      // another ServerProcess object (as in another JVM) finds it through the pid file
      assertThat(process("fake").running()).isPresent();
      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (!p.tail(10).contains("serving") && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      assertThat(p.stop(Duration.ofSeconds(10))).isTrue();
      assertThat(h.isAlive()).isFalse();
      assertThat(dir.resolve("fake.pid")).doesNotExist();
      assertThat(p.running()).isEmpty();
      assertThat(p.tail(10)).contains("serving", "bye");
    } finally {
      h.destroyForcibly();
    }
  }

  @Test
  void aServerThatIgnoresSigtermIsKilledAfterTheGracePeriod() throws Exception {
    ServerProcess p = process("stubborn");
    ProcessHandle h = p.start(List.of("/bin/sh", "-c", "trap '' TERM; while true; do sleep 0.1; done", p.marker()), dir, Lifetime.thisJvm());
    try {
      Thread.sleep(300);
      assertThat(p.stop(Duration.ofMillis(500))).isFalse();
      assertThat(h.isAlive()).isFalse();
    } finally {
      h.destroyForcibly();
    }
  }

  @Test
  void aServerOfAJvmKilledWithSigkillIsStoppedByTheWatchdog() throws Exception {
    // a child JVM starts a (non-detached) fake server through ServerProcess, then dies by SIGKILL
    Path pidFile = dir.resolve("orphan.pid");
    String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process jvm = new ProcessBuilder(javaBin, "-cp", System.getProperty("java.class.path"), OrphanMaker.class.getName(),
        dir.toString()).inheritIO().start();
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (!Files.isRegularFile(pidFile) && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    Thread.sleep(500);
    long serverPid = Long.parseLong(Files.readString(pidFile).strip());
    ProcessHandle server = ProcessHandle.of(serverPid).orElseThrow();
    try {
      assertThat(server.isAlive()).isTrue();
      jvm.destroyForcibly().waitFor();
      // the watchdog polls every 2 s, then sends SIGTERM
      server.onExit().get(20, java.util.concurrent.TimeUnit.SECONDS);
      assertThat(server.isAlive()).isFalse();
    } finally {
      server.destroyForcibly();
    }
  }

  @Test
  void aServerLivingWhileAnotherProcessIsStoppedWhenThatProcessEnds() throws Exception {
    Process owner = new ProcessBuilder("/bin/sh", "-c", "sleep 120").start();
    ServerProcess p = process("owned");
    ProcessHandle server = p.start(List.of("/bin/sh", "-c", "trap 'exit 0' TERM; while true; do sleep 0.1; done", p.marker()),
        dir, Lifetime.whileAlive(owner.pid()));
    try {
      Thread.sleep(2500);
      assertThat(server.isAlive()).as("alive while its owner is").isTrue();
      owner.destroyForcibly().waitFor();
      server.onExit().get(20, java.util.concurrent.TimeUnit.SECONDS);
      assertThat(server.isAlive()).isFalse();
    } finally {
      server.destroyForcibly();
      owner.destroyForcibly();
    }
  }

  /** Starts a fake server the way the test stack does (not detached) and waits to be killed. */
  public static final class OrphanMaker {
    public static void main(String[] args) throws Exception {
      Path d = Path.of(args[0]);
      ServerProcess p = new ServerProcess("orphan", ServerProcess.marker("orphan", d), d.resolve("orphan.pid"),
          d.resolve("log/orphan.log"));
      p.start(List.of("/bin/sh", "-c", "trap 'exit 0' TERM; while true; do sleep 0.1; done", p.marker()), d, Lifetime.thisJvm());
      Thread.sleep(120_000);
    }
  }

  @Test
  void aPidFileNamingSomeOtherProcessIsNotOurs() throws Exception {
    ServerProcess p = process("kafka");
    Files.writeString(dir.resolve("kafka.pid"), ProcessHandle.current().pid() + "\n");
    assertThat(p.running()).isEmpty();
    Files.writeString(dir.resolve("kafka.pid"), "not a pid\n");
    assertThat(p.running()).isEmpty();
  }

  @Test
  void tailReadsOnlyTheLastRun() throws Exception {
    Path log = Files.createDirectories(dir.resolve("log")).resolve("x.log");
    StringBuilder text = new StringBuilder(ServerProcess.START_MARK + "x first ====\nold 1\nold 2\n");
    text.append(ServerProcess.START_MARK).append("x second ====\n");
    for (int i = 1; i <= 20; i++) {
      text.append("line ").append(i).append('\n');
    }
    Files.writeString(log, text);
    List<String> tail = ServerProcess.tail(log, 15);
    assertThat(tail).hasSize(15).endsWith("line 20").doesNotContain("old 1", "old 2");
    Files.writeString(log, ServerProcess.START_MARK + "x third ====\ncrash\n");
    assertThat(ServerProcess.tail(log, 15)).containsExactly(ServerProcess.START_MARK + "x third ====", "crash");
    assertThat(ServerProcess.tail(dir.resolve("none.log"), 15)).isEmpty();
  }
}
