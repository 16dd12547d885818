package dev.trendoff.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A plain Java client (java.net.http, no browser) of {@code /api/compare/stream}: notes when each event
 * brings a new count of one word for the question's first user. The baseline of the page's figures.
 */
final class StreamCountWatch implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final CountTrace trace = new CountTrace();
  private final HttpResponse<Stream<String>> response;
  private final Thread reader;
  private volatile Throwable failure;

  StreamCountWatch(URI server, String users, String word) throws IOException, InterruptedException {
    response = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(server.resolve("api/compare/stream?users=" + users)).build(),
        HttpResponse.BodyHandlers.ofLines());
    if (response.statusCode() != 200) {
      throw new IllegalStateException("the event stream answered " + response.statusCode());
    }
    reader = new Thread(() -> {
      try {
        response.body().filter(l -> l.startsWith("data: ")).forEach(l -> {
          long now = System.currentTimeMillis();
          trace.saw(now, count(l.substring(6), word));
        });
      } catch (UncheckedIOException closed) {
        // close() ended the stream
      } catch (RuntimeException e) {
        failure = e;
      }
    }, "stream-count-watch");
    reader.setDaemon(true);
    reader.start();
  }

  /** The first user's count of {@code word} in a comparison's JSON (docs/compare.md '--json'); 0 when not listed. */
  static long count(String comparisonJson, String word) {
    try {
      for (JsonNode w : JSON.readTree(comparisonJson).path("words")) {
        if (word.equals(w.path("word").asText())) {
          return w.path("counts").path(0).asLong();
        }
      }
      return 0;
    } catch (IOException e) {
      throw new UncheckedIOException("an event that is not a comparison: " + comparisonJson, e);
    }
  }

  CountTrace trace() {
    if (failure != null) {
      throw new IllegalStateException("the event stream client failed: " + failure, failure);
    }
    return trace;
  }

  @Override
  public void close() throws InterruptedException {
    response.body().close();
    reader.join(5_000);
  }
}
