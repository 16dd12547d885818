package dev.trendoff.avro;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.message.BadHeaderException;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.message.MissingSchemaException;
import org.apache.avro.message.SchemaStore;

/**
 * Encodes and decodes {@link Tweet}s with Avro single-object encoding: a two-byte marker, the
 * writer schema's 64-bit fingerprint, then the binary record. A reader resolves older or newer
 * writer schemas it knows to its own: the current one, every earlier one of {@link #HISTORY} (so
 * tweets a previous release wrote into the topic still decode after an upgrade), and any given to it.
 *
 * <p>Instances are thread-safe and cheap to share; use {@link #shared()} unless you need extra
 * writer schemas.
 */
public final class TweetCodec {

  /**
   * The earlier versions of Tweet.avsc, oldest first, as resources under dev/trendoff/avro/history/:
   * a change of the schema adds the version it replaces here.
   */
  public static final List<String> HISTORY = List.of("Tweet-1.avsc");

  private static final TweetCodec SHARED = new TweetCodec();

  /** Single-object encoding: {@code C3 01}, the writer schema's 8-byte fingerprint (little-endian), the record. */
  private static final int HEADER = 10;

  private final BinaryMessageEncoder<Tweet> encoder = Tweet.getEncoder();
  private final BinaryMessageDecoder<Tweet> decoder;
  private final SchemaStore writerSchemas;
  private final long ownFingerprint = SchemaNormalization.parsingFingerprint64(Tweet.getClassSchema());
  /** The schemas of {@link #HISTORY} by fingerprint, so their messages get the same length check. */
  private final Map<Long, Schema> historySchemas = new HashMap<>();

  /** A codec that knows the current schema and its history. */
  public TweetCodec() {
    this(new SchemaStore.Cache());
  }

  /**
   * A codec that also resolves records written with the schemas in {@code otherWriterSchemas}
   * (for example a newer producer's schema with an added field).
   */
  public TweetCodec(SchemaStore otherWriterSchemas) {
    this.decoder = Tweet.createDecoder(otherWriterSchemas);
    this.writerSchemas = otherWriterSchemas;
    for (Schema earlier : history()) {
      decoder.addSchema(earlier);
      historySchemas.put(SchemaNormalization.parsingFingerprint64(earlier), earlier);
    }
  }

  /** The earlier schemas of {@link #HISTORY}. */
  public static List<Schema> history() {
    List<Schema> out = new ArrayList<>();
    for (String name : HISTORY) {
      try (InputStream in = TweetCodec.class.getResourceAsStream("history/" + name)) {
        if (in == null) {
          throw new IllegalStateException("no schema resource dev/trendoff/avro/history/" + name);
        }
        out.add(new Schema.Parser().parse(in));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return out;
  }

  public static TweetCodec shared() {
    return SHARED;
  }

  public static Schema schema() {
    return Tweet.getClassSchema();
  }

  public byte[] encode(Tweet tweet) {
    try {
      ByteBuffer buf = encoder.encode(tweet);
      return Arrays.copyOfRange(buf.array(), buf.arrayOffset() + buf.position(),
          buf.arrayOffset() + buf.limit());
    } catch (IOException | AvroRuntimeException | NullPointerException | ClassCastException e) {
      throw new IllegalArgumentException("cannot encode tweet " + tweet.getId() + ": " + e.getMessage(), e);
    }
  }

  /** Decodes one single-object-encoded tweet, or throws a {@link TweetDecodeException} saying why not. */
  public Tweet decode(byte[] bytes) throws TweetDecodeException {
    if (bytes == null || bytes.length == 0) {
      throw new TweetDecodeException(TweetDecodeException.Reason.EMPTY, "empty message");
    }
    Schema writer = writerSchema(bytes);
    if (writer != null && !EncodedLengths.fit(writer, bytes, HEADER)) {
      throw new TweetDecodeException(TweetDecodeException.Reason.CORRUPT,
          "corrupt Avro record: it announces a string or collection longer than the message's " + bytes.length + " bytes");
    }
    try {
      return decoder.decode(bytes);
    } catch (MissingSchemaException e) {
      throw new TweetDecodeException(TweetDecodeException.Reason.UNKNOWN_SCHEMA,
          "written with a schema this reader does not know: " + e.getMessage(), e);
    } catch (BadHeaderException e) {
      throw new TweetDecodeException(TweetDecodeException.Reason.NOT_AVRO,
          "not an Avro single-object message: " + e.getMessage(), e);
    } catch (IOException | RuntimeException e) {
      throw new TweetDecodeException(TweetDecodeException.Reason.CORRUPT,
          "corrupt Avro record: " + e.getClass().getSimpleName()
              + (e.getMessage() == null ? "" : ": " + e.getMessage()), e);
    }
  }

  /** The writer schema a single-object message names, when its header is well formed and the schema known; else null. */
  private Schema writerSchema(byte[] bytes) {
    if (bytes.length < HEADER || bytes[0] != (byte) 0xC3 || bytes[1] != (byte) 0x01) {
      return null;
    }
    long fp = ByteBuffer.wrap(bytes, 2, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
    if (fp == ownFingerprint) {
      return Tweet.getClassSchema();
    }
    Schema earlier = historySchemas.get(fp);
    return earlier != null ? earlier : writerSchemas.findByFingerprint(fp);
  }
}
