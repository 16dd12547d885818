package dev.trendoff.formats;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;

/**
 * Recognises a compressed input by its first bytes, not its name (standard input has none): gzip
 * ({@code 1f 8b}) is unpacked, anything else is read as it is. Another compression is one more
 * magic number here.
 */
final class Decompression {
  private Decompression() {}

  private static final int BUFFER = 1 << 16;

  static InputStream byContent(BufferedInputStream in) throws IOException {
    in.mark(2);
    int b1 = in.read();
    int b2 = in.read();
    in.reset();
    return b1 == 0x1f && b2 == 0x8b ? new GZIPInputStream(in, BUFFER) : in;
  }
}
