package dev.trendoff.producer;

import java.io.PrintStream;
import java.util.function.LongSupplier;

import dev.trendoff.formats.RecordSource;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * What the user sees while a run goes on: on a terminal, a progress bar when the size is known; else (the
 * size unknown, or standard error a pipe or a file) a plain rate line every few seconds, no {@code \r} frames.
 */
interface Progress extends AutoCloseable {

  /** Called by the run every few hundred records. */
  void update(RecordSource source, long sent);

  @Override
  void close();

  static Progress none() {
    return new Progress() {
      @Override
      public void update(RecordSource source, long sent) {
      }

      @Override
      public void close() {
      }
    };
  }

  /**
   * A bar (me.tongfei progressbar) on {@code err} for sources of known size when {@code terminal}, else
   * {@link #rateLine}.
   */
  static Progress forSource(RecordSource source, PrintStream err, boolean terminal, long rateLineMillis,
      LongSupplier sent) {
    if (source.total() < 0 || !terminal) {
      return rateLine(err, rateLineMillis, sent, source);
    }
    boolean bytes = "bytes".equals(source.unit());
    ProgressBarBuilder b = new ProgressBarBuilder()
        .setTaskName("produce")
        .setInitialMax(source.total())
        .setStyle(ProgressBarStyle.ASCII)
        .setUpdateIntervalMillis(500)
        .setMaxRenderedLength(110)
        .setConsumer(new ConsoleProgressBarConsumer(err))
        .showSpeed();
    if (bytes && source.total() < (10L << 20)) {
      b.setUnit(" KB", 1L << 10);
    } else if (bytes) {
      b.setUnit(" MB", 1L << 20);
    } else {
      b.setUnit(" tweets", 1);
    }
    ProgressBar bar = b.build();
    return new Progress() {
      @Override
      public void update(RecordSource s, long sent) {
        bar.stepTo(s.done());
      }

      @Override
      public void close() {
        bar.close();
      }
    };
  }

  /**
   * Every {@code everyMillis}, on its own thread: {@code produce: 12,345 sent in 10 s, 1,234 tweets/s now},
   * then {@code , 42% of the input read} when the source knows its size.
   */
  static Progress rateLine(PrintStream err, long everyMillis, LongSupplier sent, RecordSource source) {
    java.util.concurrent.ScheduledExecutorService timer = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "produce-rate-line");
      t.setDaemon(true);
      return t;
    });
    long start = System.nanoTime();
    long[] last = {start, 0};
    timer.scheduleAtFixedRate(() -> {
      long now = System.nanoTime();
      long n = sent.getAsLong();
      double rate = (n - last[1]) * 1e9 / Math.max(1, now - last[0]);
      long total = source.total();
      String read = total > 0 ? String.format(", %d%% of the input read", Math.min(100, source.done() * 100 / total)) : "";
      err.printf("produce: %,d sent in %,d s, %,.0f tweets/s now%s%n", n, (now - start) / 1_000_000_000L, rate, read);
      last[0] = now;
      last[1] = n;
    }, everyMillis, everyMillis, java.util.concurrent.TimeUnit.MILLISECONDS);
    return new Progress() {
      @Override
      public void update(RecordSource source, long sentSoFar) {
      }

      @Override
      public void close() {
        timer.shutdownNow();
      }
    };
  }
}
