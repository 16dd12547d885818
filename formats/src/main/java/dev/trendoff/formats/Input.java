package dev.trendoff.formats;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import dev.trendoff.core.UserError;

/**
 * An input file, or standard input for {@code -}, decompressed when its first bytes say so
 * ({@link Decompression}). Counts the bytes read from the file itself (compressed, for a .gz) so
 * progress can be shown against the file's size. Standard input is read on a helper thread so that
 * {@link #stop()} ends a run even while no data comes.
 */
final class Input {

  private final String name;
  private final InputStream stream;
  private final long totalBytes;
  private final AtomicLong bytesRead = new AtomicLong();
  private final AtomicBoolean stopped;

  private Input(String name, InputStream raw, long totalBytes, AtomicBoolean stopped) throws IOException {
    this.name = name;
    this.stopped = stopped;
    this.totalBytes = totalBytes;
    InputStream counted = new FilterInputStream(raw) {
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
    this.stream = Decompression.byContent(new BufferedInputStream(counted, 1 << 16));
  }

  /** Opens {@code file} ({@code -} is standard input); a missing or unreadable file is a {@link UserError}. */
  static Input open(String file) {
    try {
      if ("-".equals(file)) {
        AtomicBoolean stopped = new AtomicBoolean();
        return new Input("stdin", new StoppableStdin(System.in, stopped::get), -1, stopped);
      }
      Path p = Path.of(file);
      if (!Files.exists(p)) {
        throw new UserError("file not found: " + file);
      }
      if (Files.isDirectory(p) || !Files.isReadable(p)) {
        throw new UserError("cannot read " + file + (Files.isDirectory(p) ? " (a directory)" : " (no permission)"));
      }
      return new Input(p.getFileName().toString(), Files.newInputStream(p), Files.size(p), new AtomicBoolean());
    } catch (java.util.zip.ZipException e) {
      throw new UserError(file + " starts like a gzip file but is not one: " + e.getMessage());
    } catch (IOException e) {
      throw new UserError("cannot read " + file + ": " + e.getMessage());
    }
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
