package dev.trendoff.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.trendoff.core.UserError;

/**
 * The compressed fixtures under fixtures/compressed were written by the gzip, bzip2, xz, zstd and zip
 * tools (each .jsonl.* as two streams one after the other, as parallel compressors write them):
 * every one reads as the plain file it holds, whatever its name.
 */
class DecompressionTest {

  @TempDir Path dir;

  static List<ParseResult> read(String format, Path file) {
    return Fixtures.readAll(TweetFormats.named(format).source(file.toString(), Fixtures.LIMITS));
  }

  static void sameAs(List<ParseResult> got, List<ParseResult> plain) {
    assertThat(Fixtures.outcomes(got)).isEqualTo(Fixtures.outcomes(plain));
    assertThat(Fixtures.tweetsOf(got)).isEqualTo(Fixtures.tweetsOf(plain));
  }

  @Test
  void gzipBzip2XzZstdAndZipAreRecognisedByContentNotName() throws IOException {
    List<ParseResult> plain = Fixtures.read("jsonl", "statuses.jsonl");
    for (String name : List.of("statuses.jsonl.gz", "statuses.jsonl.bz2", "statuses.jsonl.xz", "statuses.jsonl.zst",
        "statuses.zip")) {
      Path nameless = Files.copy(Fixtures.path("compressed/" + name), dir.resolve("tweets-" + name.hashCode()));
      List<ParseResult> got = read("jsonl", nameless);
      assertThat(got).as(name).hasSize(14);
      sameAs(got, plain);
    }
  }

  @Test
  void aZipOfCompressedFilesIsReadFileAfterFileAndMacOsCopiesArePassedOver() {
    sameAs(read("x-v2", Fixtures.path("compressed/x-v2.zip")), Fixtures.read("x-v2", "x-v2.jsonl"));
    sameAs(read("x-v2", Fixtures.path("compressed/x-v2.jsonl.bz2")), Fixtures.read("x-v2", "x-v2.jsonl"));
    sameAs(read("x-v2", Fixtures.path("compressed/x-v2.jsonl.xz")), Fixtures.read("x-v2", "x-v2.jsonl"));
  }

  @Test
  void detectionLooksAtTheFirstBytesOnly() {
    assertThat(Decompression.detect(new byte[] {'B', 'Z', 'h', '9', 0, 0}, 6)).isEqualTo(Decompression.Kind.BZIP2);
    assertThat(Decompression.detect(new byte[] {'B', 'Z', 'h', 'x', 0, 0}, 6)).isEqualTo(Decompression.Kind.NONE);
    assertThat(Decompression.detect(new byte[] {'{', '"'}, 2)).isEqualTo(Decompression.Kind.NONE);
    assertThat(Decompression.detect(new byte[] {0x1f}, 1)).isEqualTo(Decompression.Kind.NONE);
    assertThat(Decompression.detect(new byte[] {'P', 'K', 5, 6}, 4)).isEqualTo(Decompression.Kind.ZIP);
  }

  @Test
  void aCompressedFileCutShortFailsNamingItsCompressionAfterTheLinesBeforeTheCut() throws IOException {
    for (String name : List.of("statuses.jsonl.bz2", "statuses.jsonl.xz", "statuses.jsonl.zst", "statuses.jsonl.gz")) {
      // 100 copies of the fixture, one after the other (the decompressors read concatenated streams),
      // so that the cut comes long after the first buffer of lines
      byte[] one = Files.readAllBytes(Fixtures.path("compressed/" + name));
      java.io.ByteArrayOutputStream copies = new java.io.ByteArrayOutputStream();
      for (int i = 0; i < 100; i++) {
        copies.writeBytes(one);
      }
      byte[] whole = copies.toByteArray();
      Path cut = Files.write(dir.resolve("cut-" + name), Arrays.copyOf(whole, whole.length - 40));
      String kind = name.substring(name.lastIndexOf('.') + 1);
      String label = switch (kind) {
        case "bz2" -> "bzip2";
        case "zst" -> "zstd";
        case "gz" -> "gzip";
        default -> kind;
      };
      int[] read = {0};
      assertThatThrownBy(() -> {
        try (RecordSource s = TweetFormats.named("jsonl").source(cut.toString(), Fixtures.LIMITS)) {
          while (s.next() != null) {
            read[0]++;
          }
        }
      }).as(name).isInstanceOf(IOException.class).hasMessageStartingWith("the " + label + " data is cut short or damaged");
      assertThat(read[0]).as(name + ": the lines before the cut were read").isGreaterThan(100);
    }
  }

  @Test
  void aFileThatOnlyStartsLikeACompressionIsOneLine() throws IOException {
    Path fake = Files.write(dir.resolve("fake.bz2"), new byte[] {'B', 'Z', 'h', '9', 'n', 'o', 't', ' ', 'b', 'z', 'i', 'p'});
    assertThatThrownBy(() -> read("jsonl", fake)).isInstanceOf(UserError.class)
        .hasMessageStartingWith(fake + " starts like a bzip2 file but is not one");
    Path cutZip = Files.write(dir.resolve("cut.zip"), Arrays.copyOf(Files.readAllBytes(Fixtures.path("compressed/statuses.zip")), 100));
    assertThatThrownBy(() -> read("jsonl", cutZip)).isInstanceOf(UserError.class)
        .hasMessageStartingWith("cut.zip is not a whole zip file");
  }
}
