package dev.trendoff.bench;

import java.util.List;

import com.datastax.oss.driver.api.core.CqlSession;

import dev.trendoff.serving.ServingReader;

/**
 * The serving merge read directly (ServingReader, every {@value SpeedFreshnessProbe#POLL_MILLIS} ms, as
 * {@code bench speed} reads it): notes when one user's count of one word changes. What the event stream
 * and the page add comes on top of this.
 */
final class ServingCountWatch implements AutoCloseable {

  private final CountTrace trace = new CountTrace();
  private final Thread poller;
  private volatile boolean stop;
  private volatile Throwable failure;

  ServingCountWatch(CqlSession session, String keyspace, String user, String word) {
    ServingReader reader = new ServingReader(session, keyspace);
    poller = new Thread(() -> {
      try {
        while (!stop) {
          long n = reader.read(List.of(user)).users().get(0).count(word);
          trace.saw(System.currentTimeMillis(), n);
          Thread.sleep(SpeedFreshnessProbe.POLL_MILLIS);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (RuntimeException e) {
        failure = e;
      }
    }, "serving-count-watch");
    poller.setDaemon(true);
    poller.start();
  }

  CountTrace trace() {
    if (failure != null) {
      throw new IllegalStateException("reading the serving merge failed: " + failure, failure);
    }
    return trace;
  }

  @Override
  public void close() throws InterruptedException {
    stop = true;
    poller.join(5_000);
  }
}
