package dev.trendoff.formats;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import com.fasterxml.jackson.databind.JsonNode;

import dev.trendoff.core.UserError;

/**
 * One X archive ("download your data"): the zip, or the folder it unpacks to. Of its files this reads
 * {@code data/account.js} (the author: {@code account.username}, {@code accountDisplayName}), the
 * tweets ({@code data/tweets.js}, {@code data/tweets-part1.js}, ...; older archives call them
 * {@code tweet.js}, {@code tweet-part1.js}) and the long posts ({@code data/note-tweet.js}); each is a
 * {@link YtdFile}. Files are found by their names, in {@code data/} or at the top.
 */
final class XArchive implements Closeable {

  private static final Pattern TWEETS = Pattern.compile("tweets?(?:-part([0-9]+))?\\.js");
  private static final Pattern NOTES = Pattern.compile("note-tweet(?:-part([0-9]+))?\\.js");
  private static final String ACCOUNT = "account.js";

  /** The author, from account.js. */
  record Account(String username, String displayName) {}

  /** A long post of note-tweet.js. */
  record Note(Instant createdAt, String text) {}

  private final String name;
  private final ArchiveFiles files;
  private final Account account;

  private XArchive(String name, ArchiveFiles files) throws IOException {
    this.name = name;
    this.files = files;
    this.account = readAccount();
  }

  /**
   * The archives at {@code path}: a zip file, an unpacked archive's folder, or a folder of those (zips
   * and unpacked folders, by name): several people's archives in one run. Each must have its
   * account.js, or the whole run is refused with one line naming the archive.
   */
  static List<XArchive> at(String path) {
    Path p = Path.of(path);
    if ("-".equals(path)) {
      throw new UserError("x-archive reads a zip file or a folder, not standard input");
    }
    if (!Files.exists(p)) {
      throw new UserError("file not found: " + path);
    }
    List<Path> found = new ArrayList<>();
    if (Files.isDirectory(p) && !isUnpacked(p)) {
      try (Stream<Path> children = Files.list(p)) {
        children.sorted().forEach(c -> {
          if (Files.isDirectory(c) ? isUnpacked(c) : isZipFile(c)) {
            found.add(c);
          }
        });
      } catch (IOException e) {
        throw new UserError("cannot list " + path + ": " + e.getMessage());
      }
      if (found.isEmpty()) {
        throw new UserError("no X archive in " + path + ": expected zip files or unpacked archives (a folder with data/account.js)");
      }
    } else {
      found.add(p);
    }
    List<XArchive> out = new ArrayList<>();
    try {
      for (Path a : found) {
        out.add(open(a));
      }
      return out;
    } catch (RuntimeException e) {
      out.forEach(XArchive::closeQuietly);
      throw e;
    }
  }

  private static XArchive open(Path p) {
    String name = p.getFileName().toString();
    ArchiveFiles files;
    if (Files.isDirectory(p)) {
      files = new Folder(p);
    } else {
      Input.readableFile(p.toString());
      if (!isZipFile(p)) {
        throw new UserError(name + " is not a zip file: an X archive is the zip that 'download your data' gives, or its unpacked folder");
      }
      files = new Zip(Zips.open(p));
    }
    try {
      return new XArchive(name, files);
    } catch (IOException e) {
      closeQuietly(files);
      throw new UserError(name + ": cannot read data/" + ACCOUNT + ": " + e.getMessage());
    } catch (RuntimeException e) {
      closeQuietly(files);
      throw e;
    }
  }

  private static boolean isUnpacked(Path dir) {
    return Stream.of("data/account.js", "account.js", "data/tweets.js", "data/tweet.js")
        .anyMatch(f -> Files.isRegularFile(dir.resolve(f)));
  }

  private static boolean isZipFile(Path f) {
    try {
      return Files.isRegularFile(f) && Zips.isZip(f);
    } catch (IOException e) {
      return false;
    }
  }

  String name() {
    return name;
  }

  Account account() {
    return account;
  }

  /** The tweets files, tweets.js first, then by part number. */
  List<String> tweetFiles() {
    return matching(TWEETS);
  }

  /** Bytes of the tweets files, for progress. */
  long tweetBytes() {
    return tweetFiles().stream().mapToLong(files::size).sum();
  }

  InputStream open(String file) throws IOException {
    return files.open(file);
  }

