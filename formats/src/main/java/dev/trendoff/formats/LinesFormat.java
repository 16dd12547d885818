package dev.trendoff.formats;

import java.nio.charset.Charset;

/**
 * A format of one record a line, in {@code charset}, each parsed alone by {@code parser}:
 * {@code jsonl} and {@code sentiment140} (see {@link TweetFormats}). Another such format is a parser
 * and one line there.
 */
record LinesFormat(String name, String description, Charset charset, RecordParser parser) implements TweetFormat {

  @Override
  public FileRecords open(String file, ReadLimits limits) {
    Input in = Input.open(file);
    return new FileRecords(in, new LineReader(in.stream(), charset, limits.maxLineBytes()), parser);
  }
}
