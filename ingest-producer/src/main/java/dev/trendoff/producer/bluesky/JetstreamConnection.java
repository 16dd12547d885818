package dev.trendoff.producer.bluesky;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.trendoff.formats.RejectReason;
import dev.trendoff.formats.Rejection;
import dev.trendoff.producer.Backoff;

/**
 * The WebSocket to Jetstream ({@code ?wantedCollections=app.bsky.feed.post&cursor=TIME_US}), JDK's
 * {@link java.net.http.WebSocket}, kept open on its own thread: each message parsed and put on
 * {@code incoming} (waiting while it is full, so a slow Kafka holds the firehose back), a dropped or
 * stalled connection reopened after {@link Backoff}'s wait from the last event received, whose repeats
 * are passed over. Messages are {@link JetstreamEvent}s or, for what is not one, {@link Rejection}s.
 */
final class JetstreamConnection implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(JetstreamConnection.class);
  private static final int MAX_MESSAGE_CHARS = 1 << 20;

  private final BlueskySettings settings;
  private final HttpClient http;
  private final BlockingQueue<Object> incoming;
  private final AtomicLong connects = new AtomicLong();
  private volatile boolean stopped;
  private volatile long lastTimeUs;
  private volatile long lastMessageNanos;
  private volatile WebSocket socket;
  private Thread thread;

  /** @param resumeAfter the cursor to start from (events up to it are passed over), or 0 for the live end */
  JetstreamConnection(BlueskySettings settings, HttpClient http, BlockingQueue<Object> incoming, long resumeAfter) {
    this.settings = settings;
    this.http = http;
    this.incoming = incoming;
    this.lastTimeUs = resumeAfter;
  }

  long connects() {
    return connects.get();
  }

  synchronized void start() {
    if (thread == null) {
      thread = new Thread(this::run, "bluesky-jetstream");
      thread.setDaemon(true);
      thread.start();
    }
  }

  URI uri() {
    String cursor = lastTimeUs > 0 ? "&cursor=" + lastTimeUs : "";
    return URI.create(settings.jetstream() + "?wantedCollections=" + JetstreamEvent.POSTS + cursor);
  }

  private void run() {
    Backoff backoff = new Backoff(settings.backoffStep(), settings.backoffMax(), settings.backoffStep(),
        settings.backoffMax(), settings.backoffStep(), settings.backoffMax());
    while (!stopped) {
      Duration wait = connectOnce(backoff);
      if (!Backoff.sleep(wait, () -> stopped)) {
        return;
      }
    }
  }

  private Duration connectOnce(Backoff backoff) {
    URI uri = uri();
    CompletableFuture<String> closed = new CompletableFuture<>();
    try {
      socket = http.newWebSocketBuilder().connectTimeout(settings.connectTimeout())
          .buildAsync(uri, new Listener(closed)).get(settings.connectTimeout().toMillis() + 5000, TimeUnit.MILLISECONDS);
    } catch (ExecutionException | TimeoutException e) {
      Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
      Backoff.Failure kind = cause instanceof WebSocketHandshakeException h
          ? (h.getResponse().statusCode() == 429 ? Backoff.Failure.RATE_LIMIT : Backoff.Failure.HTTP)
          : Backoff.Failure.NETWORK;
      Duration wait = backoff.after(kind);
      if (!stopped) {
        LOG.warn("bluesky: cannot connect to {} ({}); trying again in {} ms", settings.jetstream(), message(cause), wait.toMillis());
      }
      return wait;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      stopped = true;
      return Duration.ZERO;
    }
    backoff.connected();
    lastMessageNanos = System.nanoTime();
    LOG.info("bluesky: connected to {} (connection {}{})", settings.jetstream(), connects.incrementAndGet(),
        lastTimeUs > 0 ? ", from cursor " + lastTimeUs : ", live");
    String why = null;
    while (!stopped && why == null) {
      try {
        why = closed.get(200, TimeUnit.MILLISECONDS);
      } catch (TimeoutException e) {
        if (System.nanoTime() - lastMessageNanos > settings.stallTimeout().toNanos()) {
          why = "stalled: nothing for " + settings.stallTimeout().toSeconds() + " s";
        }
      } catch (ExecutionException e) {
        why = message(e.getCause());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        stopped = true;
      }
    }
    socket.abort();
    if (stopped) {
      return Duration.ZERO;
    }
    Duration wait = why.startsWith("stalled") ? backoff.after(Backoff.Failure.NETWORK) : backoff.afterDrop();
    LOG.info("bluesky: the firehose connection ended ({}); reconnecting in {} ms from cursor {}", why, wait.toMillis(), lastTimeUs);
    return wait;
  }

  /** One message: parsed, repeats (at or before the last event received) passed over, put on the queue. */
  private void deliver(String message) {
    Object item;
    try {
      JetstreamEvent e = JetstreamEvent.parse(message);
      if (e.timeUs() <= lastTimeUs) {
        return;
      }
      lastTimeUs = e.timeUs();
      item = e;
    } catch (JetstreamEvent.NotAnEvent bad) {
      item = bad.rejection();
    }
    try {
      while (!stopped && !incoming.offer(item, 100, TimeUnit.MILLISECONDS)) {
        lastMessageNanos = System.nanoTime();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private final class Listener implements WebSocket.Listener {
    private final CompletableFuture<String> closed;
    private final StringBuilder message = new StringBuilder();
    private boolean tooLong;

    Listener(CompletableFuture<String> closed) {
      this.closed = closed;
    }

    @Override
    public void onOpen(WebSocket ws) {
      ws.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
      lastMessageNanos = System.nanoTime();
      if (!tooLong) {
        message.append(data);
        tooLong = message.length() > MAX_MESSAGE_CHARS;
      }
      if (last) {
        if (tooLong) {
          String head = message.substring(0, Math.min(message.length(), Rejection.MAX_RAW_CHARS));
          offerRejection(new Rejection(RejectReason.LINE_TOO_LONG, "a firehose message longer than "
              + MAX_MESSAGE_CHARS + " characters", head));
        } else {
          deliver(message.toString());
        }
        message.setLength(0);
        tooLong = false;
      }
      ws.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket ws, java.nio.ByteBuffer data, boolean last) {
      lastMessageNanos = System.nanoTime();
      ws.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket ws, int status, String reason) {
      closed.complete("closed by the server: " + status + (reason == null || reason.isEmpty() ? "" : " " + reason));
      return null;
    }

    @Override
    public void onError(WebSocket ws, Throwable error) {
      closed.complete(message(error));
    }
  }

  private void offerRejection(Rejection r) {
    try {
      while (!stopped && !incoming.offer(r, 100, TimeUnit.MILLISECONDS)) {
        // held back
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    stopped = true;
    WebSocket ws = socket;
    if (ws != null) {
      ws.abort();
    }
    if (thread != null) {
      try {
        thread.join(5000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static String message(Throwable t) {
    return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
  }
}
