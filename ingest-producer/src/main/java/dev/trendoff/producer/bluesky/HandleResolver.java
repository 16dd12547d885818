package dev.trendoff.producer.bluesky;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * DIDs to handles through Bluesky's AppView ({@code GET /xrpc/app.bsky.actor.getProfiles?actors=...},
 * public, up to {@link #BATCH} at a time), which answers each known account's verified handle (or
 * {@code handle.invalid} when the handle does not point back to the DID).
 */
class HandleResolver {

  static final int BATCH = 25;
  static final String INVALID = "handle.invalid";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** What the resolver says of a DID: its names, that its handle is not verified, or nothing (unknown). */
  record Answer(Handles.Author author, boolean invalid) {}

  private final HttpClient http;
  private final URI base;
  private final Duration timeout;

  HandleResolver(HttpClient http, URI base, Duration timeout) {
    this.http = http;
    this.base = base;
    this.timeout = timeout;
  }

  /** The answers for up to {@link #BATCH} DIDs; a DID missing from the map is unknown to the AppView. */
  Map<String, Answer> resolve(List<String> dids) throws IOException {
    String query = dids.stream().map(d -> "actors=" + URLEncoder.encode(d, StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
    HttpRequest request = HttpRequest.newBuilder(base.resolve("/xrpc/app.bsky.actor.getProfiles?" + query))
        .timeout(timeout).GET().build();
    HttpResponse<String> r;
    try {
      r = http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted");
    }
    if (r.statusCode() != 200) {
      throw new IOException("HTTP " + r.statusCode() + " from " + base);
    }
    Map<String, Answer> out = new HashMap<>();
    for (JsonNode p : JSON.readTree(r.body()).path("profiles")) {
      String did = p.path("did").asText("");
      String handle = p.path("handle").asText("").strip();
      if (!dids.contains(did) || handle.isEmpty()) {
        continue;
      }
      out.put(did, INVALID.equals(handle) ? new Answer(null, true)
          : new Answer(new Handles.Author(handle, p.hasNonNull("displayName") && !p.get("displayName").asText().isBlank()
              ? p.get("displayName").asText() : null), false));
    }
    return out;
  }
}
