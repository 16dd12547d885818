package dev.trendoff.producer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in for Twitter's v1.1 filter stream on 127.0.0.1: connection N gets the lines of
 * {@code connections.get(N)} ({@code \r\n}-ended, flushed one by one), and the last connection then
 * stays open with a keep-alive blank line every 200 ms, as Twitter does, until {@link #close()}.
 */
final class FakeTwitterStream implements AutoCloseable {

  private final HttpServer server;
  private final List<List<String>> connections;
  private final AtomicInteger served = new AtomicInteger();
  final List<String> requestBodies = new CopyOnWriteArrayList<>();
  final List<String> authorizations = new CopyOnWriteArrayList<>();
  private volatile boolean closed;

  FakeTwitterStream(List<List<String>> connections) throws IOException {
    this.connections = connections;
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/1.1/statuses/filter.json", this::serve);
    server.setExecutor(Executors.newCachedThreadPool());
    server.start();
  }

  /** The stream base URL to give Twitter4J. */
  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/1.1/";
  }

  int connectionsServed() {
    return served.get();
  }

  private void serve(HttpExchange ex) throws IOException {
    int n = served.getAndIncrement();
    requestBodies.add(URLDecoder.decode(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8),
        StandardCharsets.UTF_8));
    authorizations.add(String.valueOf(ex.getRequestHeaders().getFirst("Authorization")));
    if (!"POST".equals(ex.getRequestMethod())) {
      ex.sendResponseHeaders(405, -1);
      ex.close();
      return;
    }
    ex.getResponseHeaders().add("Content-Type", "application/json");
    ex.sendResponseHeaders(200, 0);
    try (OutputStream out = ex.getResponseBody()) {
      List<String> lines = connections.get(Math.min(n, connections.size() - 1));
      for (String line : lines) {
        out.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
      }
      if (n >= connections.size() - 1) {
        while (!closed) {
          out.write("\r\n".getBytes(StandardCharsets.UTF_8));
          out.flush();
          Thread.sleep(200);
        }
      }
    } catch (IOException | InterruptedException e) {
      // the client went away
    }
  }

  @Override
  public void close() {
    closed = true;
    server.stop(0);
  }
}
