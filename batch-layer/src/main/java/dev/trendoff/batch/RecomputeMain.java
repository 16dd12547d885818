package dev.trendoff.batch;

import java.time.Duration;
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
 * first). The {@code main} takes an optional interval like {@code 15m} (used by tests through JobProcess).
 */
public final class RecomputeMain {

  private static final Logger LOG = LoggerFactory.getLogger(RecomputeMain.class);

  private RecomputeMain() {}

  /** Returns the exit code: 0 when every run published, 1 when a run could not start or lost the flip. */
  public static int run(Settings settings, Duration every) throws InterruptedException {
    return run(settings, every, s -> { });
  }

  /** Likewise, handing each run's summary to {@code report} too (the command's --json) after its line. */
  public static int run(Settings settings, Duration every, Consumer<RecomputeSummary> report) throws InterruptedException {
    try (Recompute recompute = new Recompute(settings)) {
      if (every.isZero()) {
        RecomputeSummary s = recompute.runOnce();
        System.out.println(s.line());
        report.accept(s);
        return s.published() ? 0 : 1;
      }
      CountDownLatch stop = new CountDownLatch(1);
      for (String sig : new String[] {"TERM", "INT"}) {
        sun.misc.Signal.handle(new sun.misc.Signal(sig), x -> stop.countDown());
      }
      System.out.println("recompute: every " + every.toSeconds() + " s until stopped (SIGTERM or Ctrl-C)");
      do {
        try {
          RecomputeSummary s = recompute.runOnce();
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
      code = run(s, every);
    } catch (UserError e) {
      System.err.println("trendoff: " + e.getMessage());
      code = e.exitCode();
    }
    System.exit(code);
  }
}
