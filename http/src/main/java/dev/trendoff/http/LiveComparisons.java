package dev.trendoff.http;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.trendoff.serving.CompareRequest;
import dev.trendoff.serving.QueryError;

/**
 * The event streams of {@code /api/compare/stream} (docs/http.md): one watcher per distinct question,
 * shared by every client watching it, reads the answer at most once every
 * {@code trendoff.http.stream-interval} and sends an {@code event: comparison} with the whole JSON to
 * each of them whenever it differs from the last one sent. A question nobody watches any more is
 * dropped. At most {@code trendoff.http.max-streams} streams are open at once.
 */
final class LiveComparisons implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(LiveComparisons.class);

  /** Thrown when one more stream would pass the limit. */
  static final class TooManyStreams extends RuntimeException {
    TooManyStreams() {
      super(null, null, false, false);
    }
  }

  private final Function<CompareRequest, String> answer;
  private final int maxStreams;
  private final Duration interval;
  private final ScheduledExecutorService timer;
  private final Map<CompareRequest, Watcher> watchers = new HashMap<>();
  private int open;
  private boolean closed;

  /**
   * @param answer the comparison JSON of a question (the same as /api/compare's); throws a {@link QueryError}
   */
  LiveComparisons(Function<CompareRequest, String> answer, int maxStreams, Duration interval, Duration keepAlive) {
    this.answer = answer;
    this.maxStreams = maxStreams;
    this.interval = interval;
    this.timer = Executors.newScheduledThreadPool(2, r -> {
      Thread t = new Thread(r, "live-comparisons");
      t.setDaemon(true);
      return t;
    });
    timer.scheduleWithFixedDelay(this::keepAlive, keepAlive.toMillis(), keepAlive.toMillis(), TimeUnit.MILLISECONDS);
  }

  /**
   * Opens a stream on {@code question}: its answer now is the stream's first event. A question that
   * cannot be answered (unknown user, Cassandra down) throws its {@link QueryError} before anything is
   * sent; {@link TooManyStreams} when the limit is reached.
   */
  void watch(CompareRequest question, StreamFactory streams) {
    synchronized (this) {
      if (closed || open >= maxStreams) {
        throw new TooManyStreams();
      }
    }
    String now = answer.apply(question);
    Watcher w;
    EventStream stream;
    synchronized (this) {
      if (closed || open >= maxStreams) {
        throw new TooManyStreams();
      }
      w = watchers.computeIfAbsent(question, q -> new Watcher(q, now));
      Watcher watcher = w;
      stream = streams.open(() -> leave(watcher));
      w.streams.add(stream);
      open++;
    }
    stream.send(EventStream.event("comparison", w.latest() != null ? w.latest() : now));
  }

  /** Makes the {@link EventStream} of a new client; the runnable is to be called when the client leaves. */
  interface StreamFactory {
    EventStream open(Runnable onClose);
  }

  /** Open streams, all questions together. */
  synchronized int openStreams() {
    return open;
  }

  /** Distinct questions watched. */
  synchronized int watchedQuestions() {
    return watchers.size();
  }

  /** A client of {@code w} left: its stream is closed. */
  private synchronized void leave(Watcher w) {
    w.streams.removeIf(EventStream::isClosed);
    open = watchers.values().stream().mapToInt(x -> x.streams.size()).sum();
    if (w.streams.isEmpty() && watchers.get(w.question) == w) {
      watchers.remove(w.question);
      w.task.cancel(false);
    }
  }

  private void keepAlive() {
    List<Watcher> all;
    synchronized (this) {
      all = List.copyOf(watchers.values());
    }
    for (Watcher w : all) {
      w.streams.forEach(EventStream::keepAlive);
    }
  }

  /** Ends every stream (the server stops) and stops checking. */
  @Override
  public void close() {
    List<Watcher> all;
    synchronized (this) {
      closed = true;
      all = List.copyOf(watchers.values());
      watchers.clear();
      open = 0;
    }
    for (Watcher w : all) {
      w.task.cancel(false);
      w.streams.forEach(EventStream::end);
    }
    timer.shutdownNow();
  }

  /** One question and the clients watching it. */
  private final class Watcher implements Runnable {
    final CompareRequest question;
    final Set<EventStream> streams = new CopyOnWriteArraySet<>();
    final ScheduledFuture<?> task;
    /** The JSON last sent; null after an error, so that the next answer is sent whatever it is. */
    private volatile String lastJson;
    private String lastError;

    Watcher(CompareRequest question, String first) {
      this.question = question;
      this.lastJson = first;
      this.task = timer.scheduleWithFixedDelay(this, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    String latest() {
      return lastJson;
    }

    @Override
    public void run() {
      String frame;
      try {
        String json = answer.apply(question);
        if (json.equals(lastJson)) {
          return;
        }
        lastJson = json;
        lastError = null;
        frame = EventStream.event("comparison", json);
      } catch (QueryError e) {
        String error = ApiError.of(e).json();
        lastJson = null;
        if (Objects.equals(error, lastError)) {
          return;
        }
        lastError = error;
        frame = EventStream.event("error", error);
      } catch (RuntimeException e) {
        LOG.error("watching {} failed", question, e);
        lastJson = null;
        return;
      }
      String send = frame;
      streams.forEach(s -> s.send(send));
    }
  }
}
