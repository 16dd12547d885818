package dev.trendoff.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.XZInputStream;
import org.tukaani.xz.XZOutputStream;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.luben.zstd.ZstdInputStream;
import com.github.luben.zstd.ZstdOutputStream;

import dev.trendoff.avro.Tweet;
import dev.trendoff.formats.ParseResult;
import dev.trendoff.formats.ReadLimits;
import dev.trendoff.formats.RecordSource;
import dev.trendoff.formats.TweetFormats;
import dev.trendoff.producer.SyntheticTweets;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./trendoff bench formats}: how many tweets a second each file format reads (open, unpack,
 * split, parse into Avro tweets: what produce and load-csv do before Kafka or Spark), beside a baseline
 * on the same file in the same run: the least any reader of that file must do (unpack with the same
 * library, split lines or array elements, and parse each record with Jackson or commons-csv, making
 * nothing of it). The files are written first, each record shaped like the format's documented
 * example (the hand-written fixtures of formats/src/test/resources/fixtures), filled with the synthetic
 * tweets' users, ids, times and texts. No Kafka, Cassandra or Spark.
 */
@Command(name = "formats", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Tweets a second of each file format (read, unpack, parse) beside a plain Jackson/commons-csv reader of the same file.",
        "Needs no stack."})
public final class FormatsBench implements Callable<Integer> {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final DateTimeFormatter V11_TIME =
      DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss Z yyyy", Locale.ENGLISH).withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter S140_TIME =
      DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss 'UTC' yyyy", Locale.ENGLISH).withZone(ZoneOffset.UTC);
  private static final ReadLimits LIMITS = new ReadLimits(256 * 1024, 50);

  @Option(names = "--tweets", defaultValue = "100000", description = "tweets in each file (default ${DEFAULT-VALUE})")
  int tweets;

  @Option(names = "--users", defaultValue = "1000", description = "authors (default ${DEFAULT-VALUE})")
  int users;

  @Option(names = "--rounds", defaultValue = "3", description = "timed rounds of each reader; the best is shown (default ${DEFAULT-VALUE})")
  int rounds;

  @Option(names = "--dir", description = "where the files are written (default: a temporary folder, removed after)")
  Path dir;

  /** One file and the two ways of reading it. */
  record Case(String label, String format, Path file, Baseline baseline) {}

  @FunctionalInterface
  interface Baseline {
    long read(Path file) throws IOException;
  }

