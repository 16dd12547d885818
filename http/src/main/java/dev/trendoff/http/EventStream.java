package dev.trendoff.http;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * One client's Server-Sent Events response. Writes are asynchronous and one at a time; a frame that
 * arrives while one is being written waits, and a later frame replaces a waiting one (each comparison
 * event carries the whole answer, so a slow client gets the newest, never a backlog). A failed write
 * (the client left) closes the stream and tells {@code onClose}.
 */
final class EventStream {

  /** A comment line: ignored by EventSource; keeps the connection in use and finds clients that left. */
  static final String KEEP_ALIVE = ": keep-alive\n\n";

  private final Response response;
  private final Callback done;
  private final Runnable onClose;
  private String waiting;
  private boolean writing;
  private boolean ending;
  private boolean closed;

  EventStream(Response response, Callback done, Runnable onClose) {
    this.response = response;
    this.done = done;
    this.onClose = onClose;
  }

  /** {@code event: NAME} and {@code data: JSON} (one line), as a browser's EventSource reads it. */
  static String event(String name, String json) {
    return "event: " + name + "\ndata: " + json + "\n\n";
  }

  synchronized boolean isClosed() {
    return closed;
  }

  void send(String frame) {
    synchronized (this) {
      if (closed || ending) {
        return;
      }
      if (writing) {
        waiting = frame;
        return;
      }
      writing = true;
    }
    write(frame);
  }

  /** A keep-alive comment, unless a frame is on its way anyway. */
  void keepAlive() {
    synchronized (this) {
      if (writing || closed || ending) {
        return;
      }
    }
    send(KEEP_ALIVE);
  }

  /** Ends the response normally, after the frame being written (the server stops). */
  void end() {
    synchronized (this) {
      if (closed || ending) {
        return;
      }
      ending = true;
      waiting = null;
      if (writing) {
        return;
      }
      closed = true;
    }
    response.write(true, ByteBuffer.allocate(0), done);
  }

  private void write(String frame) {
    response.write(false, ByteBuffer.wrap(frame.getBytes(StandardCharsets.UTF_8)), new Callback() {
      @Override
      public void succeeded() {
        String next;
        boolean last;
        synchronized (EventStream.this) {
          next = waiting;
          waiting = null;
          last = ending && !closed;
          if (last) {
            closed = true;
          }
          writing = next != null && !last && !closed;
        }
        if (last) {
          response.write(true, ByteBuffer.allocate(0), done);
        } else if (next != null) {
          write(next);
        }
      }

      @Override
      public void failed(Throwable x) {
        fail(x);
      }
    });
  }

  /** The client went away or the connection failed. */
  void fail(Throwable x) {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
    }
    onClose.run();
    done.failed(x);
  }
}
