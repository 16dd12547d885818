package dev.trendoff.formats;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipInputStream;

import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.tukaani.xz.XZInputStream;

import com.github.luben.zstd.ZstdInputStream;

/**
 * Recognises compressed input by its first bytes, not its name (standard input has none), and unpacks
 * it: gzip, bzip2, xz and zstd (each also as several concatenated streams, as pigz, pbzip2 or
 * {@code zstd -T} write them), and zip read as a stream (its files one after the other, see
 * {@link Zips}). What comes out is looked at again, so a {@code .jsonl.gz} inside a zip is read too.
 * A stream that breaks off or is damaged fails with an {@link IOException} naming the compression.
 */
final class Decompression {
  private Decompression() {}

  private static final int BUFFER = 1 << 16;
  /** Layers unpacked at most (a zip of .gz files is two). */
  private static final int MAX_LAYERS = 4;

  /** What the first bytes say. */
  enum Kind {
    NONE, GZIP, BZIP2, XZ, ZSTD, ZIP;

    String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private static final int MAGIC_BYTES = 6;

  /** The compression {@code head} (the first bytes of an input; fewer at its end) starts with. */
  static Kind detect(byte[] head, int n) {
    if (n >= 2 && b(head, 0) == 0x1f && b(head, 1) == 0x8b) {
      return Kind.GZIP;
    }
    if (n >= 4 && head[0] == 'B' && head[1] == 'Z' && head[2] == 'h' && head[3] >= '1' && head[3] <= '9') {
      return Kind.BZIP2;
    }
    if (n >= 6 && b(head, 0) == 0xfd && head[1] == '7' && head[2] == 'z' && head[3] == 'X' && head[4] == 'Z'
        && head[5] == 0) {
      return Kind.XZ;
    }
    if (n >= 4 && b(head, 0) == 0x28 && b(head, 1) == 0xb5 && b(head, 2) == 0x2f && b(head, 3) == 0xfd) {
      return Kind.ZSTD;
    }
    if (Zips.isZipHead(head, n)) {
      return Kind.ZIP;
    }
    return Kind.NONE;
  }

  /** The compression {@code in} starts with, looked at without consuming it. */
  static Kind peek(BufferedInputStream in) throws IOException {
    byte[] head = new byte[MAGIC_BYTES];
    in.mark(MAGIC_BYTES);
    int n = 0;
    for (int r; n < MAGIC_BYTES && (r = in.read(head, n, MAGIC_BYTES - n)) > 0; ) {
      n += r;
    }
    in.reset();
    return detect(head, n);
  }

  /** {@code in} unpacked layer by layer while its first bytes name a compression. */
  static InputStream byContent(InputStream in) throws IOException {
    BufferedInputStream buffered = buffered(in);
    for (int layer = 0; layer < MAX_LAYERS; layer++) {
      Kind kind = peek(buffered);
      if (kind == Kind.NONE) {
        return buffered;
      }
      buffered = buffered(open(kind, buffered));
    }
    return buffered;
  }

  private static InputStream open(Kind kind, InputStream in) throws IOException {
    try {
      InputStream unpacked = switch (kind) {
        case GZIP -> new GZIPInputStream(in, BUFFER);
        case BZIP2 -> new BZip2CompressorInputStream(in, true);
        case XZ -> new XZInputStream(in);
        case ZSTD -> new ZstdInputStream(in);
        case ZIP -> Zips.entriesOf(new ZipInputStream(in));
        case NONE -> in;
      };
      return new Named(unpacked, kind);
    } catch (IOException | RuntimeException e) {
      throw damaged(kind, e, "starts like a " + kind.label() + " file but is not one");
    }
  }

  private static BufferedInputStream buffered(InputStream in) {
    return in instanceof BufferedInputStream b ? b : new BufferedInputStream(in, BUFFER);
  }

  private static int b(byte[] head, int i) {
    return head[i] & 0xff;
  }

  static IOException damaged(Kind kind, Exception e, String what) {
    if (e instanceof DamagedInput inner) {
      return inner;
    }
    String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return new DamagedInput(what + " (" + m + ")", e);
  }

  /** Compressed input that cannot be unpacked; its message says which compression and why. */
  static final class DamagedInput extends IOException {
    private static final long serialVersionUID = 1L;

    DamagedInput(String message, Exception cause) {
      super(message, cause);
    }
  }

  /** A decompressing stream whose read failures say which compression broke. */
  private static final class Named extends FilterInputStream {
    private final Kind kind;

    Named(InputStream in, Kind kind) {
      super(in);
      this.kind = kind;
    }

    @Override
    public int read() throws IOException {
      return guarded(() -> super.read());
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      return guarded(() -> super.read(b, off, len));
    }

    /** XZ and others keep a read's failure and throw it again from here: it must say the same. */
    @Override
    public int available() throws IOException {
      return guarded(() -> super.available());
    }

    @Override
    public long skip(long n) throws IOException {
      return guarded(() -> super.skip(n));
    }

    private interface Call<T> {
      T call() throws IOException;
    }

    private <T> T guarded(Call<T> call) throws IOException {
      try {
        return call.call();
      } catch (IOException | RuntimeException e) {
        throw damaged(kind, e, "the " + kind.label() + " data is cut short or damaged");
      }
    }
  }
}
