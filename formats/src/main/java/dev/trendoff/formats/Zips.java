package dev.trendoff.formats;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;

import dev.trendoff.core.UserError;

/**
 * Zip files, the JDK's {@link ZipFile}: a zip given to a format of lines is read as its files one
 * after the other, in the zip's order, each unpacked by content again ({@link Decompression}), with a
 * line break between two files when the first does not end with one. Folders and macOS's
 * {@code __MACOSX/} copies are passed over. A zip file is opened through its central directory, at its
 * end: a zip cut short (an interrupted download) is one clear line before anything is read.
 */
final class Zips {
  private Zips() {}

  /** {@code PK\3\4} (a file), {@code PK\5\6} (an empty zip), {@code PK\7\8} (a split zip). */
  static boolean isZipHead(byte[] head, int n) {
    return n >= 4 && head[0] == 'P' && head[1] == 'K'
        && ((head[2] == 3 && head[3] == 4) || (head[2] == 5 && head[3] == 6) || (head[2] == 7 && head[3] == 8));
  }

  static boolean isZip(Path file) throws IOException {
    byte[] head = new byte[4];
    int n = 0;
    try (InputStream in = Files.newInputStream(file)) {
      for (int r; n < 4 && (r = in.read(head, n, 4 - n)) > 0; ) {
        n += r;
      }
    }
    return isZipHead(head, n);
  }

  /** Opens {@code file}; one that is cut short or damaged is a {@link UserError} naming it. */
  static ZipFile open(Path file) {
    try {
      return new ZipFile(file.toFile());
    } catch (IOException e) {
      throw new UserError(file.getFileName() + " is not a whole zip file (cut short or damaged; download it again): "
          + e.getMessage());
    }
  }

  /** The files of {@code zip} worth reading, in the zip's order. */
  static List<ZipEntry> files(ZipFile zip) {
    List<ZipEntry> out = new ArrayList<>();
    for (ZipEntry e : Collections.list(zip.entries())) {
      if (worthReading(e)) {
        out.add(e);
      }
    }
    return out;
  }

  static boolean worthReading(ZipEntry e) {
    return !e.isDirectory() && !e.getName().startsWith("__MACOSX/");
  }

  /** The files of a zip read as a stream (standard input), one after the other. */
  static InputStream entriesOf(ZipInputStream zip) {
    return new Joined(() -> {
      for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
        if (worthReading(e)) {
          return Decompression.byContent(new FilterInputStream(zip) {
            @Override
            public void close() {
              // the entry ends; the zip stream goes on
            }
          });
        }
      }
      return null;
    }, zip);
  }

  /** The next part of a {@link Joined} stream, or null after the last. */
  interface Parts {
    InputStream next() throws IOException;
  }

  /**
   * Parts read one after the other as one stream, with a {@code \n} between two parts when the first
   * does not end with one (so the last line of one file and the first of the next stay two lines).
   */
  static final class Joined extends InputStream {
    private final Parts parts;
    private final AutoCloseable underlying;
    private InputStream current;
    private boolean any;
    private int last = '\n';
    private boolean ended;

    Joined(Parts parts, AutoCloseable underlying) {
      this.parts = parts;
      this.underlying = underlying;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      int n = read(one, 0, 1);
      return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (len == 0) {
        return 0;
      }
      while (!ended) {
        if (current == null) {
          current = parts.next();
          if (current == null) {
            ended = true;
            break;
          }
          if (any && last != '\n') {
            b[off] = '\n';
            last = '\n';
            return 1;
          }
        }
        int n = current.read(b, off, len);
        if (n < 0) {
          current.close();
          current = null;
          continue;
        }
        if (n > 0) {
          any = true;
          last = b[off + n - 1];
          return n;
        }
      }
      return -1;
    }

    @Override
    public void close() throws IOException {
      if (current != null) {
        current.close();
      }
      try {
        underlying.close();
      } catch (IOException | RuntimeException e) {
        throw e;
      } catch (Exception e) {
        throw new IOException(e);
      }
    }
  }
}
