package dev.trendoff.producer;

import java.io.IOException;
import java.util.function.Function;

import dev.trendoff.producer.format.LineReader;
import dev.trendoff.producer.format.ParseResult;

/** One record a line (jsonl, sentiment140): blank lines and unreadable lines are rejections. */
final class LinesSource extends FileRecordSource {

  private final LineReader lines;
  private final Function<String, ParseResult> parser;

  LinesSource(Input input, LineReader lines, Function<String, ParseResult> parser) {
    super(input);
    this.lines = lines;
    this.parser = parser;
  }

  @Override
  public ParseResult next() throws IOException {
    LineReader.Line line = lines.next();
    return line == null ? null : parsed(line.number(), line.text(), line.problem(), parser);
  }

  @Override
  public String position() {
    return input.name() + ":" + lines.lineNumber();
  }

  @Override
  public void close() throws IOException {
    lines.close();
  }
}
