package dev.trendoff.producer;

import java.io.IOException;
import java.util.function.Function;

import dev.trendoff.producer.format.LineReader;
import dev.trendoff.producer.format.ParseResult;
import dev.trendoff.producer.format.RejectReason;

/** One record a line (jsonl, sentiment140): blank lines and unreadable lines are rejections. */
final class LinesSource implements RecordSource {

  private final Input input;
  private final LineReader lines;
  private final Function<String, ParseResult> parser;

  LinesSource(Input input, LineReader lines, Function<String, ParseResult> parser) {
    this.input = input;
    this.lines = lines;
    this.parser = parser;
  }

  @Override
  public ParseResult next() throws IOException {
    LineReader.Line line = lines.next();
    if (line == null) {
      return null;
    }
    if (!line.ok()) {
      return ParseResult.rejected(line.problem());
    }
    if (line.text().isBlank()) {
      return ParseResult.rejected(RejectReason.EMPTY_LINE, "line " + line.number() + " is empty", line.text());
    }
    return parser.apply(line.text());
  }

  @Override
  public String position() {
    return input.name() + ":" + lines.lineNumber();
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

  @Override
  public void close() throws IOException {
    lines.close();
  }
}
