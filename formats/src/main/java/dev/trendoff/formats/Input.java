package dev.trendoff.formats;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import dev.trendoff.core.UserError;

/**
 * An input file, or standard input for {@code -}, unpacked when its first bytes say so
 * ({@link Decompression}; a zip file through {@link Zips}). Counts the bytes read from the file itself
 * (compressed, for a .gz; each file unpacked from a zip) so progress can be shown against the file's
 * size. Standard input is read on a helper thread so that {@link #stop()} ends a run even while no
 * data comes. A format that reads several files of its own (an X archive) counts them through
 * {@link #counting}.
 */
final class Input {

  private final String name;
  private final InputStream stream;
  private final long totalBytes;
  private final AtomicLong bytesRead = new AtomicLong();
  private final AtomicBoolean stopped;

  private Input(String name, long totalBytes, AtomicBoolean stopped, Opener opener) throws IOException {
    this.name = name;
    this.stopped = stopped;
    this.totalBytes = totalBytes;
    this.stream = opener == null ? null : opener.open(this);
  }

  private interface Opener {
    InputStream open(Input self) throws IOException;
  }

  /** Opens {@code file} ({@code -} is standard input); a missing or unreadable file is a {@link UserError}. */
  static Input open(String file) {
    try {
      if ("-".equals(file)) {
        AtomicBoolean stopped = new AtomicBoolean();
        return new Input("stdin", -1, stopped,
            self -> Decompression.byContent(self.count(new StoppableStdin(System.in, stopped::get))));
      }
      Path p = readableFile(file);
      if (Zips.isZip(p)) {
        ZipFile zip = Zips.open(p);
        List<ZipEntry> files = Zips.files(zip);
        long total = files.stream().mapToLong(e -> Math.max(0, e.getSize())).sum();
        Iterator<ZipEntry> next = files.iterator();
        return new Input(p.getFileName().toString(), total, new AtomicBoolean(), self -> new Zips.Joined(
            () -> next.hasNext() ? Decompression.byContent(self.count(zip.getInputStream(next.next()))) : null, zip));
      }
      return new Input(p.getFileName().toString(), Files.size(p), new AtomicBoolean(),
          self -> Decompression.byContent(self.count(Files.newInputStream(p))));
    } catch (Decompression.DamagedInput e) {
      throw new UserError(file + " " + e.getMessage());
    } catch (IOException e) {
      throw new UserError("cannot read " + file + ": " + e.getMessage());
    }
  }

  /** An input of several files a format opens itself; {@link #count} counts their bytes. */
  static Input counting(String name, long totalBytes) {
    try {
      return new Input(name, totalBytes, new AtomicBoolean(), null);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** {@code file} when it exists and is a readable file, else a {@link UserError} saying which it is not. */
  static Path readableFile(String file) {
    Path p = Path.of(file);
    if (!Files.exists(p)) {
      throw new UserError("file not found: " + file);
    }
    if (Files.isDirectory(p) || !Files.isReadable(p)) {
      throw new UserError("cannot read " + file + (Files.isDirectory(p) ? " (a directory)" : " (no permission)"));
    }
    return p;
  }

  /** {@code raw} with every byte read from it added to {@link #bytesRead()}. */
  InputStream count(InputStream raw) {
    return new FilterInputStream(raw) {
      @Override
      public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
          bytesRead.incrementAndGet();
        }
        return b;
      }

      @Override
      public int read(byte[] buf, int off, int len) throws IOException {
        int n = super.read(buf, off, len);
        if (n > 0) {
          bytesRead.addAndGet(n);
        }
        return n;
      }
    };
  }

  String name() {
    return name;
  }

  InputStream stream() {
    return stream;
  }

  long totalBytes() {
    return totalBytes;
  }

  long bytesRead() {
    return bytesRead.get();
  }

  boolean stopped() {
    return stopped.get();
  }

  void stop() {
    stopped.set(true);
  }

  /** Standard input read by a daemon thread; reads return end-of-input once stopped. */
  static final class StoppableStdin extends InputStream {
    private static final byte[] EOF = new byte[0];
    private final BlockingQueue<byte[]> chunks = new ArrayBlockingQueue<>(16);
    private final java.util.function.BooleanSupplier stopped;
    private byte[] current = new byte[0];
    private int pos;
    private boolean ended;
    private volatile IOException failure;

    StoppableStdin(InputStream in, java.util.function.BooleanSupplier stopped) {
      this.stopped = stopped;
      Thread t = new Thread(() -> {
        try {
          byte[] buf = new byte[1 << 16];
          for (int n; (n = in.read(buf)) >= 0; ) {
            if (n > 0) {
              chunks.put(java.util.Arrays.copyOf(buf, n));
            }
          }
        } catch (IOException e) {
          failure = e;
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        try {
          chunks.put(EOF);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }, "stdin-reader");
      t.setDaemon(true);
      t.start();
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      int n = read(one, 0, 1);
      return n < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (len == 0) {
        return 0;
      }
      while (pos == current.length) {
        if (ended || stopped.getAsBoolean()) {
          return -1;
        }
        try {
          byte[] next = chunks.poll(100, TimeUnit.MILLISECONDS);
          if (next == EOF) {
            ended = true;
            if (failure != null) {
              throw failure;
            }
          } else if (next != null) {
            current = next;
            pos = 0;
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return -1;
        }
      }
      int n = Math.min(len, current.length - pos);
      System.arraycopy(current, pos, b, off, n);
      pos += n;
      return n;
    }
  }
}
