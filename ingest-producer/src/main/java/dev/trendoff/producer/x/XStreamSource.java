package dev.trendoff.producer.x;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.trendoff.avro.TweetSource;
import dev.trendoff.core.UserError;
import dev.trendoff.formats.LineReader;
import dev.trendoff.formats.ParseResult;
import dev.trendoff.formats.RecordSource;
import dev.trendoff.formats.RejectReason;
import dev.trendoff.formats.TextRecord;
import dev.trendoff.formats.XV2Json;
import dev.trendoff.formats.XV2Pages;
import dev.trendoff.producer.Backoff;
import dev.trendoff.producer.LiveRecords;

/**
 * The X API v2 filtered stream, live ({@code produce --source x-stream --track ...}). On start the
 * app's rules are listed, the {@code --track} terms added as rules of trendoff's tag
 * ({@link XRules#fromTerms}); on close the rules it added are deleted. The stream
 * ({@code GET /2/tweets/search/stream}, author and place expansions asked for) sends one response page
 * a line, read by the same code as x-v2 files ({@link XV2Pages}, {@link XV2Json}); a blank line is a
 * keep-alive, a line of {@code errors} (an operational disconnect) is counted and logged, a post that
 * matched only other rules of the app is passed over. Nothing received for {@code stall-timeout} is a
 * stall. Reconnects wait as {@link Backoff} says; 401, 403 and other refusals a retry cannot mend end
 * the run with X's reason. The bearer token is sent in the Authorization header only.
 */
public final class XStreamSource implements RecordSource {

