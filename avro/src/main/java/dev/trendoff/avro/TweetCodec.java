package dev.trendoff.avro;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
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

  private final BinaryMessageEncoder<Tweet> encoder = Tweet.getEncoder();
  private final BinaryMessageDecoder<Tweet> decoder;

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
    for (Schema earlier : history()) {
      decoder.addSchema(earlier);
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
}
