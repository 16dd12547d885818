package dev.trendoff.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.trendoff.serving.CompareRequest;
import dev.trendoff.serving.Comparison;
import dev.trendoff.serving.ComparisonChart;
import dev.trendoff.serving.ComparisonCsv;
import dev.trendoff.serving.ComparisonJson;
import dev.trendoff.serving.QueryError;
import dev.trendoff.serving.QueryService;
import dev.trendoff.serving.StatusReport;

/**
 * Every endpoint of {@code ./trendoff serve} (docs/http.md): the page, the comparison as JSON, CSV and
 * PNG (the very renderings of {@code compare-users --json/--csv/--png}), its event stream, the known
 * users and the status. Each failure is an {@link ApiError}: JSON with the right status.
 */
final class Api extends Handler.Abstract {

  private static final Logger LOG = LoggerFactory.getLogger(Api.class);
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String JSON = "application/json";
  /** The page and its script and style, from this jar: nothing from elsewhere (no CDN). */
  private static final Map<String, Asset> PAGE = Map.of(
      "/", Asset.of("index.html", "text/html; charset=utf-8"),
      "/app.js", Asset.of("app.js", "text/javascript; charset=utf-8"),
      "/app.css", Asset.of("app.css", "text/css; charset=utf-8"));
  private static final String CONTENT_SECURITY = "default-src 'self'; img-src 'self' data:; style-src 'self'; "
      + "script-src 'self'; connect-src 'self'; frame-ancestors 'none'";

  private final QueryService query;
  private final HttpSettings limits;
  private final KnownUserIndex users;
  private final LiveComparisons live;
  private final StatusCache status;

  Api(QueryService query, HttpSettings limits, KnownUserIndex users, LiveComparisons live, StatusCache status) {
    this.query = query;
    this.limits = limits;
    this.users = users;
    this.live = live;
    this.status = status;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    String path = Request.getPathInContext(request);
    try {
      if (!HttpMethod.GET.is(request.getMethod())) {
        response.getHeaders().put(HttpHeader.ALLOW, "GET");
        error(response, callback, ApiError.methodNotAllowed(request.getMethod()));
        return true;
      }
      Map<String, List<String>> params = parameters(request);
      switch (path) {
        case "/api/compare" -> {
          CompareParams p = CompareParams.of(params, limits, Set.of());
          send(response, callback, 200, JSON, (ComparisonJson.render(compare(p)) + "\n").getBytes(StandardCharsets.UTF_8));
        }
        case "/api/compare.csv" -> {
          CompareParams p = CompareParams.of(params, limits, Set.of());
          response.getHeaders().put(HttpHeader.CONTENT_DISPOSITION, "inline; filename=\"compare.csv\"");
          send(response, callback, 200, "text/csv; charset=utf-8", ComparisonCsv.render(compare(p)).getBytes(StandardCharsets.UTF_8));
        }
        case "/api/compare.png" -> {
          CompareParams p = CompareParams.of(params, limits, Set.of("width", "height"));
          int width = p.number("width", ComparisonChart.DEFAULT_WIDTH, 100, 4000);
          int height = p.number("height", ComparisonChart.DEFAULT_HEIGHT, 100, 4000);
          send(response, callback, 200, "image/png", ComparisonChart.png(compare(p), width, height));
        }
        case "/api/compare/stream" -> stream(CompareParams.of(params, limits, Set.of()), response, callback);
        case "/api/users" -> knownUsers(params, response, callback);
        case "/api/status" -> {
          requireNone(params);
          StatusReport r = status.get();
          send(response, callback, r.errors().isEmpty() ? 200 : 503, JSON, (r.json() + "\n").getBytes(StandardCharsets.UTF_8));
        }
        default -> {
          Asset page = PAGE.get(path);
          if (page == null) {
            error(response, callback, ApiError.notFound(path));
          } else {
            response.getHeaders().put("Content-Security-Policy", CONTENT_SECURITY);
            send(response, callback, 200, page.type(), page.bytes());
          }
        }
      }
    } catch (QueryError e) {
      error(response, callback, ApiError.of(e));
    } catch (LiveComparisons.TooManyStreams e) {
      error(response, callback, ApiError.tooManyStreams(limits.maxStreams()));
    } catch (RuntimeException e) {
      LOG.error("{} {} failed", request.getMethod(), request.getHttpURI(), e);
      if (response.isCommitted()) {
        callback.failed(e);
      } else {
        error(response, callback, ApiError.internal());
      }
    }
    return true;
  }

