package dev.trendoff.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.trendoff.core.UserError;

/**
 * Debian's headless Chromium as a child process with its remote-debugging port open on 127.0.0.1 (the
 * Chrome DevTools Protocol, driven by {@link DevTools}), in a profile directory of its own. Closing it
 * kills the browser and every process it started, and removes the directory.
 */
final class Chromium implements AutoCloseable {

  static final Path DEFAULT = Path.of("/usr/bin/chromium");

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Process process;
  private final Path dir;
  private final Path log;
  private int port;
  /** Kills the browser when the JVM exits another way than through close (Ctrl-C, SIGTERM, System.exit). */
  private final Thread onExit;

  private Chromium(Process process, Path dir, Path log) {
    this.process = process;
    this.dir = dir;
    this.log = log;
    this.onExit = new Thread(() -> {
      kill(process);
      delete(dir);
    }, "chromium-kill");
    Runtime.getRuntime().addShutdownHook(onExit);
  }

  /**
   * Starts {@code binary} on about:blank and waits (up to {@code timeout}) for its DevTools port. A binary
   * that is not there is a {@link UserError} saying what to install.
   */
  static Chromium start(Path binary, Duration timeout) throws IOException, InterruptedException {
    if (!Files.isExecutable(binary)) {
      throw new UserError("no Chromium at " + binary + ": apt-get install chromium (or name another with --chromium)");
    }
    Path dir = Files.createTempDirectory("trendoff-bench-chromium-");
    Path profile = dir.resolve("profile");
    Path log = dir.resolve("chromium.log");
    List<String> cmd = new ArrayList<>(List.of(binary.toString(), "--headless=new", "--remote-debugging-port=0",
        "--remote-debugging-address=127.0.0.1", "--user-data-dir=" + profile, "--no-sandbox", "--disable-gpu",
        "--no-first-run", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--disable-crash-reporter", "--disable-breakpad",
        // the page must not be slowed down for being in the background: headless, it always is
        "--disable-background-timer-throttling", "--disable-renderer-backgrounding",
        "--disable-backgrounding-occluded-windows", "--window-size=1280,1100", "about:blank"));
    Process p;
    try {
      p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    } catch (IOException e) {
      delete(dir);
      throw new UserError("cannot start Chromium (" + binary + "): " + e.getMessage(), e);
    }
    Chromium c = new Chromium(p, dir, log);
    try {
      c.port = c.awaitPort(binary, profile.resolve("DevToolsActivePort"), timeout);
      return c;
    } catch (InterruptedException | RuntimeException | IOException e) {
      c.close();
      throw e;
    }
  }

  private int awaitPort(Path binary, Path portFile, Duration timeout) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      if (Files.isRegularFile(portFile)) {
        Integer port = port(Files.readString(portFile, StandardCharsets.UTF_8));
        if (port != null) {
          return port;
        }
      }
      if (!process.isAlive() || System.nanoTime() > deadline) {
        throw new IllegalStateException("Chromium (" + binary + ") did not open its DevTools port within "
            + timeout.toSeconds() + " s" + (process.isAlive() ? "" : " (it exited with " + process.exitValue() + ")")
            + ":\n" + tail(log, 20));
      }
      Thread.sleep(50);
    }
  }

  /**
   * The port of a DevToolsActivePort file (Chromium writes it into the profile once it listens): the port
   * on the first line, the browser's WebSocket path on the second. Null while the file is not complete.
   */
  static Integer port(String devToolsActivePort) {
    String[] lines = devToolsActivePort.split("\n");
    if (lines.length < 2 || lines[1].isBlank()) {
      return null;
    }
    try {
      int port = Integer.parseInt(lines[0].trim());
      return port > 0 && port <= 65535 ? port : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  int port() {
    return port;
  }

  /** The DevTools WebSocket of the browser's first page (a tab, not its own UI), from {@code /json/list}. */
  URI pageWebSocket() throws IOException, InterruptedException {
    HttpClient http = HttpClient.newHttpClient();
    String body = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json/list"))
        .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString()).body();
    return pageWebSocket(body);
  }

  /** The {@code webSocketDebuggerUrl} of the first target of type {@code page} in a {@code /json/list} answer. */
  static URI pageWebSocket(String jsonList) throws IOException {
    for (JsonNode target : JSON.readTree(jsonList)) {
      if ("page".equals(target.path("type").asText()) && target.hasNonNull("webSocketDebuggerUrl")) {
        return URI.create(target.get("webSocketDebuggerUrl").asText());
      }
    }
    throw new IllegalStateException("Chromium lists no page target: " + jsonList);
  }

  /** The last lines Chromium wrote (stdout and stderr). */
  String logTail(int n) {
    return tail(log, n);
  }

  @Override
  public void close() {
    kill(process);
    delete(dir);
    try {
      Runtime.getRuntime().removeShutdownHook(onExit);
    } catch (IllegalStateException shuttingDown) {
      // the hook runs anyway, and finds nothing left to do
    }
  }

  /** The browser and every process under it (renderers, zygote, utilities), forcibly. */
  private static void kill(Process p) {
    if (p == null) {
      return;
    }
    List<ProcessHandle> all = new ArrayList<>(p.descendants().toList());
    p.destroyForcibly();
    all.forEach(ProcessHandle::destroyForcibly);
    try {
      p.waitFor(10, TimeUnit.SECONDS);
      for (ProcessHandle h : all) {
        h.onExit().get(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      // a process that does not exit after SIGKILL: nothing more to do
    }
  }

  private static void delete(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    } catch (IOException | UncheckedIOException e) {
      // Chromium still writing as it died: what is left is in the system's temporary directory
    }
  }

  private static String tail(Path log, int n) {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - n), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }
}
