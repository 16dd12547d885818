package dev.trendoff.http;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.trendoff.serving.QueryError;

/**
 * An error answer (docs/http.md 'Errors'): an HTTP status and one JSON object
 * {@code {"error": code, "message": one line for a person, ...}}, never a stack trace.
 */
record ApiError(int status, String code, String json) {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** The status and body of a {@link QueryError}: 400 naming the parameter, 404 with the nearest known names, 503. */
  static ApiError of(QueryError e) {
    ObjectNode o = MAPPER.createObjectNode();
    switch (e.kind()) {
      case BAD_PARAMETER -> {
        o.put("error", "bad_parameter").put("parameter", e.parameter()).put("message", e.getMessage());
        return new ApiError(400, "bad_parameter", render(o));
      }
      case UNKNOWN_USER -> {
        o.put("error", "unknown_user").put("message", e.getMessage());
        ObjectNode nearest = o.putObject("nearest");
        for (Map.Entry<String, List<String>> n : e.nearest().entrySet()) {
          n.getValue().forEach(nearest.putArray(n.getKey())::add);
        }
        return new ApiError(404, "unknown_user", render(o));
      }
      default -> {
        o.put("error", "unavailable").put("message", e.getMessage());
        return new ApiError(503, "unavailable", render(o));
      }
    }
  }

  static ApiError notFound(String path) {
    return simple(404, "not_found", "no such page: " + path + " (the API is under /api/: compare, compare.csv, compare.png, "
        + "compare/stream, users, status)");
  }

  static ApiError methodNotAllowed(String method) {
    return simple(405, "method_not_allowed", method + " is not allowed here: only GET");
  }

  static ApiError tooManyStreams(int limit) {
    return simple(429, "too_many_streams", "too many event streams are open (" + limit + ", " + HttpSettings.SECTION
        + ".max-streams): close one or try again later");
  }

  static ApiError internal() {
    return simple(500, "internal", "the server failed to answer (the reason is in its log)");
  }

  private static ApiError simple(int status, String code, String message) {
    return new ApiError(status, code, render(MAPPER.createObjectNode().put("error", code).put("message", message)));
  }

  private static String render(ObjectNode o) {
    try {
      return MAPPER.writeValueAsString(o);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
