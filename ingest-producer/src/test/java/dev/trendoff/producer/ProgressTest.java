package dev.trendoff.producer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

import dev.trendoff.formats.ParseResult;
import dev.trendoff.formats.RecordSource;
import org.junit.jupiter.api.Test;

/** The progress of produce: a bar with \r frames only on a terminal, plain lines every few seconds otherwise. */
class ProgressTest {

  /** A source of 16 MB of which {@code done} bytes are read (the run's progress is all this test needs of it). */
  static final class Sized implements RecordSource {
    final AtomicLong done = new AtomicLong();

    @Override
    public ParseResult next() {
      return null;
    }

    @Override
    public long total() {
      return 16L << 20;
    }

    @Override
    public long done() {
      return done.get();
    }

    @Override
    public String unit() {
      return "bytes";
    }

    @Override
    public void close() {
    }
  }

  private static String show(boolean terminal) throws InterruptedException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    Sized source = new Sized();
    AtomicLong sent = new AtomicLong();
    Progress p = Progress.forSource(source, err, terminal, 100, sent::get);
    long deadline = System.nanoTime() + 20_000_000_000L;
    for (int i = 1; i <= 8 || (System.nanoTime() < deadline && bytes.size() == 0); i++) {
      source.done.set(Math.min(source.total(), i * (2L << 20)));
      sent.set(i * 1000L);
      p.update(source, sent.get());
      Thread.sleep(120);
    }
    p.close();
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void notATerminalGetsPlainLinesWithNoCarriageReturnOrEscape() throws Exception {
    String shown = show(false);
    assertThat(shown).doesNotContain("\r").doesNotContain("\u001b");
    assertThat(shown.lines()).isNotEmpty().allSatisfy(line ->
        assertThat(line).matches("produce: [\\d,]+ sent in \\d+ s, [\\d,]+ tweets/s now, \\d+% of the input read"));
  }

  @Test
  void aTerminalGetsTheBarRedrawnInPlace() throws Exception {
    String shown = show(true);
    assertThat(shown).contains("\r").contains("produce").contains("MB");
    assertThat(shown).doesNotContain("tweets/s now");
  }
}
