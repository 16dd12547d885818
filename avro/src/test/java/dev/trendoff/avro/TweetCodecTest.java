package dev.trendoff.avro;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.message.SchemaStore;
import org.junit.jupiter.api.Test;

class TweetCodecTest {

  static Tweet sample() {
    return Tweet.newBuilder()
        .setId(1050118621198921728L)
        .setUserScreenName("alice")
        .setUserName("Alice Ä. Example")
        .setText("Héllo #world, don’t miss https://t.co/x 🎉")
        .setCreatedAt(Instant.parse("2018-10-10T20:19:24Z"))
        .setLang("en")
        .setFavoriteCount(3)
        .setRetweetCount(null)
        .setIsRetweet(false)
        .setFavorited(true)
        .setRetweeted(false)
        .setPossiblySensitive(null)
        .setUserFollowersCount(1234)
        .setCoordinates(new Coordinates(40.7128, -74.006))
        .setPlace("New York, NY")
        .setSource(TweetSource.JSONL)
        .build();
  }

  @Test
  void roundTripKeepsEveryField() throws Exception {
    Tweet t = sample();
    byte[] bytes = TweetCodec.shared().encode(t);
    // single-object encoding: marker C3 01, then the 8-byte fingerprint of the writer schema
    assertThat(bytes[0]).isEqualTo((byte) 0xC3);
    assertThat(bytes[1]).isEqualTo((byte) 0x01);
    assertThat(TweetCodec.shared().decode(bytes)).isEqualTo(t);
  }

  @Test
  void newerWriterWithAddedOptionalFieldIsReadByThisReader() throws Exception {
    Schema newer = withExtraField(TweetCodec.schema());
    GenericRecord rec = asGeneric(sample(), newer);
    rec.put("quotedStatusId", 42L);
    byte[] bytes = new BinaryMessageEncoder<GenericRecord>(GenericData.get(), newer).encode(rec).array();

    SchemaStore.Cache known = new SchemaStore.Cache();
    known.addSchema(newer);
    Tweet decoded = new TweetCodec(known).decode(bytes);
    assertThat(decoded).isEqualTo(sample());

    // a reader that was never told about the newer schema says so, with a typed reason
    assertThatThrownBy(() -> TweetCodec.shared().decode(bytes))
        .isInstanceOfSatisfying(TweetDecodeException.class,
            e -> assertThat(e.reason()).isEqualTo(TweetDecodeException.Reason.UNKNOWN_SCHEMA));
  }

  @Test
  void tweetsWrittenWithTheSchemaBeforeTheXAndBlueskySourcesStillDecode() throws Exception {
    Schema before = TweetCodec.history().get(0);
    assertThat(before.getField("source").schema().getEnumSymbols())
        .containsExactly("UNKNOWN", "TWITTER", "JSONL", "CSV", "SENTIMENT140", "SYNTHETIC");
    assertThat(TweetCodec.schema().getField("source").schema().getEnumSymbols())
        .contains("X_ARCHIVE", "X_V2", "X_STREAM", "BLUESKY");
    GenericRecord rec = asGeneric(sample(), before);
    byte[] bytes = new BinaryMessageEncoder<GenericRecord>(GenericData.get(), before).encode(rec).array();
    assertThat(TweetCodec.shared().decode(bytes)).isEqualTo(sample());
  }

  @Test
  void olderWriterWithoutAFieldIsReadWithItsDefault() throws Exception {
    Schema older = withoutField(TweetCodec.schema(), "place");
    GenericRecord rec = asGeneric(sample(), older);
    byte[] bytes = new BinaryMessageEncoder<GenericRecord>(GenericData.get(), older).encode(rec).array();

    SchemaStore.Cache known = new SchemaStore.Cache();
    known.addSchema(older);
    Tweet decoded = new TweetCodec(known).decode(bytes);
    Tweet expected = Tweet.newBuilder(sample()).setPlace(null).build();
    assertThat(decoded).isEqualTo(expected);
  }

  @Test
  void newerReaderSchemaReadsWhatThisWriterWrote() throws Exception {
    // the reverse of the first evolution test: a future consumer with the added field reads today's records
    Schema newer = withExtraField(TweetCodec.schema());
    byte[] bytes = TweetCodec.shared().encode(sample());
    var decoder = new org.apache.avro.message.BinaryMessageDecoder<GenericRecord>(GenericData.get(), newer);
    decoder.addSchema(TweetCodec.schema());
    GenericRecord read = decoder.decode(bytes);
    assertThat(read.get("quotedStatusId")).isNull();
    assertThat(read.get("userScreenName").toString()).isEqualTo("alice");
    assertThat(read.get("id")).isEqualTo(sample().getId());
  }

  @Test
  void badMessagesRaiseOneTypedException() {
    byte[] good = TweetCodec.shared().encode(sample());
    byte[] truncated = java.util.Arrays.copyOf(good, 14);
    byte[] plainJson = "{\"id\":1}".getBytes();
    assertReason(new byte[0], TweetDecodeException.Reason.EMPTY);
    assertReason(plainJson, TweetDecodeException.Reason.NOT_AVRO);
    assertReason(truncated, TweetDecodeException.Reason.CORRUPT);
  }

  private static void assertReason(byte[] bytes, TweetDecodeException.Reason reason) {
    assertThatThrownBy(() -> TweetCodec.shared().decode(bytes))
        .isInstanceOfSatisfying(TweetDecodeException.class, e -> assertThat(e.reason()).isEqualTo(reason));
  }

  private static Schema withExtraField(Schema base) {
    List<Schema.Field> fields = copyFields(base, null);
    Schema optionalLong = Schema.createUnion(Schema.create(Schema.Type.NULL), Schema.create(Schema.Type.LONG));
    fields.add(new Schema.Field("quotedStatusId", optionalLong, "added later", Schema.Field.NULL_DEFAULT_VALUE));
    return Schema.createRecord(base.getName(), base.getDoc(), base.getNamespace(), false, fields);
  }

  private static Schema withoutField(Schema base, String dropped) {
    return Schema.createRecord(base.getName(), base.getDoc(), base.getNamespace(), false, copyFields(base, dropped));
  }

  private static List<Schema.Field> copyFields(Schema base, String dropped) {
    List<Schema.Field> fields = new ArrayList<>();
    for (Schema.Field f : base.getFields()) {
      if (!f.name().equals(dropped)) {
        fields.add(new Schema.Field(f, f.schema()));
      }
    }
    return fields;
  }

  private static GenericRecord asGeneric(Tweet t, Schema schema) throws Exception {
    // serialise with the specific writer and read back generically under the target schema
    ByteBuffer bytes = Tweet.getEncoder().encode(t);
    var decoder = new org.apache.avro.message.BinaryMessageDecoder<GenericRecord>(GenericData.get(), schema);
    decoder.addSchema(TweetCodec.schema());
    return decoder.decode(bytes);
  }
}
