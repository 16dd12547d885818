package dev.trendoff.producer;

import java.util.function.Function;

import dev.trendoff.producer.format.ParseResult;
import dev.trendoff.producer.format.RejectReason;
import dev.trendoff.producer.format.Rejection;

/** A source read from a file or standard input: its progress is the bytes of the {@link Input} read. */
abstract class FileRecordSource implements RecordSource {

  protected final Input input;

  FileRecordSource(Input input) {
    this.input = input;
  }

  @Override
  public long total() {
    return input.totalBytes();
  }

  @Override
  public long done() {
    return input.bytesRead();
  }

  @Override
  public String unit() {
    return "bytes";
  }

  @Override
  public void stop() {
    input.stop();
  }

  /**
   * One record read from the file as a parse result: the reader's own rejection (an unreadable line
   * or record), an empty line's, or what {@code parse} makes of the text.
   */
  protected static ParseResult parsed(long line, String text, Rejection problem, Function<String, ParseResult> parse) {
    if (problem != null) {
      return ParseResult.rejected(problem);
    }
    if (text.isBlank()) {
      return ParseResult.rejected(RejectReason.EMPTY_LINE, "line " + line + " is empty", text);
    }
    return parse.apply(text);
  }
}
