package dev.trendoff.csvloader;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.trendoff.producer.format.Rejection;

/**
 * The rows load-csv set aside, one a line: {@code line<TAB>reason<TAB>detail<TAB>raw record}, with
 * tabs, line breaks and backslashes in the fields written as {@code \t}, {@code \n}, {@code \r}, {@code \\}.
 * Created on the first rejection only.
 */
public final class RejectFile implements AutoCloseable {

  private final Path path;
  private BufferedWriter out;
  private long count;

  public RejectFile(Path path) {
    this.path = path;
  }

  public Path path() {
    return path;
  }

  public long count() {
    return count;
  }

  public void add(long line, Rejection r) {
    try {
      if (out == null) {
        Files.createDirectories(path.toAbsolutePath().getParent());
        out = Files.newBufferedWriter(path, StandardCharsets.UTF_8);
        out.write("# line\treason\tdetail\traw\n");
      }
      out.write(line + "\t" + escape(r.reason().code()) + "\t" + escape(r.detail()) + "\t" + escape(r.raw()) + "\n");
      count++;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the reject file " + path, e);
    }
  }

  static String escape(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '\\' -> b.append("\\\\");
        case '\t' -> b.append("\\t");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        default -> b.append(c);
      }
    }
    return b.toString();
  }

  @Override
  public void close() {
    if (out != null) {
      try {
        out.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
