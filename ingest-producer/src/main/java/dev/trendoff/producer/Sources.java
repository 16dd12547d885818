package dev.trendoff.producer;

import java.io.IOException;

import dev.trendoff.core.UserError;
import dev.trendoff.producer.format.CsvRecordReader;
import dev.trendoff.producer.format.LineReader;
import dev.trendoff.producer.format.Sentiment140Csv;
import dev.trendoff.producer.format.StatusJson;

/** Opens the file sources ({@code -} is standard input; gzip is recognised by its first bytes). */
public final class Sources {
  private Sources() {}

  /** Twitter API v1.1 status objects, one a line, UTF-8. */
  public static RecordSource jsonl(String file, int maxLineBytes) {
    Input in = Input.open(file);
    StatusJson format = StatusJson.jsonl();
    return new LinesSource(in, new LineReader(in.stream(), java.nio.charset.StandardCharsets.UTF_8, maxLineBytes),
        format::parse);
  }

  /** The followthehashtag CSV, UTF-8, with its header line. */
  public static RecordSource followTheHashtag(String file, int maxLineBytes, int maxLinesPerRecord) {
    Input in = Input.open(file);
    try {
      return new CsvSource(in, new CsvRecordReader(
          new LineReader(in.stream(), java.nio.charset.StandardCharsets.UTF_8, maxLineBytes), maxLinesPerRecord));
    } catch (IOException e) {
      throw new UserError("cannot read " + file + ": " + e.getMessage());
    }
  }

  /** The Sentiment140 CSV: Latin-1, no header, one record a line. */
  public static RecordSource sentiment140(String file, int maxLineBytes) {
    Input in = Input.open(file);
    Sentiment140Csv format = Sentiment140Csv.instance();
    return new LinesSource(in, new LineReader(in.stream(), Sentiment140Csv.CHARSET, maxLineBytes), format::parse);
  }

  public static RecordSource synthetic(SyntheticTweets tweets) {
    return new SyntheticSource(tweets);
  }
}
