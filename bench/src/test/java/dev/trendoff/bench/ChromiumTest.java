package dev.trendoff.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

import dev.trendoff.core.UserError;
import org.junit.jupiter.api.Test;

class ChromiumTest {

  @Test
  void readsThePortOfACompleteDevToolsActivePortFile() {
    assertThat(Chromium.port("46067\n/devtools/browser/cff915ab-1e66-4ba0-a82b-e6aae6e591c5")).isEqualTo(46067);
    assertThat(Chromium.port("46067\n/devtools/browser/cff915ab-1e66-4ba0-a82b-e6aae6e591c5\n")).isEqualTo(46067);
  }

  @Test
  void aFileBeingWrittenHasNoPortYet() {
    assertThat(Chromium.port("")).isNull();
    assertThat(Chromium.port("46067")).isNull();
    assertThat(Chromium.port("46067\n")).isNull();
    assertThat(Chromium.port("4606")).isNull();
    assertThat(Chromium.port("x\n/devtools/browser/a")).isNull();
    assertThat(Chromium.port("0\n/devtools/browser/a")).isNull();
  }

  @Test
  void findsThePageTargetNotTheBrowsersOwnUi() throws Exception {
    // the shape of Chromium 156's /json/list: its own UI is listed too, as type browser_ui
    String list = "[ {\"id\": \"E8E3\", \"title\": \"Omnibox Popup\", \"type\": \"browser_ui\","
        + " \"url\": \"chrome://omnibox-popup.top-chrome/\", \"webSocketDebuggerUrl\": \"ws://127.0.0.1:46067/devtools/page/E8E3\"},"
        + " {\"id\": \"188F\", \"title\": \"about:blank\", \"type\": \"page\", \"url\": \"about:blank\","
        + " \"webSocketDebuggerUrl\": \"ws://127.0.0.1:46067/devtools/page/188F\"} ]";
    assertThat(Chromium.pageWebSocket(list)).isEqualTo(URI.create("ws://127.0.0.1:46067/devtools/page/188F"));
    assertThatThrownBy(() -> Chromium.pageWebSocket("[]")).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no page target");
  }

  @Test
  void aMissingBinaryIsOneLineSayingWhatToInstall() {
    assertThatThrownBy(() -> Chromium.start(Path.of("/nonexistent/chromium"), Duration.ofSeconds(5)))
        .isInstanceOf(UserError.class).hasMessage(
            "no Chromium at /nonexistent/chromium: apt-get install chromium (or name another with --chromium)");
  }
}
