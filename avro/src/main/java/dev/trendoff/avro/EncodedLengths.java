package dev.trendoff.avro;

import org.apache.avro.Schema;

/**
 * A walk over an Avro binary record that checks every length it announces (strings, bytes, array and
 * map blocks) fits in the bytes that follow, before Avro's decoder allocates room for it: a message
 * from a foreign producer announcing a string of 2 GB would otherwise make the decoder allocate it,
 * an {@link OutOfMemoryError} that stops the whole layer. Avro's own limit
 * ({@code org.apache.avro.limits.string.maxLength}) is a JVM-wide system property read once.
 */
final class EncodedLengths {

  private static final int MAX_DEPTH = 64;

  private final byte[] buf;
  private int pos;

  private EncodedLengths(byte[] buf, int pos) {
    this.buf = buf;
    this.pos = pos;
  }

  /** Whether the record of {@code schema} starting at {@code start} announces no length beyond the end of {@code buf}. */
  static boolean fit(Schema schema, byte[] buf, int start) {
    try {
      new EncodedLengths(buf, start).walk(schema, 0);
      return true;
    } catch (Overrun e) {
      return false;
    }
  }

  private static final class Overrun extends Exception {
    Overrun() {
      super(null, null, false, false);
    }
  }

  private void walk(Schema s, int depth) throws Overrun {
    if (depth > MAX_DEPTH) {
      throw new Overrun();
    }
    switch (s.getType()) {
      case RECORD -> {
        for (Schema.Field f : s.getFields()) {
          walk(f.schema(), depth + 1);
        }
      }
      case UNION -> {
        long i = varLong();
        if (i < 0 || i >= s.getTypes().size()) {
          throw new Overrun();
        }
        walk(s.getTypes().get((int) i), depth + 1);
      }
      case STRING, BYTES -> skip(varLong());
      case FIXED -> skip(s.getFixedSize());
      case INT, LONG, ENUM -> varLong();
      case FLOAT -> skip(4);
      case DOUBLE -> skip(8);
      case BOOLEAN -> skip(1);
      case NULL -> { }
      case ARRAY -> blocks(s.getElementType(), null, depth);
      case MAP -> blocks(s.getValueType(), Schema.create(Schema.Type.STRING), depth);
      default -> throw new Overrun();
    }
  }

  /** Array or map blocks: a count (negative: followed by the block's size in bytes), items, until a count of 0. */
  private void blocks(Schema item, Schema key, int depth) throws Overrun {
    while (true) {
      long n = varLong();
      if (n == 0) {
        return;
      }
      if (n < 0) {
        n = -n;
        long size = varLong();
        if (size < 0 || size > buf.length - pos) {
          throw new Overrun();
        }
      }
      // the decoder sizes the collection by the count: a count beyond the bytes left is corrupt
      if (n > buf.length - pos) {
        throw new Overrun();
      }
      for (long i = 0; i < n; i++) {
        if (key != null) {
          walk(key, depth + 1);
        }
        walk(item, depth + 1);
      }
    }
  }

  private void skip(long n) throws Overrun {
    if (n < 0 || n > buf.length - pos) {
      throw new Overrun();
    }
    pos += (int) n;
  }

  /** A zig-zag varint of at most 10 bytes. */
  private long varLong() throws Overrun {
    long raw = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (pos >= buf.length) {
        throw new Overrun();
      }
      int b = buf[pos++] & 0xff;
      raw |= (long) (b & 0x7f) << shift;
      if ((b & 0x80) == 0) {
        return (raw >>> 1) ^ -(raw & 1);
      }
    }
    throw new Overrun();
  }
}