  /** The comparison a request asks for, checked against the limit on top. */
  private Comparison compare(CompareParams p) {
    return CompareParams.checkSize(query.compare(p.request()), limits);
  }

  private void stream(CompareParams p, Response response, Callback callback) {
    p.request(); // a bad parameter is a 400 before anything else
    CompareRequest question = p.keyed();
    live.watch(question, onClose -> {
      response.setStatus(200);
      response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/event-stream; charset=utf-8");
      response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
      response.getHeaders().put("X-Accel-Buffering", "no");
      return new EventStream(response, callback, onClose);
    });
  }

  private void knownUsers(Map<String, List<String>> params, Response response, Callback callback) {
    for (String name : params.keySet()) {
      if (!name.equals("prefix") && !name.equals("limit")) {
        throw QueryError.badParameter(name, "is not a parameter of this endpoint (it takes prefix, limit)");
      }
    }
    String prefix = params.getOrDefault("prefix", List.of("")).get(0);
    int limit = numberIn(params, "limit", 10, limits.maxUsersLimit());
    ObjectNode o = MAPPER.createObjectNode().put("prefix", prefix);
    users.startingWith(prefix, limit).forEach(o.putArray("users")::add);
    send(response, callback, 200, JSON, bytes(o));
  }

  private static int numberIn(Map<String, List<String>> params, String name, int fallback, int max) {
    List<String> v = params.get(name);
    if (v == null) {
      return fallback;
    }
    try {
      int n = Integer.parseInt(v.get(0).strip());
      if (n >= 1 && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // said below
    }
    throw QueryError.badParameter(name, "must be a whole number from 1 to " + max + ", not '" + v.get(0) + "'");
  }

  private static void requireNone(Map<String, List<String>> params) {
    if (!params.isEmpty()) {
      throw QueryError.badParameter(params.keySet().iterator().next(), "is not a parameter of this endpoint (it takes none)");
    }
  }

  static Map<String, List<String>> parameters(Request request) {
    Fields fields = Request.extractQueryParameters(request);
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (Fields.Field f : fields) {
      out.computeIfAbsent(f.getName(), k -> new ArrayList<>()).addAll(f.getValues());
    }
    return out;
  }

  private static void error(Response response, Callback callback, ApiError e) {
    send(response, callback, e.status(), JSON, (e.json() + "\n").getBytes(StandardCharsets.UTF_8));
  }

  private static void send(Response response, Callback callback, int status, String type, byte[] body) {
    response.setStatus(status);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, type);
    if (!response.getHeaders().contains(HttpHeader.CACHE_CONTROL)) {
      response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
    }
    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
    response.write(true, ByteBuffer.wrap(body), callback);
  }

  private static byte[] bytes(ObjectNode o) {
    try {
      return (MAPPER.writeValueAsString(o) + "\n").getBytes(StandardCharsets.UTF_8);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A file of the page, read once from this jar. */
  private record Asset(String type, byte[] bytes) {
    static Asset of(String name, String type) {
      String resource = "/dev/trendoff/http/web/" + name;
      try (InputStream in = Api.class.getResourceAsStream(resource)) {
        if (in == null) {
          throw new IllegalStateException(resource + " is missing from the trendoff-http jar");
        }
        return new Asset(type, in.readAllBytes());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
