package dev.trendoff.avro;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Arrays;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/**
 * Whatever bytes a foreign producer puts on the topic, decoding gives a tweet or a typed
 * {@link TweetDecodeException}: never another exception, never an error that would stop a layer.
 */
class TweetCodecPropertyTest {

  private static final byte[] HEADER = Arrays.copyOf(TweetCodec.shared().encode(TweetCodecTest.sample()), 10);

  @Property(tries = 2000)
  void arbitraryBytesDecodeOrGiveATypedReason(@ForAll @Size(max = 300) byte[] bytes) {
    assertDecodesOrRejects(bytes);
  }

  /** Past the single-object header, so that the bytes reach Avro's binary decoder. */
  @Property(tries = 3000)
  void arbitraryBodiesBehindAValidHeaderDecodeOrGiveATypedReason(@ForAll @Size(max = 300) byte[] body) {
    byte[] bytes = new byte[HEADER.length + body.length];
    System.arraycopy(HEADER, 0, bytes, 0, HEADER.length);
    System.arraycopy(body, 0, bytes, HEADER.length, body.length);
    assertDecodesOrRejects(bytes);
  }

  /** A real tweet's encoding with some bytes changed or cut: lengths and unions go wrong in every way. */
  @Property(tries = 3000)
  void damagedEncodingsDecodeOrGiveATypedReason(@ForAll("damaged") byte[] bytes) {
    assertDecodesOrRejects(bytes);
  }

  @Provide
  Arbitrary<byte[]> damaged() {
    byte[] good = TweetCodec.shared().encode(TweetCodecTest.sample());
    Arbitrary<Integer> at = Arbitraries.integers().between(10, good.length - 1);
    Arbitrary<Byte> value = Arbitraries.bytes();
    Arbitrary<Integer> keep = Arbitraries.integers().between(10, good.length);
    return at.list().ofMaxSize(4).flatMap(positions -> value.list().ofSize(positions.size()).flatMap(values ->
        keep.map(n -> {
          byte[] b = Arrays.copyOf(good, good.length);
          for (int i = 0; i < positions.size(); i++) {
            b[positions.get(i)] = values.get(i);
          }
          return Arrays.copyOf(b, n);
        })));
  }

  /** Any text and screen name round-trips: what the layers check afterwards is theirs, not the codec's. */
  @Property(tries = 500)
  void anyStringsRoundTrip(@ForAll String user, @ForAll String text, @ForAll long id) throws Exception {
    Tweet t = Tweet.newBuilder().setId(id).setUserScreenName(user).setText(text)
        .setCreatedAt(Instant.ofEpochMilli(0)).build();
    Tweet back = TweetCodec.shared().decode(TweetCodec.shared().encode(t));
    assertThat(back.getId()).isEqualTo(id);
    assertThat(back.getUserScreenName().toString()).isEqualTo(new String(user.getBytes(java.nio.charset.StandardCharsets.UTF_8),
        java.nio.charset.StandardCharsets.UTF_8));
  }

  private static void assertDecodesOrRejects(byte[] bytes) {
    try {
      Tweet t = TweetCodec.shared().decode(bytes);
      assertThat(t).isNotNull();
    } catch (TweetDecodeException e) {
      assertThat(e.reason()).isNotNull();
      assertThat(e.getMessage()).isNotBlank();
    }
  }
}
