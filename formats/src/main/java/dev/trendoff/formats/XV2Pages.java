package dev.trendoff.formats;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The lines of an X API v2 JSON-lines file as one record per post. A line is either a response page,
 * {@code {"data": [posts] or post, "includes": {"users": [...], "places": [...]}, ...}} (what the API
 * answers, twarc2 writes, and the filtered stream sends one at a time), or one post already flattened
 * with its {@code author} object. A page becomes its posts, each flattened: its author found by
 * {@code author_id} in {@code includes.users} and put under {@code author}, its place found by
 * {@code geo.place_id} in {@code includes.places} and merged into {@code geo}. A post whose author is
 * not in the page (a page without {@code includes}, asked for without {@code expansions=author_id}) is
 * a rejection saying so. Any other line is left to the parser ({@link XV2Json}).
 */
public final class XV2Pages implements RecordReader {

  private final RecordReader lines;
  private final Deque<TextRecord> pending = new ArrayDeque<>();

  public XV2Pages(RecordReader lines) {
    this.lines = lines;
  }

  /** One post of a page: flattened, or why it cannot be. */
  public record Post(ObjectNode flat, Rejection problem) {}

  /**
   * The page's posts, or empty when {@code line} is not a page (a flattened post, an error). A page of
   * no posts ({@code {"meta": {"result_count": 0}}}) has none.
   */
  public static Optional<List<Post>> posts(JsonNode line, String where) {
    if (line == null || !line.isObject()) {
      return Optional.empty();
    }
    if (!line.has("data")) {
      return line.has("meta") && !line.has("id") && !line.has("errors") ? Optional.of(List.of()) : Optional.empty();
    }
    JsonNode data = line.get("data");
    List<JsonNode> tweets = new ArrayList<>();
    if (data.isArray()) {
      data.forEach(tweets::add);
    } else {
      tweets.add(data);
    }
    JsonNode includes = line.path("includes");
    JsonNode users = includes.path("users");
    Map<String, JsonNode> usersById = byId(users);
    Map<String, JsonNode> placesById = byId(includes.path("places"));
    List<Post> out = new ArrayList<>(tweets.size());
    for (int i = 0; i < tweets.size(); i++) {
      JsonNode t = tweets.get(i);
      if (!t.isObject()) {
        String raw = t.toString();
        out.add(new Post(null, new Rejection(RejectReason.MALFORMED_JSON,
            where + ": post " + (i + 1) + " of the page's data is not a JSON object", raw)));
        continue;
      }
      // the page was read for this: its posts are changed in place
      ObjectNode flat = (ObjectNode) t;
      if (!flat.path("author").isObject()) {
        String authorId = flat.path("author_id").asText(null);
        JsonNode author = authorId == null ? null : usersById.get(authorId);
        if (author == null) {
          out.add(new Post(null, new Rejection(RejectReason.MISSING_USER, where + ": " + (users.isArray()
              ? "author_id " + authorId + " of post " + flat.path("id").asText("?") + " is not in the page's includes.users"
              : "a page without includes.users: the author of post " + flat.path("id").asText("?")
                  + " is unknown (ask the API for expansions=author_id)"), t.toString())));
          continue;
        }
        flat.set("author", author);
      }
      JsonNode place = placesById.get(flat.path("geo").path("place_id").asText(""));
      if (place != null && place.isObject()) {
        ObjectNode geo = (ObjectNode) flat.get("geo");
        place.fields().forEachRemaining(f -> geo.putIfAbsent(f.getKey(), f.getValue()));
      }
      out.add(new Post(flat, null));
    }
    return Optional.of(out);
  }

  private static Map<String, JsonNode> byId(JsonNode array) {
    Map<String, JsonNode> m = new HashMap<>();
    for (JsonNode o : array) {
      if (o.hasNonNull("id")) {
        m.putIfAbsent(o.get("id").asText(), o);
      }
    }
    return m;
  }

  @Override
  public TextRecord next() throws IOException {
    while (pending.isEmpty()) {
      TextRecord r = lines.next();
      if (r == null || !r.ok() || r.text().isBlank()) {
        return r;
      }
      JsonNode n;
      try {
        n = JsonFields.MAPPER.readTree(r.text());
      } catch (JsonProcessingException e) {
        return r;
      }
      Optional<List<Post>> posts = posts(n, "line " + r.line());
      if (posts.isEmpty()) {
        return r;
      }
      for (Post p : posts.get()) {
        pending.add(p.problem() != null ? new TextRecord(r.line(), null, p.problem())
            : new TextRecord(r.line(), p.flat().toString(), null));
      }
    }
    return pending.poll();
  }

  @Override
  public void close() throws IOException {
    lines.close();
  }
}
