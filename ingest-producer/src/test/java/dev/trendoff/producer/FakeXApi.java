package dev.trendoff.producer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in for the X API v2 filtered stream on 127.0.0.1, as X documents it: the rules endpoint
 * ({@code GET} lists, {@code POST {"add": [...]}} creates or answers DuplicateRule, {@code POST
 * {"delete": {"ids": [...]}}} removes) and the stream endpoint, whose N-th connection is scripted
 * ({@link Connection}): a status, then lines ({@code \r\n}-ended, a blank one being a keep-alive), then
 * the end: closed, silent (a stall), or keep-alives every 200 ms until the test closes it. A request
 * without the expected bearer token gets 401. {@code {OUR_RULE}} in a line becomes the id of the first
 * rule the client added.
 */
final class FakeXApi implements AutoCloseable {

  enum End { CLOSE, STALL, KEEP_ALIVE }

  record Connection(int status, Map<String, String> headers, List<String> lines, End end) {
    static Connection ok(End end, String... lines) {
      return new Connection(200, Map.of("Content-Type", "application/json"), List.of(lines), end);
    }
  }

  static final String OTHER_RULE_ID = "1500000000000000001";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer server;
  private final String token;
  private final List<Connection> connections;
  private final AtomicInteger served = new AtomicInteger();
  private final AtomicInteger nextRuleId = new AtomicInteger(1);
  private final Map<String, ObjectNode> rules = new LinkedHashMap<>();
  private volatile boolean closed;
  private volatile String ourRule = "none";
  final List<Long> streamConnectNanos = new CopyOnWriteArrayList<>();
  final List<String> streamQueries = new CopyOnWriteArrayList<>();
  final List<String> authorizations = new CopyOnWriteArrayList<>();
  /** Every rules request: "GET", or the POST body. */
  final List<String> ruleRequests = new CopyOnWriteArrayList<>();

  FakeXApi(String token, List<Connection> connections) throws IOException {
    this.token = token;
    this.connections = connections;
    ObjectNode other = JSON.createObjectNode().put("id", OTHER_RULE_ID).put("value", "cats has:images").put("tag", "someone else");
    rules.put(OTHER_RULE_ID, other);
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/2/tweets/search/stream/rules", this::rules);
    server.createContext("/2/tweets/search/stream", this::stream);
    server.setExecutor(Executors.newCachedThreadPool());
    server.start();
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/2/";
  }

  synchronized List<String> ruleValues() {
    return rules.values().stream().map(r -> r.get("value").asText()).toList();
  }

  private boolean authorized(HttpExchange ex) throws IOException {
    String auth = ex.getRequestHeaders().getFirst("Authorization");
    authorizations.add(String.valueOf(auth));
    if (("Bearer " + token).equals(auth)) {
      return true;
    }
    send(ex, 401, "{\"title\":\"Unauthorized\",\"type\":\"about:blank\",\"status\":401,\"detail\":\"Unauthorized\"}");
    return false;
  }

