package dev.trendoff.formats;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class LineReaderTest {

  static List<TextRecord> lines(byte[] in, int max) throws IOException {
    LineReader r = new LineReader(new ByteArrayInputStream(in), StandardCharsets.UTF_8, max);
    List<TextRecord> out = new ArrayList<>();
    for (TextRecord l; (l = r.next()) != null; ) {
      out.add(l);
    }
    return out;
  }

  @Test
  void endsBomCrlfAndALastLineWithoutNewline() throws IOException {
    byte[] in = "\uFEFFfirst\r\nsecond\n\nlast".getBytes(StandardCharsets.UTF_8);
    List<TextRecord> l = lines(in, 100);
    assertThat(l).extracting(TextRecord::text).containsExactly("first", "second", "", "last");
    assertThat(l).extracting(TextRecord::line).containsExactly(1L, 2L, 3L, 4L);
    assertThat(lines(new byte[0], 100)).isEmpty();
    assertThat(lines("one\n".getBytes(StandardCharsets.UTF_8), 100)).hasSize(1);
  }

  @Test
  void tooLongAndInvalidLinesAreProblemsAndReadingGoesOn() throws IOException {
    StringBuilder longLine = new StringBuilder();
    for (int i = 0; i < 200_000; i++) {
      longLine.append('x');
    }
    byte[] bad = {'a', (byte) 0xC3, '(', 'b'};
    java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
    b.writeBytes((longLine + "\nok \u00e9\u20ac\uD83D\uDE00\n").getBytes(StandardCharsets.UTF_8));
    b.writeBytes(bad);
    b.writeBytes("\nafter\n".getBytes(StandardCharsets.UTF_8));
    List<TextRecord> l = lines(b.toByteArray(), 100_000);
    assertThat(l).hasSize(4);
    assertThat(l.get(0).problem().reason()).isEqualTo(RejectReason.LINE_TOO_LONG);
    assertThat(l.get(0).problem().detail()).contains("200000 bytes");
    assertThat(l.get(1).text()).isEqualTo("ok \u00e9\u20ac\uD83D\uDE00");
    assertThat(l.get(2).problem().reason()).isEqualTo(RejectReason.INVALID_ENCODING);
    assertThat(l.get(3).text()).isEqualTo("after");
  }

  @Test
  void csvRecordsSpanLinesInsideQuotes() throws IOException {
    byte[] in = "a,\"one\ntwo\",c\n\"open,\nx,y\nz\n".getBytes(StandardCharsets.UTF_8);
    CsvRecordReader r = new CsvRecordReader(new LineReader(new ByteArrayInputStream(in), StandardCharsets.UTF_8, 100), 50);
    TextRecord first = r.next();
    assertThat(first.text()).isEqualTo("a,\"one\ntwo\",c");
    TextRecord open = r.next();
    assertThat(open.problem().reason()).isEqualTo(RejectReason.BROKEN_QUOTING);
    assertThat(open.line()).isEqualTo(3);
    assertThat(r.next().text()).isEqualTo("x,y");
    assertThat(r.next().text()).isEqualTo("z");
    assertThat(r.next()).isNull();
  }
}
