package dev.trendoff.formats;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.trendoff.core.UserError;

/**
 * Where rejected records go (produce and load-csv alike): one JSON object a line,
 * {@code {"reason", "detail", "where", "raw"}}; each command names the file. The file is created
 * with the first rejection, so a clean run leaves none. Thread-safe.
 */
public final class RejectFile implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path path;
  private BufferedWriter out;
  private long written;

  public RejectFile(Path path) {
    this.path = path;
  }

  public Path path() {
    return path;
  }

  public synchronized long written() {
    return written;
  }

  /** Sets {@code r} aside; {@code where} says where it was read (e.g. "line 12"). */
  public synchronized void write(String where, Rejection r) {
    try {
      if (out == null) {
        Path parent = path.toAbsolutePath().getParent();
        if (parent != null) {
          Files.createDirectories(parent);
        }
        out = Files.newBufferedWriter(path, StandardCharsets.UTF_8);
      }
      Map<String, Object> line = new LinkedHashMap<>();
      line.put("reason", r.reason().code());
      line.put("detail", r.detail());
      line.put("where", where);
      line.put("raw", r.raw());
      out.write(JSON.writeValueAsString(line));
      out.write('\n');
      written++;
    } catch (IOException e) {
      throw new UserError("cannot write the reject file " + path + ": " + e.getMessage());
    }
  }

  /** What was written so far is on disk (before a live source records where it stopped). */
  public synchronized void flush() {
    if (out != null) {
      try {
        out.flush();
      } catch (IOException e) {
        throw new UserError("cannot write the reject file " + path + ": " + e.getMessage());
      }
    }
  }

  @Override
  public synchronized void close() {
    if (out != null) {
      try {
        out.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