  private synchronized void rules(HttpExchange ex) throws IOException {
    if (!authorized(ex)) {
      return;
    }
    String sent = "\"2026-12-01T10:00:00.000Z\"";
    if ("GET".equals(ex.getRequestMethod())) {
      ruleRequests.add("GET");
      ObjectNode answer = JSON.createObjectNode();
      if (!rules.isEmpty()) {
        ArrayNode data = answer.putArray("data");
        rules.values().forEach(data::add);
      }
      answer.putObject("meta").put("sent", sent).put("result_count", rules.size());
      send(ex, 200, answer.toString());
      return;
    }
    String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    ruleRequests.add(body);
    JsonNode req = JSON.readTree(body);
    ObjectNode answer = JSON.createObjectNode();
    if (req.has("add")) {
      ArrayNode data = JSON.createArrayNode();
      ArrayNode errors = JSON.createArrayNode();
      for (JsonNode add : req.get("add")) {
        String value = add.path("value").asText();
        ObjectNode existing = rules.values().stream().filter(r -> r.get("value").asText().equals(value)).findFirst().orElse(null);
        if (existing != null) {
          errors.addObject().put("value", value).put("id", existing.get("id").asText()).put("title", "DuplicateRule")
              .put("type", "https://api.twitter.com/2/problems/duplicate-rules");
          continue;
        }
        String id = String.valueOf(1700000000000000000L + nextRuleId.getAndIncrement());
        ObjectNode rule = JSON.createObjectNode().put("value", value).put("tag", add.path("tag").asText()).put("id", id);
        rules.put(id, rule);
        data.add(rule);
        if ("none".equals(ourRule)) {
          ourRule = id;
        }
      }
      if (!data.isEmpty()) {
        answer.set("data", data);
      }
      answer.putObject("meta").put("sent", sent).putObject("summary").put("created", data.size())
          .put("not_created", errors.size()).put("valid", data.size()).put("invalid", errors.size());
      if (!errors.isEmpty()) {
        answer.set("errors", errors);
      }
      send(ex, 201, answer.toString());
    } else {
      int deleted = 0;
      for (JsonNode id : req.path("delete").path("ids")) {
        deleted += rules.remove(id.asText()) != null ? 1 : 0;
      }
      answer.putObject("meta").put("sent", sent).putObject("summary").put("deleted", deleted).put("not_deleted", 0);
      send(ex, 200, answer.toString());
    }
  }

  private void stream(HttpExchange ex) throws IOException {
    if (!ex.getRequestURI().getPath().equals("/2/tweets/search/stream")) {
      send(ex, 404, "{}");
      return;
    }
    if (!authorized(ex)) {
      return;
    }
    int n = served.getAndIncrement();
    streamConnectNanos.add(System.nanoTime());
    streamQueries.add(ex.getRequestURI().getRawQuery());
    Connection c = connections.get(Math.min(n, connections.size() - 1));
    c.headers().forEach((k, v) -> ex.getResponseHeaders().add(k, v));
    if (c.status() != 200) {
      send(ex, c.status(), String.join("\n", c.lines()));
      return;
    }
    ex.sendResponseHeaders(200, 0);
    try (OutputStream out = ex.getResponseBody()) {
      for (String line : c.lines()) {
        out.write((line.replace("{OUR_RULE}", ourRule) + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
      }
      while (!closed && c.end() != End.CLOSE) {
        if (c.end() == End.KEEP_ALIVE) {
          out.write("\r\n".getBytes(StandardCharsets.UTF_8));
          out.flush();
        }
        Thread.sleep(200);
      }
    } catch (IOException | InterruptedException e) {
      // the client went away
    }
  }

  private static void send(HttpExchange ex, int status, String body) throws IOException {
    byte[] b = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().add("Content-Type", "application/json");
    ex.sendResponseHeaders(status, b.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(b);
    }
  }

  int connectionsServed() {
    return served.get();
  }

  @Override
  public void close() {
    closed = true;
    server.stop(0);
  }

  /** The lines of a page of one post by {@code username}, matched by {@code rule}. */
  static String page(String id, String text, String userId, String username, String rule) {
    ObjectNode page = JSON.createObjectNode();
    page.putObject("data").put("id", id).put("text", text).put("author_id", userId)
        .put("created_at", "2026-12-01T10:00:0" + (Long.parseLong(id) % 10) + ".000Z").put("lang", "en")
        .putArray("edit_history_tweet_ids").add(id);
    page.putObject("includes").putArray("users").addObject().put("id", userId).put("name", username.toUpperCase())
        .put("username", username);
    page.putArray("matching_rules").addObject().put("id", rule).put("tag", "trendoff");
    return page.toString();
  }

  static List<String> lines(String... l) {
    return new ArrayList<>(List.of(l));
  }
}
