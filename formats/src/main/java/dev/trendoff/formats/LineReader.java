package dev.trendoff.formats;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads lines of bytes ({@code \n} or {@code \r\n} ends) and decodes them strictly: a line longer than
 * {@code maxLineBytes} or not valid in the charset comes back as a problem with its line number, and
 * reading goes on with the next line. A UTF-8 byte-order mark at the very start is dropped.
 */
public final class LineReader implements RecordReader {

  private final InputStream in;
  private final CharsetDecoder decoder;
  private final boolean asciiCompatible;
  private final int maxLineBytes;
  private final byte[] buf = new byte[1 << 16];
  private int pos;
  private int end;
  private byte[] line = new byte[1024];
  private int len;
  private long number;
  private boolean eof;

  public LineReader(InputStream in, Charset charset, int maxLineBytes) {
    this.in = in;
    this.decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    this.asciiCompatible = charset.equals(StandardCharsets.UTF_8) || charset.equals(StandardCharsets.ISO_8859_1)
        || charset.equals(StandardCharsets.US_ASCII);
    this.maxLineBytes = maxLineBytes;
  }

  /** The next line (its {@link TextRecord#line()} is its 1-based number), or null at the end of the input. */
  @Override
  public TextRecord next() throws IOException {
    len = 0;
    long total = 0;
    boolean sawAny = false;
    while (true) {
      if (pos == end && !fill()) {
        if (!sawAny) {
          return null;
        }
        break;
      }
      sawAny = true;
      int nl = indexOfNewline(buf, pos, end);
      int stop = nl < 0 ? end : nl;
      int n = stop - pos;
      total += n;
      // past the limit, only the start of the line is kept (for the reject file)
      append(pos, total > maxLineBytes ? Math.max(0, Math.min(n, Rejection.MAX_RAW_CHARS - len)) : n);
      pos = stop;
      if (nl >= 0) {
        pos++;
        break;
      }
    }
    number++;
    if (total > maxLineBytes) {
      String head = new String(line, 0, Math.min(len, Rejection.MAX_RAW_CHARS), StandardCharsets.ISO_8859_1);
      return new TextRecord(number, null, new Rejection(RejectReason.LINE_TOO_LONG,
          "line " + number + " has " + total + " bytes, more than the limit of " + maxLineBytes, head));
    }
    if (len > 0 && line[len - 1] == '\r') {
      len--;
    }
    int start = 0;
    if (number == 1 && len >= 3 && (line[0] & 0xFF) == 0xEF && (line[1] & 0xFF) == 0xBB && (line[2] & 0xFF) == 0xBF) {
      start = 3;
    }
    return decode(start, len);
  }

  private TextRecord decode(int start, int len) {
    if (asciiCompatible && isAscii(line, start, len)) {
      return new TextRecord(number, new String(line, start, len - start, StandardCharsets.ISO_8859_1), null);
    }
    try {
      String s = decoder.reset().decode(ByteBuffer.wrap(line, start, len - start)).toString();
      return new TextRecord(number, s, null);
    } catch (CharacterCodingException e) {
      String lossy = new String(line, start, len - start, decoder.charset());
      return new TextRecord(number, null, new Rejection(RejectReason.INVALID_ENCODING,
          "line " + number + " is not valid " + decoder.charset().name(), lossy));
    }
  }

  private boolean fill() throws IOException {
    if (eof) {
      return false;
    }
    int n = in.read(buf, 0, buf.length);
    while (n == 0) {
      n = in.read(buf, 0, buf.length);
    }
    if (n < 0) {
      eof = true;
      pos = end = 0;
      return false;
    }
    pos = 0;
    end = n;
    return true;
  }

  private void append(int from, int n) {
    if (len + n > line.length) {
      line = Arrays.copyOf(line, Math.max(line.length * 2, len + n));
    }
    System.arraycopy(buf, from, line, len, n);
    len += n;
  }

  private static int indexOfNewline(byte[] b, int from, int to) {
    for (int i = from; i < to; i++) {
      if (b[i] == '\n') {
        return i;
      }
    }
    return -1;
  }

  private static boolean isAscii(byte[] b, int from, int to) {
    for (int i = from; i < to; i++) {
      if (b[i] < 0) {
        return false;
      }
    }
    return true;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
