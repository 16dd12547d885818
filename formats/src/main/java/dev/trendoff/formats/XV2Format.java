package dev.trendoff.formats;

import java.nio.charset.StandardCharsets;

import dev.trendoff.avro.TweetSource;

/**
 * {@code x-v2}: X API v2 JSON lines, UTF-8, a response page or a flattened post a line
 * ({@link XV2Pages}, {@link XV2Json}). A page of 100 posts with its includes runs to a few hundred KB,
 * so a line may be up to {@link #PAGE_BYTES} long even when {@code max-line-bytes} is smaller.
 */
final class XV2Format implements TweetFormat {

  /** The longest page line read whatever max-line-bytes says. */
  static final int PAGE_BYTES = 16 << 20;

  @Override
  public String name() {
    return "x-v2";
  }

  @Override
  public String description() {
    return "X API v2 JSON lines: response pages or flattened posts";
  }

  @Override
  public FileRecords open(String file, ReadLimits limits) {
    Input in = Input.open(file);
    LineReader lines = new LineReader(in.stream(), StandardCharsets.UTF_8, Math.max(limits.maxLineBytes(), PAGE_BYTES));
    return new FileRecords(in, new XV2Pages(lines), new XV2Json(TweetSource.X_V2));
  }
}
