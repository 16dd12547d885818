package dev.trendoff.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * What counts as a secret in trendoff's configuration, and the rules for where one may go
 * (docs/security.md): from the environment or a file only its owner can read, never on a command
 * line (every user of a host can read every process's command line), never printed.
 */
public final class Secrets {

  /**
   * Keys whose values are secrets: passwords, secrets, access tokens, API keys, and JAAS configurations
   * (they hold a password). Not every "token" is one: {@code cassandra-initial-token} is a ring position.
   */
  private static final Pattern SECRET_KEY =
      Pattern.compile("(?i)password|secret|jaas|credential|access[-_.]?token|auth[-_.]?token|bearer|api[-_.]?key");

  static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");
  static final Set<PosixFilePermission> OWNER_ONLY_DIR = PosixFilePermissions.fromString("rwx------");

  private Secrets() {}

  /** True for a configuration key (any spelling: {@code trendoff.cassandra.password}, {@code sasl.jaas.config}) that holds a secret. */
  public static boolean isSecretKey(String key) {
    return SECRET_KEY.matcher(key).find();
  }

  /**
   * Refuses {@code -Dtrendoff.*} system properties that hold a secret: they came on this JVM's command
   * line, which {@code ps} shows to every user of the host. One clear line naming the key and where
   * to put the secret instead.
   */
  public static void refuseOnCommandLine(Properties sysProps) {
    Set<String> secret = new TreeSet<>();
    for (String name : sysProps.stringPropertyNames()) {
      if (name.startsWith(TrendoffConfig.ROOT + ".") && isSecretKey(name)) {
        secret.add(name);
      }
    }
    if (!secret.isEmpty()) {
      String first = secret.iterator().next();
      throw UserError.usage("-D" + first + " puts a secret on the java command line, where every user of the host can read it"
          + " (ps): set it in the environment (" + TrendoffConfig.envName(first.substring(TrendoffConfig.ROOT.length() + 1))
          + ") or in trendoff.conf with mode 600 instead (docs/security.md)");
    }
  }

  /**
   * Writes {@code text} to {@code file}, readable and writable by its owner only (0600) from the
   * first byte: a new file beside it is created with those permissions, filled, then moved over
   * {@code file}. The directory is created (0700) when missing.
   */
  public static void writePrivate(Path file, String text) {
    writePrivate(file, text.getBytes(StandardCharsets.UTF_8));
  }

  /** {@link #writePrivate(Path, String)} for bytes (a keystore). */
  public static void writePrivate(Path file, byte[] bytes) {
    try {
      Path dir = file.toAbsolutePath().getParent();
      privateDir(dir);
      Path tmp = dir.resolve("." + file.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
      Files.deleteIfExists(tmp);
      Files.createFile(tmp, PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE));
      Files.write(tmp, bytes);
      try {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * {@code dir}, created with mode 0700 when missing. An existing directory must belong to this user
   * and be closed to everyone else (a directory someone else made, or can read, is no place for a
   * secret): otherwise a {@link UserError}.
   */
  public static Path privateDir(Path dir) {
    try {
      if (!Files.isDirectory(dir)) {
        try {
          Files.createDirectories(dir.getParent());
          Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIR));
        } catch (FileAlreadyExistsException e) {
          // made meanwhile: checked below
        }
      }
      Set<PosixFilePermission> perms = Files.getPosixFilePermissions(dir);
      String owner = Files.getOwner(dir).getName();
      if (!owner.equals(System.getProperty("user.name"))) {
        throw new UserError(dir + " belongs to " + owner + ", not to " + System.getProperty("user.name")
            + ": it cannot hold secrets; remove it or choose another directory");
      }
      if (!OWNER_ONLY_DIR.containsAll(perms)) {
        Files.setPosixFilePermissions(dir, OWNER_ONLY_DIR);
      }
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot make the private directory " + dir + ": " + e.getMessage(), e);
    }
  }

  /** True when {@code file} can be read by its owner only (no group or other permission bits). */
  public static boolean ownerOnly(Path file) {
    try {
      Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
      return perms.stream().allMatch(p -> p.name().startsWith("OWNER_"));
    } catch (IOException e) {
      return false;
    }
  }
}