  /** The long posts of note-tweet.js, by creation time. */
  TreeMap<Instant, List<Note>> notes() throws IOException {
    TreeMap<Instant, List<Note>> notes = new TreeMap<>();
    for (String f : matching(NOTES)) {
      try (YtdFile ytd = new YtdFile(files.open(f))) {
        for (YtdFile.Element e; (e = ytd.next()) != null; ) {
          JsonNode note = e.node().path("noteTweet");
          String text = JsonFields.text(note.path("core"), "text");
          String created = JsonFields.text(note, "createdAt");
          if (text != null && created != null) {
            try {
              notes.computeIfAbsent(Instant.parse(created), k -> new ArrayList<>()).add(new Note(Instant.parse(created), text));
            } catch (java.time.format.DateTimeParseException ignored) {
              // a long post without a usable time cannot be matched: its tweet keeps its first 280 characters
            }
          }
        }
      }
    }
    return notes;
  }

  private Account readAccount() throws IOException {
    List<String> candidates = files.names().stream().filter(n -> base(n).equals(ACCOUNT)).sorted(DATA_FIRST).toList();
    if (candidates.isEmpty()) {
      throw new UserError(name + " has no data/" + ACCOUNT + ": without it the author of its posts is unknown"
          + " (is it a whole X archive?)");
    }
    try (YtdFile ytd = new YtdFile(files.open(candidates.get(0)))) {
      YtdFile.Element first = ytd.next();
      JsonNode account = first == null ? null : first.node().path("account");
      String username = account == null ? null : JsonFields.text(account, "username");
      if (Fields.blank(username)) {
        throw new UserError(name + ": " + candidates.get(0) + " has no account.username");
      }
      return new Account(username.strip(), JsonFields.text(account, "accountDisplayName"));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new UserError(name + ": " + candidates.get(0) + " is not valid JSON: " + e.getOriginalMessage());
    }
  }

  private static final Comparator<String> DATA_FIRST =
      Comparator.comparing((String n) -> !n.startsWith("data/")).thenComparing(Comparator.naturalOrder());

  private List<String> matching(Pattern pattern) {
    List<String> out = new ArrayList<>();
    for (String n : files.names()) {
      if (pattern.matcher(base(n)).matches()) {
        out.add(n);
      }
    }
    out.sort(Comparator.comparingInt((String n) -> part(pattern, n)).thenComparing(DATA_FIRST));
    return out;
  }

  private static int part(Pattern pattern, String name) {
    Matcher m = pattern.matcher(base(name));
    return m.matches() && m.group(1) != null ? Integer.parseInt(m.group(1)) : 0;
  }

  private static String base(String path) {
    return path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
  }

  @Override
  public void close() throws IOException {
    files.close();
  }

  private static void closeQuietly(Closeable c) {
    try {
      c.close();
    } catch (IOException ignored) {
      // closing after another failure
    }
  }

  /** The .js files of an archive: paths with '/', opened by path. */
  private interface ArchiveFiles extends Closeable {
    List<String> names();

    InputStream open(String name) throws IOException;

    long size(String name);
  }

  private static final class Zip implements ArchiveFiles {
    private final ZipFile zip;
    private final Map<String, ZipEntry> js = new TreeMap<>();

    Zip(ZipFile zip) {
      this.zip = zip;
      for (ZipEntry e : Collections.list(zip.entries())) {
        if (Zips.worthReading(e) && e.getName().toLowerCase(Locale.ROOT).endsWith(".js")) {
          js.put(e.getName(), e);
        }
      }
    }

    @Override
    public List<String> names() {
      return List.copyOf(js.keySet());
    }

    @Override
    public InputStream open(String name) throws IOException {
      return zip.getInputStream(js.get(name));
    }

    @Override
    public long size(String name) {
      return Math.max(0, js.get(name).getSize());
    }

    @Override
    public void close() throws IOException {
      zip.close();
    }
  }

  private static final class Folder implements ArchiveFiles {
    private final Path dir;
    private final List<String> js = new ArrayList<>();

    Folder(Path dir) {
      this.dir = dir;
      for (String sub : List.of("", "data/")) {
        try (Stream<Path> s = Files.list(dir.resolve(sub))) {
          s.filter(Files::isRegularFile)
              .map(f -> sub + f.getFileName())
              .filter(n -> n.toLowerCase(Locale.ROOT).endsWith(".js"))
              .sorted()
              .forEach(js::add);
        } catch (IOException e) {
          // no data/ folder: the files are at the top
        }
      }
    }

    @Override
    public List<String> names() {
      return js;
    }

    @Override
    public InputStream open(String name) throws IOException {
      return Files.newInputStream(dir.resolve(name));
    }

    @Override
    public long size(String name) {
      try {
        return Files.size(dir.resolve(name));
      } catch (IOException e) {
        return 0;
      }
    }

    @Override
    public void close() {
    }
  }
}