  @Override
  public Integer call() throws Exception {
    boolean temporary = dir == null;
    Path d = temporary ? Files.createTempDirectory("trendoff-bench-formats") : Files.createDirectories(dir);
    try {
      List<Tweet> data = new SyntheticTweets(42, users, tweets).stream().toList();
      System.out.printf(Locale.ROOT, "bench formats: %,d tweets of %,d users a file, in %s%n", tweets, users, d);
      List<Case> cases = write(d, data);
      System.out.printf(Locale.ROOT, "%-22s %10s %14s %16s %7s%n", "file", "size", "trendoff", "baseline", "ratio");
      for (Case c : cases) {
        double[][] both = best(() -> readWithTrendoff(c), () -> c.baseline().read(c.file()));
        double[] ours = both[0];
        double[] base = both[1];
        System.out.printf(Locale.ROOT, "%-22s %8.1f MB %,10.0f t/s %,12.0f t/s %7.2f%n", c.label(),
            Files.size(c.file()) / 1e6, ours[0], base[0], ours[0] / base[0]);
        if ((long) ours[1] != tweets) {
          System.out.printf(Locale.ROOT, "  (trendoff read %,d tweets of %,d)%n", (long) ours[1], tweets);
        }
      }
      System.out.println("t/s: tweets a second, best of " + rounds + " rounds (taking turns) after a warm-up; ratio = trendoff / baseline");
      return 0;
    } finally {
      if (temporary) {
        try (var files = Files.walk(d)) {
          files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
      }
    }
  }

  private interface Run {
    long run() throws IOException;
  }

  /**
   * For each of the two readers, {best tweets a second, tweets read} over a warm-up and {@code rounds}
   * timed rounds, the two taking turns (a machine whose load changes changes both alike).
   */
  private double[][] best(Run a, Run b) throws IOException {
    double[][] out = {{0, a.run()}, {0, b.run()}};
    Run[] runs = {a, b};
    for (int i = 0; i < rounds; i++) {
      for (int k = 0; k < 2; k++) {
        long t0 = System.nanoTime();
        long n = runs[k].run();
        out[k][0] = Math.max(out[k][0], n / ((System.nanoTime() - t0) / 1e9));
        out[k][1] = n;
      }
    }
    return out;
  }

  private static long readWithTrendoff(Case c) throws IOException {
    long n = 0;
    try (RecordSource s = TweetFormats.named(c.format()).source(c.file().toString(), LIMITS)) {
      for (ParseResult r; (r = s.next()) != null; ) {
        if (r.isTweet()) {
          n++;
        }
      }
    }
    return n;
  }

  private List<Case> write(Path d, List<Tweet> data) throws IOException {
    List<Case> cases = new ArrayList<>();
    Path jsonl = lines(d.resolve("statuses.jsonl"), data, StandardCharsets.UTF_8, FormatsBench::status);
    cases.add(new Case("jsonl", "jsonl", jsonl, f -> jsonLines(Files.newInputStream(f))));
    cases.add(new Case("jsonl.gz", "jsonl", compressed(jsonl, d.resolve("statuses.jsonl.gz"), GZIPOutputStream::new),
        f -> jsonLines(new GZIPInputStream(buffered(f), 1 << 16))));
    cases.add(new Case("jsonl.bz2", "jsonl", compressed(jsonl, d.resolve("statuses.jsonl.bz2"), BZip2CompressorOutputStream::new),
        f -> jsonLines(new BZip2CompressorInputStream(buffered(f), true))));
    cases.add(new Case("jsonl.xz", "jsonl", compressed(jsonl, d.resolve("statuses.jsonl.xz"),
        out -> new XZOutputStream(out, new LZMA2Options(1))), f -> jsonLines(new XZInputStream(buffered(f)))));
    cases.add(new Case("jsonl.zst", "jsonl", compressed(jsonl, d.resolve("statuses.jsonl.zst"), ZstdOutputStream::new),
        f -> jsonLines(new ZstdInputStream(buffered(f)))));
    cases.add(new Case("jsonl.zip", "jsonl", zipped(jsonl, d.resolve("statuses.zip")), f -> {
      try (ZipInputStream z = new ZipInputStream(buffered(f))) {
        z.getNextEntry();
        return jsonLines(z);
      }
    }));
    Path fth = lines(d.resolve("usa.csv"), data, StandardCharsets.UTF_8, FormatsBench::followTheHashtag);
    cases.add(new Case("followthehashtag", "followthehashtag", withHeader(fth), f -> csv(f, StandardCharsets.UTF_8, true)));
    cases.add(new Case("sentiment140", "sentiment140", lines(d.resolve("s140.csv"), data, StandardCharsets.ISO_8859_1,
        FormatsBench::sentiment140), f -> csv(f, StandardCharsets.ISO_8859_1, false)));
    cases.add(new Case("x-v2 (pages of 100)", "x-v2", v2Pages(d.resolve("search.jsonl"), data), f -> v2Baseline(f)));
    cases.add(new Case("x-archive (zip)", "x-archive", archive(d.resolve("archive.zip"), data), FormatsBench::archiveBaseline));
    return cases;
  }

  // ---- the files, shaped like the documented examples

  private static Path lines(Path f, List<Tweet> data, Charset cs, Function<Tweet, String> line) throws IOException {
    try (Writer w = Files.newBufferedWriter(f, cs)) {
      for (Tweet t : data) {
        w.write(line.apply(t));
        w.write('\n');
      }
    }
    return f;
  }

  /** A v1.1 status like fixtures/statuses.jsonl line 1: the user object, entities, counts, place. */
  private static String status(Tweet t) {
    ObjectNode s = JSON.createObjectNode();
    s.put("created_at", V11_TIME.format(t.getCreatedAt())).put("id", t.getId()).put("id_str", Long.toString(t.getId()))
        .put("text", t.getText().toString()).put("source", "<a href=\"http://twitter.com\" rel=\"nofollow\">Twitter Web Client</a>")
        .put("truncated", false).putNull("in_reply_to_status_id");
    ObjectNode u = s.putObject("user");
    u.put("id", 783214).put("id_str", "783214").put("name", t.getUserScreenName() + " Name")
        .put("screen_name", t.getUserScreenName().toString()).put("location", "San Francisco, CA")
        .put("followers_count", 6133636).put("friends_count", 120).put("verified", false).putNull("lang");
    s.putNull("geo").putNull("coordinates").putNull("place");
    s.put("is_quote_status", false).put("quote_count", 0).put("reply_count", 0).put("retweet_count", 161)
        .put("favorite_count", 296);
    ObjectNode e = s.putObject("entities");
    e.putArray("hashtags");
    e.putArray("urls");
    e.putArray("user_mentions");
    s.put("favorited", false).put("retweeted", false).put("possibly_sensitive", false).put("filter_level", "low")
        .put("lang", "en").put("timestamp_ms", Long.toString(t.getCreatedAt().toEpochMilli()));
    return s.toString();
  }

  private static final String FTH_HEADER = "Tweet Id,Date,Hour,User Name,Nickname,Bio,Tweet content,Favs,RTs,Latitude,"
      + "Longitude,Country,Place (as appears on Bio),Profile picture,Followers,Following,Listed,Tweet language (ISO 639-1),Tweet Url";

  private static Path withHeader(Path f) throws IOException {
    Path h = f.resolveSibling("usa-geolocated.csv");
    try (OutputStream out = Files.newOutputStream(h)) {
      out.write((FTH_HEADER + "\n").getBytes(StandardCharsets.UTF_8));
      Files.copy(f, out);
    }
    Files.delete(f);
    return h;
  }

  private static String followTheHashtag(Tweet t) {
    String date = t.getCreatedAt().atZone(ZoneOffset.UTC).toLocalDate().toString();
    String hour = String.format(Locale.ROOT, "%02d:%02d", t.getCreatedAt().atZone(ZoneOffset.UTC).getHour(),
        t.getCreatedAt().atZone(ZoneOffset.UTC).getMinute());
    return String.join(",", Long.toString(t.getId()), date, hour, "\"" + t.getUserScreenName() + " Name\"",
        "@" + t.getUserScreenName(), "\"Data engineer, coffee, streams\"", "\"" + t.getText().toString().replace("\"", "\"\"") + "\"",
        "3", "", "40.7", "-74.0", "US", "\"New York, NY\"", "http://pbs.twimg.com/profile_images/1/a.jpg", "1815", "120", "14",
        "en", "http://twitter.com/" + t.getUserScreenName() + "/status/" + t.getId());
  }

  private static String sentiment140(Tweet t) {
    return String.join(",", "\"4\"", "\"" + t.getId() + "\"", "\"" + S140_TIME.format(t.getCreatedAt()) + "\"", "\"NO_QUERY\"",
        "\"" + t.getUserScreenName() + "\"", "\"" + t.getText().toString().replace("\"", "\"\"") + "\"");
  }

  /** twarc2's pages like fixtures/x-v2.jsonl line 1: 100 posts, their authors in includes.users. */
  private static Path v2Pages(Path f, List<Tweet> data) throws IOException {
    try (Writer w = Files.newBufferedWriter(f, StandardCharsets.UTF_8)) {
      for (int from = 0; from < data.size(); from += 100) {
        ObjectNode page = JSON.createObjectNode();
        ArrayNode posts = page.putArray("data");
        ArrayNode usersOfPage = page.putObject("includes").putArray("users");
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (Tweet t : data.subList(from, Math.min(data.size(), from + 100))) {
          String uid = Integer.toString(Math.abs(t.getUserScreenName().toString().hashCode()));
          ObjectNode p = posts.addObject();
          p.put("id", Long.toString(t.getId())).put("text", t.getText().toString()).put("author_id", uid)
              .put("created_at", t.getCreatedAt().toString()).put("lang", "en").putArray("edit_history_tweet_ids").add(Long.toString(t.getId()));
          p.putObject("public_metrics").put("retweet_count", 4).put("reply_count", 0).put("like_count", 10)
              .put("quote_count", 1).put("bookmark_count", 0).put("impression_count", 512);
          p.put("possibly_sensitive", false);
          if (seen.add(uid)) {
            ObjectNode u = usersOfPage.addObject();
            u.put("id", uid).put("name", t.getUserScreenName() + " Name").put("username", t.getUserScreenName().toString());
            u.putObject("public_metrics").put("followers_count", 513958).put("following_count", 2039)
                .put("tweet_count", 3635).put("listed_count", 1672);
          }
        }
        page.putObject("meta").put("result_count", posts.size()).put("next_token", "b26v89c19zqg8o3fpds");
        w.write(page.toString());
        w.write('\n');
      }
    }
    return f;
  }

  /** An archive like fixtures/x-archive/alice: account.js, then the tweets pretty-printed in parts of 50,000. */
  private static Path archive(Path zip, List<Tweet> data) throws IOException {
    com.fasterxml.jackson.databind.ObjectWriter pretty = JSON.writerWithDefaultPrettyPrinter();
    try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
      out.putNextEntry(new ZipEntry("data/account.js"));
      out.write("window.YTD.account.part0 = [ { \"account\" : { \"username\" : \"bench_user\", \"accountId\" : \"1\" } } ]"
          .getBytes(StandardCharsets.UTF_8));
      int part = 0;
      for (int from = 0; from < data.size(); from += 50_000, part++) {
        out.putNextEntry(new ZipEntry("data/tweets" + (part == 0 ? "" : "-part" + part) + ".js"));
        Writer w = new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8);
        w.write("window.YTD.tweets.part" + part + " = [\n");
        List<Tweet> slice = data.subList(from, Math.min(data.size(), from + 50_000));
        for (int i = 0; i < slice.size(); i++) {
          Tweet t = slice.get(i);
          ObjectNode el = JSON.createObjectNode();
          ObjectNode tw = el.putObject("tweet");
          tw.put("retweeted", false).put("source", "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>");
          ObjectNode e = tw.putObject("entities");
          e.putArray("hashtags");
          e.putArray("symbols");
          e.putArray("user_mentions");
          e.putArray("urls");
          tw.putArray("display_text_range").add("0").add(Integer.toString(t.getText().length()));
          tw.put("favorite_count", "12").put("id_str", Long.toString(t.getId())).put("truncated", false)
              .put("retweet_count", "3").put("id", Long.toString(t.getId())).put("created_at", V11_TIME.format(t.getCreatedAt()))
              .put("favorited", false).put("full_text", t.getText().toString()).put("lang", "en");
          w.write(pretty.writeValueAsString(el));
          w.write(i + 1 < slice.size() ? ",\n" : "\n");
        }
        w.write("]");
        w.flush();
        out.closeEntry();
      }
    }
    return zip;
  }

  private interface Compressor {
    OutputStream wrap(OutputStream out) throws IOException;
  }

  private static Path compressed(Path plain, Path f, Compressor c) throws IOException {
    try (OutputStream out = c.wrap(Files.newOutputStream(f))) {
      Files.copy(plain, out);
    }
    return f;
  }

  private static Path zipped(Path plain, Path f) throws IOException {
    try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(f))) {
      out.putNextEntry(new ZipEntry(plain.getFileName().toString()));
      Files.copy(plain, out);
      out.closeEntry();
    }
    return f;
  }

  // ---- the baselines: split and parse with the libraries, make nothing of it

  private static InputStream buffered(Path f) throws IOException {
    return new java.io.BufferedInputStream(Files.newInputStream(f), 1 << 16);
  }

  private static long jsonLines(InputStream in) throws IOException {
    long n = 0;
    try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16)) {
      for (String line; (line = r.readLine()) != null; ) {
        if (JSON.readTree(line).has("id")) {
          n++;
        }
      }
    }
    return n;
  }

  private static long csv(Path f, Charset cs, boolean header) throws IOException {
    long n = 0;
    CSVFormat format = header ? CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build() : CSVFormat.RFC4180;
    try (Reader r = Files.newBufferedReader(f, cs); CSVParser p = CSVParser.parse(r, format)) {
      for (CSVRecord rec : p) {
        if (rec.size() > 5) {
          n++;
        }
      }
    }
    return n;
  }

  private static long v2Baseline(Path f) throws IOException {
    long n = 0;
    try (BufferedReader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
      for (String line; (line = r.readLine()) != null; ) {
        n += JSON.readTree(line).path("data").size();
      }
    }
    return n;
  }

  private static long archiveBaseline(Path f) throws IOException {
    long n = 0;
    try (ZipFile zip = new ZipFile(f.toFile())) {
      for (ZipEntry e : java.util.Collections.list(zip.entries())) {
        if (!e.getName().startsWith("data/tweets")) {
          continue;
        }
        try (Reader r = new InputStreamReader(zip.getInputStream(e), StandardCharsets.UTF_8)) {
          while (r.read() != '=') {
            // the JavaScript assignment before the array
          }
          try (JsonParser p = JSON.getFactory().createParser(r)) {
            p.nextToken();
            while (p.nextToken() == JsonToken.START_OBJECT) {
              JsonNode el = p.readValueAsTree();
              if (el.has("tweet")) {
                n++;
              }
            }
          }
        }
      }
    }
    return n;
  }
}
