package dev.trendoff.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.UUID;

/**
 * A file that hands a secret to a program that can only read it from a file (a java {@code @argfile},
 * Kafka's {@code --producer.config}): mode 0600 in a directory only its owner can enter, named after
 * the pid of the process that wrote it, deleted by {@link #close()}. When that process dies without
 * closing it ({@code kill -9}), the next {@link #create} in the same directory deletes it, and so do
 * the next trendoff command ({@link #DIR}: core's CommandLines) and the next {@code stack up} (the
 * stack's secure directory): such a file lives at most until the next run. The directory is {@link
 * #DIR} unless a caller names one.
 */
public final class SecretFile implements AutoCloseable {

  /** {@code java.io.tmpdir/trendoff-secrets-<user>}, mode 0700. */
  public static final Path DIR = Path.of(System.getProperty("java.io.tmpdir"), "trendoff-secrets-" + System.getProperty("user.name"));

  private static final String PREFIX = "secret-";

  private final Path path;

  private SecretFile(Path path) {
    this.path = path;
  }

  /** A new 0600 file holding {@code content}, in {@link #DIR}. */
  public static SecretFile create(String content) {
    return create(DIR, content);
  }

  /** A new 0600 file holding {@code content}, in {@code dir} (made 0700); stale ones of dead processes are removed first. */
  public static SecretFile create(Path dir, String content) {
    Secrets.privateDir(dir);
    removeStale(dir);
    Path f = dir.resolve(PREFIX + ProcessHandle.current().pid() + "-" + UUID.randomUUID());
    try {
      Files.createFile(f, PosixFilePermissions.asFileAttribute(Secrets.OWNER_ONLY_FILE));
      Files.writeString(f, content, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write a private file in " + dir + ": " + e.getMessage(), e);
    }
    return new SecretFile(f);
  }

  public Path path() {
    return path;
  }

  /** Deletes the file. */
  @Override
  public void close() {
    try {
      Files.deleteIfExists(path);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + path + ": " + e.getMessage(), e);
    }
  }

  /** Deletes the files of {@code dir} whose writing process is no longer alive (nothing when there is no {@code dir}). */
  public static void removeStale(Path dir) {
    if (!Files.isDirectory(dir)) {
      return;
    }
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, PREFIX + "*")) {
      for (Path f : files) {
        String rest = f.getFileName().toString().substring(PREFIX.length());
        int dash = rest.indexOf('-');
        long pid;
        try {
          pid = Long.parseLong(dash < 0 ? rest : rest.substring(0, dash));
        } catch (NumberFormatException e) {
          continue;
        }
        if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
          continue;
        }
        Files.deleteIfExists(f);
      }
    } catch (IOException e) {
      // a stale file stays until the next run: not worth failing this one for
    }
  }

  /**
   * The text of a java launcher argument file ({@code java @FILE}) holding {@code args}, one per line:
   * the launcher reads options, the main class and its arguments from it, and {@code ps} shows only
   * {@code java @FILE}. Arguments with blanks are quoted; quotes and backslashes are refused.
   */
  public static String javaArgFile(java.util.List<String> args) {
    StringBuilder b = new StringBuilder();
    for (String a : args) {
      if (a.indexOf('"') >= 0 || a.indexOf('\'') >= 0 || a.indexOf('\\') >= 0 || a.indexOf('\n') >= 0) {
        throw new IllegalArgumentException("an argument file cannot hold quotes, backslashes or line breaks");
      }
      b.append(a.chars().anyMatch(Character::isWhitespace) ? "\"" + a + "\"" : a).append('\n');
    }
    return b.toString();
  }
}
