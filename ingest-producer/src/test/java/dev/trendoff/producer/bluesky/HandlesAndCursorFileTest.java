package dev.trendoff.producer.bluesky;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.trendoff.core.UserError;

class HandlesAndCursorFileTest {

  @TempDir Path dir;

  @Test
  void handlesAreKeptForTheirTimeThenAskedForAgain() {
    AtomicLong now = new AtomicLong();
    Handles h = new Handles(2, Duration.ofSeconds(10), now::get);
    h.put("did:plc:a", new Handles.Author("a.example", "A"));
    h.identity("did:plc:a", "a2.example");
    assertThat(h.known("did:plc:a")).isEqualTo(new Handles.Author("a2.example", "A"));
    now.addAndGet(Duration.ofSeconds(11).toNanos());
    assertThat(h.known("did:plc:a")).isNull();
  }

  @Test
  void theLeastRecentlyUsedGoesFirst() {
    Handles h = new Handles(2, Duration.ofHours(1), System::nanoTime);
    h.put("did:plc:a", new Handles.Author("a", null));
    h.put("did:plc:b", new Handles.Author("b", null));
    h.known("did:plc:a");
    h.put("did:plc:c", new Handles.Author("c", null));
    assertThat(h.known("did:plc:b")).isNull();
    assertThat(h.known("did:plc:a")).isNotNull();
  }

  @Test
  void theCursorFileIsWrittenWholeAndReadBack() throws Exception {
    CursorFile f = new CursorFile(dir.resolve("sub/cursor.json"));
    assertThat(f.read()).isNull();
    Watermark.Cursor c = new Watermark.Cursor(1725911162329308L, List.of(new Watermark.Sent(1725911162329400L, 42)));
    f.write(c);
    assertThat(f.read()).isEqualTo(c);
    assertThat(Files.list(dir.resolve("sub"))).hasSize(1);
    Files.writeString(f.path(), "{\"cur");
    assertThatThrownBy(f::read).isInstanceOf(UserError.class).hasMessageContaining("move it away");
  }
}
