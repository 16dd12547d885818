package dev.trendoff.http;

import java.io.IOException;
import java.net.BindException;
import java.net.URI;
import java.time.Duration;

import org.eclipse.jetty.server.CustomRequestLog;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.Slf4jRequestLogWriter;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.trendoff.core.Settings;
import dev.trendoff.core.UserError;
import dev.trendoff.serving.ComparisonJson;
import dev.trendoff.serving.QueryService;
import dev.trendoff.serving.Status;

/**
 * {@code ./trendoff serve}: one long-lived process, one Cassandra session (a {@link QueryService} and its
 * prepared reads), Jetty's core server on {@code trendoff.http.bind}:{@code port} (127.0.0.1 unless told
 * otherwise), an access log line per request (logger {@value #ACCESS_LOG}). {@link #close} drains:
 * the event streams end, requests in flight finish (up to {@code trendoff.http.drain-timeout}).
 */
public final class TrendoffServer implements AutoCloseable {

  /** The slf4j logger of the access log (one line per request, NCSA format with the time taken). */
  public static final String ACCESS_LOG = "dev.trendoff.http.access";

  private static final Logger LOG = LoggerFactory.getLogger(TrendoffServer.class);

  private final Server jetty;
  private final ServerConnector connector;
  private final QueryService query;
  private final KnownUserIndex users;
  private final LiveComparisons live;
  private final HttpSettings http;

  private TrendoffServer(Settings settings, HttpSettings http) {
    this.http = http;
    this.query = QueryService.open(settings.cassandra());
    KnownUserIndex index = null;
    LiveComparisons streams = null;
    try {
      index = new KnownUserIndex(query, settings.cassandra().keyspace()).start(http.usersRefresh());
      query.suggestFrom(index::all);
      streams = new LiveComparisons(q -> ComparisonJson.render(CompareParams.checkSize(query.compare(q), http)),
          http.maxStreams(), http.streamInterval(), http.streamKeepAlive());
      StatusCache status = new StatusCache(() -> Status.read(settings), http.statusCache());

      QueuedThreadPool threads = new QueuedThreadPool(http.maxThreads(), 8);
      threads.setName("http");
      jetty = new Server(threads);
      connector = new ServerConnector(jetty);
      connector.setHost(http.bind());
      connector.setPort(http.port());
      jetty.addConnector(connector);
      jetty.setHandler(new GracefulHandler(new Api(query, http, index, streams, status)));
      jetty.setErrorHandler(new JsonErrorHandler());
      Slf4jRequestLogWriter access = new Slf4jRequestLogWriter();
      access.setLoggerName(ACCESS_LOG);
      jetty.setRequestLog(new CustomRequestLog(access, "%{client}a - %u %t \"%r\" %s %O %{ms}Tms \"%{User-Agent}i\""));
      jetty.setStopTimeout(http.drainTimeout().toMillis());
      jetty.setStopAtShutdown(false);
      this.users = index;
      this.live = streams;
    } catch (RuntimeException e) {
      if (streams != null) {
        streams.close();
      }
      if (index != null) {
        index.close();
      }
      query.close();
      throw e;
    }
  }

  /** Starts serving; a port already taken or an unknown address is one clear {@link UserError}. */
  public static TrendoffServer start(Settings settings, HttpSettings http) {
    TrendoffServer s = new TrendoffServer(settings, http);
    try {
      s.jetty.start();
    } catch (Exception e) {
      s.close();
      Throwable cause = e;
      while (cause.getCause() != null && !(cause instanceof IOException)) {
        cause = cause.getCause();
      }
      if (cause instanceof BindException || cause instanceof IOException) {
        throw new UserError("cannot listen on " + http.bind() + ":" + http.port() + " (" + cause.getMessage()
            + "): choose another with --port / --bind (trendoff.http.port, trendoff.http.bind)", e);
      }
      throw new IllegalStateException("the HTTP server did not start", e);
    }
    LOG.info("serving http://{}:{}/", http.bind(), s.port());
    return s;
  }

  /** The port listened on (the one picked when the settings said 0). */
  public int port() {
    return connector.getLocalPort();
  }

  /** {@code http://HOST:PORT/} of the page. */
  public URI uri() {
    String host = http.bind().equals("0.0.0.0") || http.bind().equals("::") ? "127.0.0.1" : http.bind();
    return URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port() + "/");
  }

  /** Event streams open now (tests, logs). */
  public int openStreams() {
    return live.openStreams();
  }

  /** Distinct questions the open streams watch. */
  public int watchedQuestions() {
    return live.watchedQuestions();
  }

  /** Drains and stops: the event streams end, requests in flight finish (up to the drain timeout), the session closes. */
  @Override
  public void close() {
    long t0 = System.nanoTime();
    live.close();
    try {
      jetty.stop();
    } catch (Exception e) {
      LOG.warn("the HTTP server did not stop cleanly: {}", e.toString());
    }
    users.close();
    query.close();
    LOG.info("HTTP server stopped in {} ms", Duration.ofNanos(System.nanoTime() - t0).toMillis());
  }
}
