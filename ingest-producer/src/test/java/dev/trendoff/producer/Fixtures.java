package dev.trendoff.producer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.trendoff.producer.format.ParseResult;

/** Test fixtures under src/test/resources/fixtures, read through the real sources. */
public final class Fixtures {
  private Fixtures() {}

  public static Path path(String name) {
    try {
      return Path.of(Fixtures.class.getResource("/fixtures/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Line {@code n} (1-based) of a fixture, decoded as UTF-8 (other lines may not be valid UTF-8). */
  public static String line(String name, int n) {
    try {
      byte[] all = java.nio.file.Files.readAllBytes(path(name));
      int start = 0;
      for (int i = 1; i < n; i++) {
        start = indexOf(all, start) + 1;
      }
      int end = indexOf(all, start);
      return new String(all, start, (end < 0 ? all.length : end) - start, java.nio.charset.StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static int indexOf(byte[] b, int from) {
    for (int i = from; i < b.length; i++) {
      if (b[i] == '\n') {
        return i;
      }
    }
    return -1;
  }

  /** Every record of a source, in order. */
  public static List<ParseResult> readAll(RecordSource source) {
    List<ParseResult> out = new ArrayList<>();
    try (source) {
      for (ParseResult r; (r = source.next()) != null; ) {
        out.add(r);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }
}
