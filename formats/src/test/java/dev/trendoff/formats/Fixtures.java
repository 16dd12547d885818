package dev.trendoff.formats;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Test fixtures under formats/src/test/resources/fixtures, read through the real formats. Other
 * modules' tests (ingest-producer's ProduceIT) get them from this module's test jar.
 */
public final class Fixtures {
  private Fixtures() {}

  /** The limits of the reference configuration (256 KiB lines, 50 lines a CSV record). */
  public static final ReadLimits LIMITS = new ReadLimits(256 * 1024, 50);

  private static Path copies;

  /** The fixture as a file: itself, or (read from the test jar) a copy of the same name in a temporary folder. */
  public static synchronized Path path(String name) {
    URL url = Fixtures.class.getResource("/fixtures/" + name);
    if (url == null) {
      throw new IllegalArgumentException("no fixture " + name);
    }
    try {
      if ("file".equals(url.getProtocol())) {
        return Path.of(url.toURI());
      }
      if (copies == null) {
        copies = Files.createTempDirectory("trendoff-fixtures");
        copies.toFile().deleteOnExit();
      }
      Path copy = copies.resolve(name);
      if (!Files.exists(copy)) {
        Files.createDirectories(copy.getParent());
        try (InputStream in = url.openStream()) {
          Files.copy(in, copy);
        }
        copy.toFile().deleteOnExit();
      }
      return copy;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Line {@code n} (1-based) of a fixture, decoded as UTF-8 (other lines may not be valid UTF-8). */
  public static String line(String name, int n) {
    try {
      byte[] all = Files.readAllBytes(path(name));
      int start = 0;
      for (int i = 1; i < n; i++) {
        start = indexOf(all, start) + 1;
      }
      int end = indexOf(all, start);
      return new String(all, start, (end < 0 ? all.length : end) - start, java.nio.charset.StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static int indexOf(byte[] b, int from) {
    for (int i = from; i < b.length; i++) {
      if (b[i] == '\n') {
        return i;
      }
    }
    return -1;
  }

  /** Every record of fixture {@code name} read as format {@code format}, in order. */
  public static List<ParseResult> read(String format, String name) {
    return readAll(TweetFormats.named(format).source(path(name).toString(), LIMITS));
  }

  /** Every record of a source, in order. */
  public static List<ParseResult> readAll(RecordSource source) {
    List<ParseResult> out = new ArrayList<>();
    try (source) {
      for (ParseResult r; (r = source.next()) != null; ) {
        out.add(r);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /** The files of each hand-written X archive under fixtures/x-archive (and x-archive-broken). */
  public static final java.util.Map<String, List<String>> ARCHIVE_FILES = java.util.Map.of(
      "x-archive/alice", List.of("data/account.js", "data/tweets.js", "data/tweets-part1.js", "data/note-tweet.js",
          "data/tweet-headers.js", "data/deleted-tweets.js"),
      "x-archive/bob", List.of("data/account.js", "data/tweet.js", "data/tweet-part1.js"),
      "x-archive-broken/carol", List.of("data/tweets.js"));

  /**
   * The hand-written archive {@code fixture} (a key of {@link #ARCHIVE_FILES}) packed as X packs it: a
   * zip with the folder {@code data/}, its .js files and a media file, written to {@code dir/NAME.zip}.
   */
  public static Path archiveZip(String fixture, Path dir) {
    Path zip = dir.resolve(fixture.substring(fixture.lastIndexOf('/') + 1) + ".zip");
    try (java.util.zip.ZipOutputStream out = new java.util.zip.ZipOutputStream(Files.newOutputStream(zip))) {
      out.putNextEntry(new java.util.zip.ZipEntry("data/"));
      out.closeEntry();
      for (String f : ARCHIVE_FILES.get(fixture)) {
        out.putNextEntry(new java.util.zip.ZipEntry(f));
        out.write(Files.readAllBytes(path(fixture + "/" + f)));
        out.closeEntry();
      }
      out.putNextEntry(new java.util.zip.ZipEntry("data/tweets_media/1626938917378342912-Fp1a2b3c.jpg"));
      out.write(new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0, 'J', 'F', 'I', 'F'});
      out.closeEntry();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return zip;
  }

  /** Each result as "tweet" or its reject reason's code, in order. */
  public static List<String> outcomes(List<ParseResult> parsed) {
    return parsed.stream().map(p -> p.isTweet() ? "tweet" : p.rejection().reason().code()).toList();
  }

  public static List<dev.trendoff.avro.Tweet> tweetsOf(List<ParseResult> parsed) {
    return parsed.stream().filter(ParseResult::isTweet).map(ParseResult::tweet).toList();
  }
}
