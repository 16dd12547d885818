package dev.trendoff.csvloader;

import java.io.Serializable;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;

import dev.trendoff.producer.format.FollowTheHashtagCsv;
import dev.trendoff.producer.format.ParseResult;
import dev.trendoff.producer.format.Sentiment140Csv;

/**
 * The historical CSV layouts load-csv reads, each parsed by the producer's parser for it (one parser
 * per format in the project). A {@link Parser} is serializable so Spark tasks can carry it.
 */
public enum CsvFormat {
  /** followthehashtag "USA Geolocated tweets": a header line, UTF-8, quoted fields may span lines. */
  FOLLOWTHEHASHTAG(StandardCharsets.UTF_8, true),
  /** Sentiment140: no header, Latin-1, one record a line. */
  SENTIMENT140(Sentiment140Csv.CHARSET, false);

  private final Charset charset;
  private final boolean header;

  CsvFormat(Charset charset, boolean header) {
    this.charset = charset;
    this.header = header;
  }

  public Charset charset() {
    return charset;
  }

  public boolean hasHeader() {
    return header;
  }

  /** A parser for the records of a file whose first line was {@code headerLine} (null when the format has none). */
  public Parser parser(String headerLine) {
    if (this == FOLLOWTHEHASHTAG) {
      FollowTheHashtagCsv.fromHeader(headerLine); // a UserError now if the header lacks a column
      return new Parser(this, headerLine);
    }
    return new Parser(this, null);
  }

  /** Parses one record; built again in each JVM from the header line. */
  public static final class Parser implements Serializable {
    private static final long serialVersionUID = 1L;
    private final CsvFormat format;
    private final String headerLine;
    private transient FollowTheHashtagCsv fth;

    Parser(CsvFormat format, String headerLine) {
      this.format = format;
      this.headerLine = headerLine;
    }

    public ParseResult parse(String record) {
      if (format == SENTIMENT140) {
        return Sentiment140Csv.instance().parse(record);
      }
      if (fth == null) {
        fth = FollowTheHashtagCsv.fromHeader(headerLine);
      }
      return fth.parse(record);
    }
  }

  /** {@code followthehashtag} or {@code sentiment140}, any case. */
  public static CsvFormat parse(String name) {
    for (CsvFormat f : values()) {
      if (f.name().equalsIgnoreCase(name)) {
        return f;
      }
    }
    throw dev.trendoff.core.UserError.usage("unknown CSV format " + name + "; one of: followthehashtag, sentiment140");
  }

  public static List<String> names() {
    return List.of("followthehashtag", "sentiment140");
  }
}
