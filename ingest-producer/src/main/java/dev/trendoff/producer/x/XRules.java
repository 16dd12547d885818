package dev.trendoff.producer.x;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.trendoff.core.UserError;

/**
 * The filtered stream's rules ({@code /2/tweets/search/stream/rules}): list them ({@code GET}), add
 * ({@code POST {"add": [{"value", "tag"}]}}) and delete them ({@code POST {"delete": {"ids": [...]}}}).
 * Rules belong to the app and outlive a connection, so what trendoff adds it deletes when it stops.
 * A refusal is a {@link UserError} quoting X's reason.
 */
final class XRules {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** One rule as X lists it. */
  record Rule(String id, String value, String tag) {}

  private final HttpClient http;
  private final XSettings settings;
  private final URI endpoint;

  XRules(HttpClient http, XSettings settings) {
    this.http = http;
    this.settings = settings;
    this.endpoint = settings.apiBase.resolve("tweets/search/stream/rules");
  }

  /**
   * The rule values for {@code terms}: each term a keyword, or a quoted phrase when it has spaces, joined
   * with {@code OR} into as few rules as fit in {@code maxLength} characters each.
   */
  static List<String> fromTerms(List<String> terms, int maxLength) {
    List<String> rules = new ArrayList<>();
    StringBuilder rule = new StringBuilder();
    for (String raw : terms) {
      String t = raw.strip();
      if (t.isEmpty()) {
        continue;
      }
      String term = t.matches("\\S+") ? t : "\"" + t.replace("\"", "") + "\"";
      if (term.length() > maxLength) {
        throw new UserError("--track term '" + t + "' is longer than an X rule may be (" + maxLength + " characters)");
      }
      if (rule.length() > 0 && rule.length() + 4 + term.length() > maxLength) {
        rules.add(rule.toString());
        rule.setLength(0);
      }
      rule.append(rule.length() > 0 ? " OR " : "").append(term);
    }
    if (rule.length() > 0) {
      rules.add(rule.toString());
    }
    if (rules.isEmpty()) {
      throw UserError.usage("x-stream needs --track: the words to stream become the stream's rules");
    }
    return rules;
  }

  List<Rule> list() {
    return rules(call(request(endpoint).GET(), "list the stream rules", 200).path("data"));
  }

  /**
   * Adds a rule per value, tagged {@code tag}. A value the app already has (X says DuplicateRule) is
   * used as it is: it comes back with the existing rule's id and the tag {@code null}, not ours to delete.
   */
  List<Rule> add(List<String> values, String tag) {
    ObjectNode body = JSON.createObjectNode();
    ArrayNode add = body.putArray("add");
    values.forEach(v -> add.addObject().put("value", v).put("tag", tag));
    JsonNode answer = call(request(endpoint).POST(HttpRequest.BodyPublishers.ofString(body.toString())),
        "add the stream rules", 200, 201);
    List<Rule> out = new ArrayList<>(rules(answer.path("data")));
    List<String> refused = new ArrayList<>();
    for (JsonNode e : answer.path("errors")) {
      if ("DuplicateRule".equals(e.path("title").asText()) && e.hasNonNull("id")) {
        out.add(new Rule(e.get("id").asText(), e.path("value").asText(), null));
      } else {
        refused.add(e.path("value").asText("?") + ": " + e.path("title").asText("") + " " + e.path("details").toString());
      }
    }
    if (!refused.isEmpty()) {
      throw new UserError("X refused the stream rule" + (refused.size() > 1 ? "s " : " ") + String.join("; ", refused));
    }
    return out;
  }

  void delete(List<String> ids) {
    if (ids.isEmpty()) {
      return;
    }
    ObjectNode body = JSON.createObjectNode();
    ArrayNode list = body.putObject("delete").putArray("ids");
    ids.forEach(list::add);
    call(request(endpoint).POST(HttpRequest.BodyPublishers.ofString(body.toString())), "delete the stream rules", 200);
  }

  private HttpRequest.Builder request(URI uri) {
    return HttpRequest.newBuilder(uri).timeout(settings.connectTimeout)
        .header("Authorization", "Bearer " + settings.bearerToken)
        .header("Content-Type", "application/json");
  }

  private JsonNode call(HttpRequest.Builder request, String what, int... ok) {
    HttpResponse<String> r;
    try {
      r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UserError("cannot " + what + " at " + endpoint + ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UserError("interrupted while trying to " + what);
    }
    for (int code : ok) {
      if (r.statusCode() == code) {
        try {
          return JSON.readTree(r.body());
        } catch (IOException e) {
          throw new UserError("X answered '" + what + "' with something that is not JSON: " + e.getMessage());
        }
      }
    }
    throw refusal(r.statusCode(), r.body(), what);
  }

  /** A refusal of X as one line: the status and X's own title and detail. */
  static UserError refusal(int status, String body, String what) {
    String reason = "";
    try {
      JsonNode j = JSON.readTree(body == null ? "" : body);
      if (j != null) {
        reason = (j.path("title").asText("") + " " + j.path("detail").asText("")).strip();
        if (reason.isEmpty()) {
          reason = j.path("errors").path(0).path("message").asText("");
        }
      }
    } catch (IOException e) {
      // not JSON: the status says enough
    }
    String hint = switch (status) {
      case 401 -> " (check " + XSettings.TOKEN_ENV + ")";
      case 403 -> " (the app's plan must include the filtered stream)";
      default -> "";
    };
    return new UserError("X refused to " + what + ": HTTP " + status + (reason.isEmpty() ? "" : " " + reason) + hint);
  }

  private static List<Rule> rules(JsonNode data) {
    List<Rule> out = new ArrayList<>();
    for (JsonNode r : data) {
      out.add(new Rule(r.path("id").asText(), r.path("value").asText(), r.hasNonNull("tag") ? r.get("tag").asText() : null));
    }
    return out;
  }
}
