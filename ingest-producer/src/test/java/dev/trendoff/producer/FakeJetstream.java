package dev.trendoff.producer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;

import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in for Bluesky on 127.0.0.1: a Jetstream ({@code /subscribe?wantedCollections=...&cursor=T},
 * JSON text messages over WebSocket, replaying from the cursor: every event whose {@code time_us} is
 * at or after it) and an AppView answering {@code app.bsky.actor.getProfiles} for the DIDs it knows
 * ({@code handle.invalid} for one whose handle does not verify; nothing for one it does not know).
 * The first connection may be closed after some events (a disconnect); a later one may start after a
 * pause.
 */
final class FakeJetstream implements AutoCloseable {

  private static final Pattern TIME = Pattern.compile("\"time_us\":(\\d+)");

  private final List<String> events;
  private final int closeFirstAfter;
  private final long laterConnectionPauseMillis;
  private final Server ws;
  private final HttpServer appView;
  private final AtomicInteger connections = new AtomicInteger();
  final List<String> requests = new CopyOnWriteArrayList<>();
  final List<String> resolverRequests = new CopyOnWriteArrayList<>();
  private volatile boolean closed;

  /**
   * @param events the firehose, in time order (a message without time_us is sent as it comes)
   * @param closeFirstAfter close the first connection after this many events (0: never)
   * @param profiles DID to handle (or "handle.invalid") the AppView answers
   */
  FakeJetstream(List<String> events, int closeFirstAfter, long laterConnectionPauseMillis, Map<String, String> profiles)
      throws IOException, InterruptedException {
    this.events = events;
    this.closeFirstAfter = closeFirstAfter;
    this.laterConnectionPauseMillis = laterConnectionPauseMillis;
    this.ws = new Server();
    ws.setReuseAddr(true);
    ws.start();
    if (!ws.started.await(10, TimeUnit.SECONDS)) {
      throw new IOException("the fake Jetstream did not start");
    }
    appView = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    appView.createContext("/xrpc/app.bsky.actor.getProfiles", ex -> {
      String query = URLDecoder.decode(ex.getRequestURI().getRawQuery(), StandardCharsets.UTF_8);
      resolverRequests.add(query);
      StringBuilder body = new StringBuilder("{\"profiles\":[");
      String sep = "";
      for (String pair : query.split("&")) {
        String did = pair.substring(pair.indexOf('=') + 1);
        String handle = profiles.get(did);
        if (handle != null) {
          body.append(sep).append("{\"did\":\"").append(did).append("\",\"handle\":\"").append(handle)
              .append("\",\"displayName\":\"").append(handle.split("\\.")[0].toUpperCase()).append("\"}");
          sep = ",";
        }
      }
      byte[] b = body.append("]}").toString().getBytes(StandardCharsets.UTF_8);
      ex.getResponseHeaders().add("Content-Type", "application/json");
      ex.sendResponseHeaders(200, b.length);
      try (OutputStream out = ex.getResponseBody()) {
        out.write(b);
      }
    });
    appView.start();
  }

  String jetstreamUrl() {
    return "ws://127.0.0.1:" + ws.getPort() + "/subscribe";
  }

  String appViewUrl() {
    return "http://127.0.0.1:" + appView.getAddress().getPort();
  }

  int connections() {
    return connections.get();
  }

  static long timeOf(String event) {
    Matcher m = TIME.matcher(event);
    return m.find() ? Long.parseLong(m.group(1)) : -1;
  }

  private final class Server extends WebSocketServer {
    final CountDownLatch started = new CountDownLatch(1);

    Server() {
      super(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    }

    @Override
    public void onOpen(WebSocket conn, ClientHandshake handshake) {
      String request = handshake.getResourceDescriptor();
      requests.add(request);
      int n = connections.getAndIncrement();
      Matcher m = Pattern.compile("[?&]cursor=(\\d+)").matcher(request);
      long cursor = m.find() ? Long.parseLong(m.group(1)) : 0;
      Thread t = new Thread(() -> {
        try {
          if (n > 0) {
            Thread.sleep(laterConnectionPauseMillis);
          }
          int sent = 0;
          for (String e : new ArrayList<>(events)) {
            long time = timeOf(e);
            if (time >= 0 && time < cursor) {
              continue;
            }
            if (closed || !conn.isOpen()) {
              return;
            }
            conn.send(e);
            sent++;
            Thread.sleep(5);
            if (n == 0 && closeFirstAfter > 0 && sent == closeFirstAfter) {
              conn.close(1001, "going away");
              return;
            }
          }
        } catch (InterruptedException | RuntimeException e) {
          // the connection is gone
        }
      }, "fake-jetstream-" + n);
      t.setDaemon(true);
      t.start();
    }

    @Override
    public void onClose(WebSocket conn, int code, String reason, boolean remote) {
    }

    @Override
    public void onMessage(WebSocket conn, String message) {
    }

    @Override
    public void onError(WebSocket conn, Exception ex) {
    }

    @Override
    public void onStart() {
      started.countDown();
    }
  }

  @Override
  public void close() throws Exception {
    closed = true;
    ws.stop(1000);
    appView.stop(0);
  }

  /** A Jetstream commit event creating a post. */
  static String post(String did, long timeUs, String rkey, String text) {
    return "{\"did\":\"" + did + "\",\"time_us\":" + timeUs + ",\"kind\":\"commit\",\"commit\":{\"rev\":\"" + rkey
        + "\",\"operation\":\"create\",\"collection\":\"app.bsky.feed.post\",\"rkey\":\"" + rkey + "\",\"record\":{\"$type\":"
        + "\"app.bsky.feed.post\",\"createdAt\":\"2026-12-01T09:00:00.000Z\",\"langs\":[\"en\"],\"text\":\"" + text
        + "\"},\"cid\":\"bafyreidwaivazkwu67xztlmuobx35hs2lnfh3kolmgfmucldvhd3sgzcqi\"}}";
  }

  static String identity(String did, long timeUs, String handle) {
    return "{\"did\":\"" + did + "\",\"time_us\":" + timeUs + ",\"kind\":\"identity\",\"identity\":{\"did\":\"" + did
        + "\",\"handle\":\"" + handle + "\",\"seq\":1409752997,\"time\":\"2026-12-01T09:00:00.000Z\"}}";
  }

  static String account(String did, long timeUs) {
    return "{\"did\":\"" + did + "\",\"time_us\":" + timeUs + ",\"kind\":\"account\",\"account\":{\"active\":true,\"did\":\""
        + did + "\",\"seq\":1409753013,\"time\":\"2026-12-01T09:00:00.000Z\"}}";
  }

  static String delete(String did, long timeUs, String rkey) {
    return "{\"did\":\"" + did + "\",\"time_us\":" + timeUs + ",\"kind\":\"commit\",\"commit\":{\"rev\":\"x" + rkey
        + "\",\"operation\":\"delete\",\"collection\":\"app.bsky.feed.post\",\"rkey\":\"" + rkey + "\"}}";
  }
}
