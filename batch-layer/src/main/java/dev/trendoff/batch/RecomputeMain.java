package dev.trendoff.batch;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.trendoff.core.Durations;
import dev.trendoff.core.Settings;
import dev.trendoff.core.UserError;

/**
 * Runs the recompute once, or every {@code every} until SIGTERM/SIGINT (a run in progress finishes
 * first). The {@code main} takes an optional interval like {@code 15m}, then {@code --full} or
 * {@code --adopt-topic} (used by tests through JobProcess).
 */
public final class RecomputeMain {

  private static final Logger LOG = LoggerFactory.getLogger(RecomputeMain.class);

  private RecomputeMain() {}

  /** Returns the exit code: 0 when every run published, 1 when a run could not start or lost the flip. */
  public static int run(Settings settings, Duration every) throws InterruptedException {
    return run(settings, every, false, false, BatchSettings.from(settings).recompute().fullEvery(), s -> { });
  }

  /** As {@link #run(Settings, Duration)}, with {@code --adopt-topic} or not. */
  public static int run(Settings settings, Duration every, boolean adoptTopic, Consumer<RecomputeSummary> report)
      throws InterruptedException {
    return run(settings, every, adoptTopic, false, BatchSettings.from(settings).recompute().fullEvery(), report);
  }

  /**
   * Runs once ({@code every} zero) or in a loop. {@code adoptTopic} (one run only) takes the cut on the
   * topic as it is now when it is not the one the published cut was taken on (docs/lambda.md 'A
   * recreated topic'). {@code full}: full runs only; otherwise incremental ones, and in a loop a full
   * one whenever the loop's last full run is {@code fullEvery} old (zero: never). Each run's summary goes
   * to {@code report} too (the command's --json) after its line.
   */
  public static int run(Settings settings, Duration every, boolean adoptTopic, boolean full, Duration fullEvery,
      Consumer<RecomputeSummary> report)
      throws InterruptedException {
    if (adoptTopic && !every.isZero()) {
      throw UserError.usage("--adopt-topic is one run, not a loop: run it without --every, then start the loop");
    }
    try (Recompute recompute = new Recompute(settings)) {
      if (every.isZero()) {
        RecomputeSummary s = recompute.runOnce(full || adoptTopic ? Recompute.Kind.FULL : Recompute.Kind.INCREMENTAL,
            adoptTopic);
        System.out.println(s.line());
        report.accept(s);
        return s.published() ? 0 : 1;
      }
      CountDownLatch stop = new CountDownLatch(1);
      for (String sig : new String[] {"TERM", "INT"}) {
        sun.misc.Signal.handle(new sun.misc.Signal(sig), x -> stop.countDown());
      }
      System.out.println("recompute: every " + every.toSeconds() + " s until stopped (SIGTERM or Ctrl-C)"
          + (full ? ", full runs" : fullEvery.isZero() ? ", incremental runs" : ", incremental runs and a full one every "
          + fullEvery.toSeconds() + " s"));
      long lastFull = System.nanoTime();
      do {
        try {
          boolean fullDue = full || (!fullEvery.isZero() && System.nanoTime() - lastFull >= fullEvery.toNanos());
          RecomputeSummary s = recompute.runOnce(fullDue ? Recompute.Kind.FULL : Recompute.Kind.INCREMENTAL, false);
          if (s.published() && !s.incremental()) {
            lastFull = System.nanoTime();
          }
          System.out.println(s.line());
          report.accept(s);
        } catch (UserError e) {
          System.out.println("recompute: skipped this round: " + e.getMessage());
        } catch (RuntimeException e) {
          LOG.error("recompute failed; the published version stays, trying again in {} s", every.toSeconds(), e);
          System.out.println("recompute: failed this round (the published version stays): " + e.getMessage());
        }
      } while (!stop.await(every.toMillis(), TimeUnit.MILLISECONDS));
      LOG.info("recompute loop stopped");
      return 0;
    }
  }

  public static void main(String[] args) throws InterruptedException {
    int code;
    try {
      Settings s = Settings.load();
      Duration every = args.length > 0 ? Durations.parse(args[0]) : BatchSettings.from(s).recompute().every();
      List<String> flags = java.util.Arrays.asList(args);
      code = run(s, every, flags.contains("--adopt-topic"), flags.contains("--full"),
          BatchSettings.from(s).recompute().fullEvery(), r -> { });
    } catch (UserError e) {
      System.err.println("trendoff: " + e.getMessage());
      code = e.exitCode();
    }
    System.exit(code);
  }
}