  private static final Logger LOG = LoggerFactory.getLogger(XStreamSource.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  /** What the stream is asked for: the author's username (and name, followers) and the place. */
  static final String STREAM_QUERY = "expansions=author_id,geo.place_id"
      + "&tweet.fields=author_id,created_at,lang,public_metrics,possibly_sensitive,referenced_tweets,note_tweet,geo,edit_history_tweet_ids"
      + "&user.fields=username,name,public_metrics&place.fields=full_name";
  private static final int MAX_LINE_BYTES = 16 << 20;

  private final XSettings settings;
  private final List<String> ruleValues;
  private final HttpClient http;
  private final XRules rules;
  private final XV2Json parser = new XV2Json(TweetSource.X_STREAM);
  private final LiveRecords records = new LiveRecords(10_000);
  private final AtomicLong connects = new AtomicLong();
  private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "x-stream-watchdog");
    t.setDaemon(true);
    return t;
  });
  private volatile boolean stopped;
  private volatile UserError fatal;
  private volatile Set<String> ruleIds = Set.of();
  private final List<String> addedIds = new ArrayList<>();
  private Thread loop;
  private volatile Thread reader;
  /** Guards {@link #reader} and {@link #body} between the reading thread and the stall watchdog. */
  private final Object readerLock = new Object();
  private volatile InputStream body;
  private volatile long lastByteNanos;
  private volatile boolean stalled;

  public XStreamSource(XSettings settings, List<String> track) {
    this.settings = settings;
    this.ruleValues = XRules.fromTerms(track, settings.maxRuleLength);
    this.http = HttpClient.newBuilder().connectTimeout(settings.connectTimeout).build();
    this.rules = new XRules(http, settings);
  }

  /** How many times the stream has connected. */
  public long connects() {
    return connects.get();
  }

  /** Sets the rules up and opens the stream in the background; {@link #next()} does it on its first call. */
  public synchronized void start() {
    if (loop != null) {
      return;
    }
    List<XRules.Rule> before = rules.list();
    List<XRules.Rule> ours = rules.add(ruleValues, settings.ruleTag);
    ours.stream().filter(r -> r.tag() != null).forEach(r -> addedIds.add(r.id()));
    ruleIds = Set.copyOf(ours.stream().map(XRules.Rule::id).toList());
    long others = before.stream().filter(r -> !ruleIds.contains(r.id())).count();
    LOG.info("x-stream: rules {} (added {}, already there {}){}", ours.stream().map(XRules.Rule::value).toList(),
        addedIds.size(), ours.size() - addedIds.size(),
        others == 0 ? "" : "; the app has " + others + " other rule(s): posts matching only those are passed over");
    long checkMillis = Math.max(50, settings.stallTimeout.toMillis() / 4);
    watchdog.scheduleWithFixedDelay(this::checkStall, checkMillis, checkMillis, TimeUnit.MILLISECONDS);
    loop = new Thread(this::connectLoop, "x-stream");
    loop.setDaemon(true);
    loop.start();
  }

  private void connectLoop() {
    Backoff backoff = settings.backoff();
    try {
      while (!stopped) {
        Duration wait = connectOnce(backoff);
        if (wait == null || !Backoff.sleep(wait, () -> stopped)) {
          return;
        }
      }
    } catch (RuntimeException e) {
      LOG.error("x-stream: the connection thread failed", e);
    } finally {
      // the run waits on this thread: it must never end quietly while the run goes on
      if (!stopped && fatal == null) {
        fatal = new UserError("x-stream: the stream's connection thread stopped unexpectedly (details in var/log/trendoff.log)");
      }
    }
  }

  /** One connection, start to end; the wait before the next, or null when there must be none. */
  private Duration connectOnce(Backoff backoff) {
    URI uri = settings.apiBase.resolve("tweets/search/stream?" + STREAM_QUERY);
    // the timeout runs until the response's headers: a server that takes the connection and says nothing is a stall too
    HttpRequest request = HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + settings.bearerToken)
        .timeout(settings.connectTimeout.plus(settings.stallTimeout)).GET().build();
    HttpResponse<InputStream> r;
    try {
      r = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
    } catch (IOException e) {
      Duration wait = backoff.after(Backoff.Failure.NETWORK);
      LOG.warn("x-stream: cannot connect ({}); trying again in {} ms", message(e), wait.toMillis());
      return wait;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
    int status = r.statusCode();
    if (status == 200) {
      backoff.connected();
      LOG.info("x-stream: connected (connection {})", connects.incrementAndGet());
      String why = read(r.body());
      if (stopped) {
        return null;
      }
      Duration wait = stalled ? backoff.after(Backoff.Failure.NETWORK) : backoff.afterDrop();
      LOG.info("x-stream: the stream ended ({}); reconnecting in {} ms", why, wait.toMillis());
      return wait;
    }
    String text = drain(r.body());
    if (status == 429) {
      Duration wait = backoff.after(Backoff.Failure.RATE_LIMIT);
      LOG.warn("x-stream: HTTP 429 (too many connections or requests); trying again in {} ms", wait.toMillis());
      return wait;
    }
    if (status >= 500 || status == 420 || status == 408) {
      Duration wait = backoff.after(Backoff.Failure.HTTP);
      LOG.warn("x-stream: HTTP {}; trying again in {} ms", status, wait.toMillis());
      return wait;
    }
    fatal = XRules.refusal(status, text, "open the filtered stream");
    stopped = true;
    return null;
  }

  /** Reads the open stream until it ends, fails or stalls; says why it stopped. */
  private String read(InputStream in) {
    stalled = false;
    lastByteNanos = System.nanoTime();
    synchronized (readerLock) {
      body = in;
      reader = Thread.currentThread();
    }
    try (LineReader lines = new LineReader(touching(in), StandardCharsets.UTF_8, MAX_LINE_BYTES)) {
      for (TextRecord line; !stopped && (line = lines.next()) != null; ) {
        accept(line);
      }
      return "closed by X";
    } catch (IOException e) {
      return stalled ? "nothing for " + settings.stallTimeout.toSeconds() + " s: stalled" : message(e);
    } finally {
      synchronized (readerLock) {
        reader = null;
        body = null;
      }
      // a stall's interrupt lands before the lock is released, so none reaches the backoff's sleep
      Thread.interrupted();
    }
  }

  private InputStream touching(InputStream in) {
    return new FilterInputStream(in) {
      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        lastByteNanos = System.nanoTime();
        return n;
      }
    };
  }

  private void checkStall() {
    synchronized (readerLock) {
      Thread r = reader;
      InputStream b = body;
      if (r != null && System.nanoTime() - lastByteNanos > settings.stallTimeout.toNanos()) {
        stalled = true;
        try {
          if (b != null) {
            b.close();
          }
        } catch (IOException ignored) {
          // it is being abandoned
        }
        r.interrupt();
      }
    }
  }

  /** One line of the stream. */
  void accept(TextRecord line) {
    if (!line.ok()) {
      offer(ParseResult.rejected(line.problem()));
      return;
    }
    String raw = line.text();
    if (raw.isBlank()) {
      count("keep-alive");
      return;
    }
    JsonNode n;
    try {
      n = JSON.readTree(raw);
    } catch (JsonProcessingException e) {
      offer(ParseResult.rejected(RejectReason.MALFORMED_JSON, "malformed JSON: " + e.getOriginalMessage(), raw));
      return;
    }
    if (n != null && n.isObject() && n.has("errors") && !n.has("data")) {
      for (JsonNode e : n.get("errors")) {
        String title = e.path("title").asText("error");
        count(title);
        LOG.warn("x-stream: X says {}: {}", title, e.path("detail").asText(e.path("message").asText("")));
      }
      return;
    }
    var posts = XV2Pages.posts(n, "x-stream");
    if (posts.isEmpty()) {
      offer(parser.parse(raw));
      return;
    }
    if (!matchesOurRules(n)) {
      count("other-rule");
      return;
    }
    for (XV2Pages.Post p : posts.get()) {
      offer(p.problem() != null ? ParseResult.rejected(p.problem()) : parser.parse(p.flat(), raw));
    }
  }

  /** A post the stream says matched none of the rules trendoff added (another program's rule of the same app). */
  private boolean matchesOurRules(JsonNode page) {
    JsonNode matched = page.get("matching_rules");
    if (matched == null || !matched.isArray() || matched.isEmpty()) {
      return true;
    }
    for (JsonNode m : matched) {
      if (ruleIds.contains(m.path("id").asText())) {
        return true;
      }
    }
    return false;
  }

  private void offer(ParseResult r) {
    records.offer(r, () -> stopped);
  }

  private void count(String kind) {
    records.count(kind);
  }

  @Override
  public ParseResult next() {
    start();
    return records.next(() -> stopped, () -> fatal);
  }

  @Override
  public String position() {
    return "x stream";
  }

  @Override
  public Map<String, Long> skipped() {
    return records.skipped();
  }

  @Override
  public void stop() {
    stopped = true;
  }

  /** Stops reading and deletes the rules this run added. */
  @Override
  public synchronized void close() {
    stopped = true;
    watchdog.shutdownNow();
    InputStream b = body;
    try {
      if (b != null) {
        b.close();
      }
    } catch (IOException ignored) {
      // closing
    }
    if (loop != null) {
      loop.interrupt();
      try {
        loop.join(5000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    if (!addedIds.isEmpty()) {
      try {
        rules.delete(addedIds);
        LOG.info("x-stream: deleted the rules it added ({})", addedIds);
        addedIds.clear();
      } catch (UserError e) {
        LOG.warn("x-stream: {}; delete rules {} in the X developer portal", e.getMessage(), addedIds);
      }
    }
  }

  private static String drain(InputStream in) {
    try (in) {
      return new String(in.readNBytes(64 * 1024), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }

  private static String message(Exception e) {
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }
}
