package dev.trendoff.producer.bluesky;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.trendoff.core.UserError;

/**
 * The firehose position kept between runs: {@code {"cursor": TIME_US, "sentAfterCursor": [{"time_us",
 * "id"}]}}, replaced whole (written aside, then moved over the old one) so a crash leaves the old or
 * the new, never half of one.
 */
final class CursorFile {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path path;

  CursorFile(Path path) {
    this.path = path;
  }

  Path path() {
    return path;
  }

  /** The recorded cursor, or null when there is none yet; a damaged file is a {@link UserError}. */
  Watermark.Cursor read() {
    if (!Files.exists(path)) {
      return null;
    }
    try {
      JsonNode n = JSON.readTree(Files.readString(path));
      if (n == null || !n.path("cursor").canConvertToLong()) {
        throw new IOException("no cursor in it");
      }
      List<Watermark.Sent> sent = new ArrayList<>();
      for (JsonNode s : n.path("sentAfterCursor")) {
        sent.add(new Watermark.Sent(s.path("time_us").asLong(), s.path("id").asLong()));
      }
      return new Watermark.Cursor(n.get("cursor").asLong(), sent);
    } catch (IOException e) {
      throw new UserError("cannot read the Bluesky cursor " + path + " (" + e.getMessage()
          + "); move it away to start from the live end of the firehose");
    }
  }

  void write(Watermark.Cursor c) throws IOException {
    ObjectNode n = JSON.createObjectNode();
    n.put("cursor", c.timeUs());
    ArrayNode sent = n.putArray("sentAfterCursor");
    c.sentAfter().forEach(s -> sent.addObject().put("time_us", s.timeUs()).put("id", s.id()));
    Path dir = path.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path tmp = Files.createTempFile(dir, ".cursor", ".tmp");
    try {
      Files.writeString(tmp, n.toString() + "\n");
      try {
        Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}
