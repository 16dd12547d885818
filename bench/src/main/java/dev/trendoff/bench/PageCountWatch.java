package dev.trendoff.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The page of {@code ./trendoff serve} in headless Chromium with its live switch on, watching one bar: a
 * MutationObserver on the chart notes {@code Date.now()} each time the first user's bar of the word
 * shows a new value (in the DOM, as the page's render leaves it; painting comes after). The notes stay in
 * the page until {@link #trace} reads them, so that reading does not disturb the page while it is timed.
 */
final class PageCountWatch implements AutoCloseable {

  private final Chromium chromium;
  private final DevTools page;

  private PageCountWatch(Chromium chromium, DevTools page) {
    this.chromium = chromium;
    this.page = page;
  }

  /**
   * Opens {@code server}'s page for {@code users} (the first one watched) live, waits until the stream's
   * first answer is drawn (up to {@code timeout}), then starts noting the bar of {@code word}.
   */
  static PageCountWatch open(Path binary, URI server, String users, String word, Duration timeout)
      throws IOException, InterruptedException, ExecutionException, TimeoutException {
    Chromium chromium = Chromium.start(binary, Duration.ofSeconds(60));
    DevTools page = null;
    try {
      page = DevTools.connect(chromium.pageWebSocket());
      page.navigate(server.resolve("?users=" + users + "&live=1"));
      long deadline = System.nanoTime() + timeout.toNanos();
      while (!page.evaluate(LIVE).asBoolean()) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("the page did not draw the event stream's first answer within "
              + timeout.toSeconds() + " s; it says: " + page.evaluate("document.getElementById('message').textContent"));
        }
        Thread.sleep(100);
      }
      page.evaluate(observer(word));
      return new PageCountWatch(chromium, page);
    } catch (IOException | InterruptedException | ExecutionException | TimeoutException | RuntimeException e) {
      if (page != null) {
        page.close();
      }
      chromium.close();
      throw e;
    }
  }

  /** True once the page follows the stream and has drawn its first event (app.js keeps the count). */
  static final String LIVE = "(() => { const s = document.getElementById('live-status');"
      + " return !!s && Number(s.dataset.updates || 0) >= 1; })()";

  /** Installs the observer: {@code window.trendoffBench} holds [Date.now(), value] for each new value of the bar. */
  static String observer(String word) {
    return "(() => {\n"
        + "  const seen = window.trendoffBench = [];\n"
        + "  const bar = () => document.querySelector(\"#chart rect.bar.u0[data-word='" + word + "']\");\n"
        + "  const note = () => { const b = bar(); const v = b ? Number(b.getAttribute('data-value')) : 0;\n"
        + "    if (seen.length === 0 || seen[seen.length - 1][1] !== v) seen.push([Date.now(), v]); };\n"
        + "  new MutationObserver(note).observe(document.getElementById('chart'),\n"
        + "    { childList: true, subtree: true, attributes: true, attributeFilter: ['data-value'] });\n"
        + "  note();\n"
        + "  return true;\n"
        + "})()";
  }

  /** The value the page shows now. */
  long latest() throws InterruptedException, ExecutionException, TimeoutException {
    JsonNode last = page.evaluate("window.trendoffBench[window.trendoffBench.length - 1][1]");
    return last.asLong();
  }

  /** Every change the page noted. */
  CountTrace trace() throws InterruptedException, ExecutionException, TimeoutException {
    CountTrace t = new CountTrace();
    for (JsonNode change : page.evaluate("window.trendoffBench")) {
      t.saw(change.get(0).asLong(), change.get(1).asLong());
    }
    return t;
  }

  @Override
  public void close() {
    try {
      page.close();
    } finally {
      chromium.close();
    }
  }
}
