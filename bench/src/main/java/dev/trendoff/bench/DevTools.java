package dev.trendoff.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A Chrome DevTools Protocol session with one page, over the JDK's own WebSocket client: commands are
 * JSON objects {@code {"id","method","params"}}, each answered by an object with the same id and a
 * {@code result} or an {@code error}; objects without an id are events, which this client ignores.
 */
final class DevTools implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final WebSocket socket;
  private final Map<Integer, CompletableFuture<JsonNode>> waiting = new ConcurrentHashMap<>();
  private final AtomicInteger ids = new AtomicInteger();

  private DevTools(WebSocket socket) {
    this.socket = socket;
  }

  static DevTools connect(URI webSocket) throws InterruptedException, ExecutionException, TimeoutException {
    Listener listener = new Listener();
    WebSocket ws = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10))
        .buildAsync(webSocket, listener).get(20, TimeUnit.SECONDS);
    DevTools d = new DevTools(ws);
    listener.owner = d;
    return d;
  }

  /** Sends a command and waits for its result; a CDP error is an {@link IllegalStateException}. */
  JsonNode call(String method, Map<String, Object> params, Duration timeout)
      throws InterruptedException, ExecutionException, TimeoutException {
    int id = ids.incrementAndGet();
    ObjectNode message = JSON.createObjectNode();
    message.put("id", id);
    message.put("method", method);
    message.set("params", JSON.valueToTree(params));
    CompletableFuture<JsonNode> answer = new CompletableFuture<>();
    waiting.put(id, answer);
    try {
      socket.sendText(message.toString(), true).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      JsonNode a = answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      if (a.has("error")) {
        throw new IllegalStateException(method + ": " + a.get("error"));
      }
      return a.path("result");
    } finally {
      waiting.remove(id);
    }
  }

  /**
   * The value of a JavaScript expression in the page (a promise is awaited); an exception thrown by it
   * is an {@link IllegalStateException} with its description.
   */
  JsonNode evaluate(String expression) throws InterruptedException, ExecutionException, TimeoutException {
    JsonNode r = call("Runtime.evaluate", Map.of("expression", expression, "returnByValue", true, "awaitPromise", true),
        Duration.ofSeconds(30));
    if (r.has("exceptionDetails")) {
      JsonNode d = r.get("exceptionDetails");
      throw new IllegalStateException("the page threw: " + d.path("exception").path("description").asText(d.toString()));
    }
    return r.path("result").path("value");
  }

  void navigate(URI page) throws InterruptedException, ExecutionException, TimeoutException {
    JsonNode r = call("Page.navigate", Map.of("url", page.toString()), Duration.ofSeconds(30));
    if (r.hasNonNull("errorText")) {
      throw new IllegalStateException("cannot open " + page + ": " + r.get("errorText").asText());
    }
  }

  private void answer(String text) {
    try {
      JsonNode m = JSON.readTree(text);
      if (m.has("id")) {
        CompletableFuture<JsonNode> f = waiting.get(m.get("id").asInt());
        if (f != null) {
          f.complete(m);
        }
      }
    } catch (IOException e) {
      // not JSON: Chromium never sends such a frame; nothing waits for it
    }
  }

  private void closed(Throwable why) {
    waiting.values().forEach(f -> f.completeExceptionally(
        why != null ? why : new IllegalStateException("the DevTools connection was closed")));
  }

  @Override
  public void close() {
    socket.abort();
  }

  /** Puts a message's fragments together and hands each whole message to its session. */
  private static final class Listener implements WebSocket.Listener {
    volatile DevTools owner;
    private final StringBuilder text = new StringBuilder();

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
      text.append(data);
      if (last) {
        String whole = text.toString();
        text.setLength(0);
        if (owner != null) {
          owner.answer(whole);
        }
      }
      ws.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket ws, int status, String reason) {
      if (owner != null) {
        owner.closed(null);
      }
      return null;
    }

    @Override
    public void onError(WebSocket ws, Throwable error) {
      if (owner != null) {
        owner.closed(error);
      }
    }
  }
}
