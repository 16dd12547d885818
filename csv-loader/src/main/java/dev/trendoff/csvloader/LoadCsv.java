package dev.trendoff.csvloader;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.storage.StorageLevel;

import com.datastax.oss.driver.api.core.CqlSession;

import dev.trendoff.batch.MasterLoads;
import dev.trendoff.batch.MasterRow;
import dev.trendoff.batch.MasterRows;
import dev.trendoff.batch.MasterTable;
import dev.trendoff.core.CassandraSessions;
import dev.trendoff.core.Settings;
import dev.trendoff.formats.FileRecords;
import dev.trendoff.formats.ParseResult;
import dev.trendoff.formats.RecordParser;
import dev.trendoff.formats.RejectFile;
import dev.trendoff.formats.Rejection;
import dev.trendoff.formats.TextRecord;
import dev.trendoff.formats.TweetFormat;
import dev.trendoff.spark.SparkConfs;

/**
 * {@code ./trendoff load-csv [--format F] FILE}: a historical tweet file, of any format of
 * {@link dev.trendoff.formats.TweetFormats}, straight into the master table. The driver reads the
 * file record by record (records may span lines), hands them to Spark in chunks; Spark tasks parse
 * them with the format's parser, map them with the batch layer's {@link MasterRows} (no Kafka
 * partition or offset, but the id of this run, a load of {@link MasterLoads}) and write them through the
 * connector. The next recompute counts them once the run is marked loaded, at its end. Rejected records
 * go to a reject file; a progress line after a chunk, at most one every {@link #PROGRESS_EVERY_NANOS}
 * (and after the last), plain lines whether or not stderr is a terminal; a summary at the end.
 */
public final class LoadCsv {

  public static final String APP_NAME = "trendoff-load-csv";
  static final long PROGRESS_EVERY_NANOS = 5_000_000_000L;

  /** What a load did. */
  public record Summary(Path file, long records, long loaded, long rejected, Path rejectFile, double seconds,
      Map<String, Long> skipped) {
    /** {@code load-csv --json}: the fields of docs/json.md 'load-csv'. */
    public Map<String, Object> json() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("file", file.toString());
      m.put("records", records);
      m.put("loaded", loaded);
      m.put("rejected", rejected);
      m.put("rejectFile", rejectFile == null ? null : rejectFile.toString());
      m.put("skipped", skipped);
      m.put("seconds", Math.round(seconds * 10) / 10.0);
      return m;
    }

    public String line() {
      StringBuilder passed = new StringBuilder();
      skipped.forEach((kind, n) -> passed.append(String.format(Locale.ROOT, ", %d skipped (%s)", n, kind)));
      return String.format(Locale.ROOT, "load-csv: %s: %d records, %d tweets loaded into the master table, %d rejected%s%s, %.1f s",
          file, records, loaded, rejected, rejected == 0 ? "" : " (see " + rejectFile + ")", passed, seconds);
    }
  }

  /** A parsed record: a row, or a rejection; {@code where} it was read, for the reject file. */
  record Parsed(long line, String where, MasterRow row, Rejection rejection) implements Serializable {}

  private LoadCsv() {}

  public static Summary run(Settings settings, Path file, TweetFormat format, PrintStream progress) throws IOException {
    CsvLoaderSettings own = CsvLoaderSettings.from(settings.config());
    checkReadable(file);
    long started = System.nanoTime();
    long loadedAt = System.currentTimeMillis();
    int chunkSize = own.chunkRecords();
    try (FileRecords records = format.open(file.toString(), own.limits());
        RejectFile rejects = new RejectFile(own.rejectFile())) {
      RecordParser parser = records.parser();
      String ks = settings.cassandra().keyspace();
      long loadId;
      try (CqlSession session = CassandraSessions.open(settings.cassandra())) {
        // unreachable Cassandra or a missing keyspace: one clear line before Spark starts
        loadId = new MasterLoads(session, ks).begin(file.toString());
      }
      long read = 0;
      long loaded = 0;
      long lastLine = System.nanoTime();
      try (JavaSparkContext sc = new JavaSparkContext(SparkConfs.forJob(settings, APP_NAME))) {
        int parallelism = sc.defaultParallelism();
        List<TextRecord> chunk = new ArrayList<>(chunkSize);
        TextRecord r;
        boolean more = true;
        String lastRead = "its start";
        while (more) {
          try {
            r = records.next();
          } catch (IOException e) {
            throw new dev.trendoff.core.UserError("cannot read " + file + " after " + lastRead + ": " + e.getMessage(), e);
          }
          if (r == null) {
            more = false;
          } else {
            read++;
            lastRead = r.where();
            if (!r.ok()) {
              rejects.write(r.where(), r.problem());
            } else {
              chunk.add(r);
            }
          }
          if (chunk.size() >= chunkSize || (!more && !chunk.isEmpty())) {
            loaded += loadChunk(sc, parallelism, chunk, parser, loadId, loadedAt, ks, MasterTable.concurrentWrites(settings),
                rejects);
            chunk = new ArrayList<>(chunkSize);
            long now = System.nanoTime();
            if (more && now - lastLine < PROGRESS_EVERY_NANOS) {
              continue;
            }
            lastLine = now;
            double s = (now - started) / 1e9;
            progress.printf(Locale.ROOT, "load-csv: %d records read, %d loaded, %d rejected, %.0f records/s%n",
                read, loaded, rejects.written(), read / Math.max(s, 1e-3));
          }
        }
      }
      try (CqlSession session = CassandraSessions.open(settings.cassandra())) {
        new MasterLoads(session, ks).finish(loadId, loaded);
      }
      return new Summary(file, read, loaded, rejects.written(), rejects.written() == 0 ? null : rejects.path(),
          (System.nanoTime() - started) / 1e9, new java.util.TreeMap<>(records.skipped()));
    }
  }

  private static long loadChunk(JavaSparkContext sc, int parallelism, List<TextRecord> chunk, RecordParser parser,
      long loadId, long loadedAt, String ks, int concurrentWrites, RejectFile rejects) {
    JavaRDD<Parsed> parsed = sc.parallelize(chunk, parallelism)
        .map(in -> parse(parser, in, loadId, loadedAt))
        .persist(StorageLevel.MEMORY_AND_DISK());
    try {
      MasterTable.save(parsed.filter(p -> p.row() != null).map(Parsed::row), ks, concurrentWrites);
      List<Parsed> bad = parsed.filter(p -> p.row() == null).collect();
      // collect keeps the order of parallelize: the rejects are written in the file's order
      bad.forEach(p -> rejects.write(p.where(), p.rejection()));
      return chunk.size() - bad.size();
    } finally {
      parsed.unpersist(false);
    }
  }

  /** One record to a master row of load {@code loadId} or a rejection: what each Spark task does. */
  static Parsed parse(RecordParser parser, TextRecord in, long loadId, long loadedAt) {
    ParseResult r = parser.parse(in.text());
    return r.isTweet() ? new Parsed(in.line(), in.where(), MasterRows.fromLoad(r.tweet(), loadId, loadedAt), null)
        : new Parsed(in.line(), in.where(), null, r.rejection());
  }

  static void checkReadable(Path file) {
    if (!Files.exists(file)) {
      throw new dev.trendoff.core.UserError("no such file: " + file);
    }
    if (!Files.isReadable(file)) {
      throw new dev.trendoff.core.UserError("cannot read " + file);
    }
  }
}
