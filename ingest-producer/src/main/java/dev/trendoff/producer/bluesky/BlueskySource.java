package dev.trendoff.producer.bluesky;

import java.io.IOException;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.trendoff.formats.ParseResult;
import dev.trendoff.formats.RecordSource;
import dev.trendoff.formats.RejectReason;
import dev.trendoff.formats.Rejection;

/**
 * Bluesky's public firehose, live ({@code produce --source bluesky}): Jetstream's posts
 * ({@link JetstreamConnection}) as tweets keyed by their author's handle. A handle comes from the
 * firehose's identity events or from the AppView ({@link HandleResolver}), and is kept
 * ({@link Handles}); a post whose author has no handle yet waits (at most {@code handle-wait}, and at
 * most {@code max-waiting} posts) and is then set aside to the reject file (missing-user): it is never
 * keyed by another name. Deletions, updates, identity and account events are counted as skipped.
 *
 * <p>At each checkpoint (every tweet handed acknowledged by Kafka) the position is written to the
 * cursor file ({@link Watermark}, {@link CursorFile}); the next run resumes there: nothing handed is
 * sent again, nothing received but not handed is lost. After a crash between checkpoints the posts sent
 * since the last one come again, with the same tweet ids ({@link BlueskyPosts#id}).
 */
public final class BlueskySource implements RecordSource {

  private static final Logger LOG = LoggerFactory.getLogger(BlueskySource.class);

  private record Waiting(JetstreamEvent event, long sinceNanos) {}

  private record Ready(ParseResult result, long timeUs, long id) {}

  private final BlueskySettings settings;
  private final LongSupplier clock;
  private final BlockingQueue<Object> incoming = new ArrayBlockingQueue<>(10_000);
  private final JetstreamConnection connection;
  private final HandleResolver resolver;
  private final Handles handles;
  private final CursorFile cursorFile;
  private final Watermark watermark;
  private final long resumeAfter;
  private final Set<Long> alreadySent = new HashSet<>();
  private final Map<String, Long> skipped = new TreeMap<>();
  private final LinkedHashMap<String, Deque<Waiting>> waiting = new LinkedHashMap<>();
  private final Map<String, Long> askAfter = new HashMap<>();
  private final Deque<Ready> ready = new ArrayDeque<>();
  private int waitingCount;
  private long resolverQuietUntil;
  private long lastResolverWarning;
  private long lastTimeUs;
  private volatile boolean stopped;

  public BlueskySource(BlueskySettings settings) {
    this(settings, System::nanoTime);
  }

  BlueskySource(BlueskySettings settings, LongSupplier clock) {
    this.settings = settings;
    this.clock = clock;
    HttpClient http = HttpClient.newBuilder().connectTimeout(settings.connectTimeout())
        .executor(Executors.newCachedThreadPool(r -> {
          Thread t = new Thread(r, "bluesky-http");
          t.setDaemon(true);
          return t;
        })).build();
    this.cursorFile = new CursorFile(settings.cursorFile());
    Watermark.Cursor from = cursorFile.read();
    this.watermark = new Watermark(from);
    this.resumeAfter = from == null ? 0 : from.timeUs();
    if (from != null) {
      from.sentAfter().forEach(s -> alreadySent.add(s.id()));
      LOG.info("bluesky: resuming after cursor {} ({})", from.timeUs(), cursorFile.path());
    }
    this.connection = new JetstreamConnection(settings, http, incoming, resumeAfter);
    this.resolver = new HandleResolver(http, settings.resolver(), settings.connectTimeout());
    this.handles = new Handles(settings.handleCacheSize(), settings.handleTtl(), clock);
  }

  /** How many times the firehose has connected. */
  public long connects() {
    return connection.connects();
  }

  @Override
  public ParseResult next() {
    connection.start();
    try {
      while (true) {
        if (!ready.isEmpty()) {
          return hand(ready.poll());
        }
        if (stopped) {
          return null;
        }
        expireWaiting();
        resolveDue();
        if (!ready.isEmpty()) {
          continue;
        }
        if (waitingCount >= settings.maxWaiting()) {
          Thread.sleep(50);
          continue;
        }
        Object item = incoming.poll(100, TimeUnit.MILLISECONDS);
        if (item != null) {
          take(item);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  private ParseResult hand(Ready r) {
    if (r.id() >= 0) {
      watermark.handed(r.timeUs(), r.id());
    } else if (r.timeUs() > 0) {
      watermark.settled(r.timeUs());
    }
    if (r.timeUs() > 0) {
      lastTimeUs = r.timeUs();
    }
    return r.result();
  }

  private void take(Object item) {
    if (item instanceof Rejection bad) {
      ready.add(new Ready(ParseResult.rejected(bad), -1, -1));
      return;
    }
    JetstreamEvent e = (JetstreamEvent) item;
    if (e.isIdentity()) {
      String handle = e.handle();
      if (handle != null && !HandleResolver.INVALID.equals(handle)) {
        handles.identity(e.did(), handle);
        release(e.did());
      } else {
        handles.forget(e.did());
      }
    }
    if (e.timeUs() <= resumeAfter) {
      return;
    }
    watermark.received(e.timeUs());
    if (!e.isNewPost()) {
      skip(e, e.isCommit() ? e.operation() + (JetstreamEvent.POSTS.equals(e.collection()) ? "" : " " + e.collection())
          : e.kind().isEmpty() ? "other" : e.kind());
      return;
    }
    long id = BlueskyPosts.id(e.did(), e.rkey());
    if (alreadySent.contains(id)) {
      skip(e, "already-sent");
      return;
    }
    if (!BlueskyPosts.hasText(e)) {
      skip(e, "no-text");
      return;
    }
    Handles.Author author = handles.known(e.did());
    if (author != null) {
      ready.add(post(e, author));
    } else {
      waiting.computeIfAbsent(e.did(), d -> new ArrayDeque<>()).add(new Waiting(e, clock.getAsLong()));
      waitingCount++;
      askAfter.putIfAbsent(e.did(), clock.getAsLong());
    }
  }

  private void skip(JetstreamEvent e, String kind) {
    watermark.settled(e.timeUs());
    skipped.merge(kind, 1L, Long::sum);
  }

  private static Ready post(JetstreamEvent e, Handles.Author author) {
    ParseResult r = BlueskyPosts.tweet(e, author.handle(), author.displayName());
    return new Ready(r, e.timeUs(), r.isTweet() ? r.tweet().getId() : -1);
  }

  /** The posts of {@code did} waiting for its handle, now known. */
  private void release(String did) {
    Deque<Waiting> w = waiting.remove(did);
    askAfter.remove(did);
    Handles.Author author = handles.known(did);
    if (w != null) {
      waitingCount -= w.size();
      w.forEach(p -> ready.add(post(p.event(), author)));
    }
  }

  private void setAside(Waiting p, String detail) {
    ready.add(new Ready(ParseResult.rejected(RejectReason.MISSING_USER, detail, p.event().raw()), p.event().timeUs(), -1));
    waitingCount--;
  }

  /** Posts that have waited {@code handle-wait} for their author's handle go to the reject file. */
  private void expireWaiting() {
    long now = clock.getAsLong();
    long limit = settings.handleWait().toNanos();
    for (Iterator<Map.Entry<String, Deque<Waiting>>> it = waiting.entrySet().iterator(); it.hasNext(); ) {
      Map.Entry<String, Deque<Waiting>> entry = it.next();
      Deque<Waiting> posts = entry.getValue();
      while (!posts.isEmpty() && now - posts.peekFirst().sinceNanos() > limit) {
        setAside(posts.pollFirst(), "no handle for " + entry.getKey() + " within " + settings.handleWait().toSeconds()
            + " s: neither an identity event nor the resolver named it");
      }
      if (posts.isEmpty()) {
        it.remove();
        askAfter.remove(entry.getKey());
      }
    }
  }

  /** Asks the resolver about up to a batch of waiting authors that are due. */
  private void resolveDue() {
    long now = clock.getAsLong();
    if (waiting.isEmpty() || now < resolverQuietUntil) {
      return;
    }
    List<String> due = new ArrayList<>();
    for (String did : waiting.keySet()) {
      if (askAfter.getOrDefault(did, 0L) <= now) {
        due.add(did);
        if (due.size() == HandleResolver.BATCH) {
          break;
        }
      }
    }
    if (due.isEmpty()) {
      return;
    }
    long retry = now + settings.retryUnknownAfter().toNanos();
    Map<String, HandleResolver.Answer> answers;
    try {
      answers = resolver.resolve(due);
    } catch (IOException e) {
      resolverQuietUntil = retry;
      if (now - lastResolverWarning > TimeUnit.MINUTES.toNanos(1) || lastResolverWarning == 0) {
        lastResolverWarning = now;
        LOG.warn("bluesky: the handle resolver {} did not answer ({}); posts wait for their handles", settings.resolver(),
            e.getMessage());
      }
      return;
    }
    for (String did : due) {
      HandleResolver.Answer a = answers.get(did);
      if (a == null) {
        askAfter.put(did, retry);
      } else if (a.invalid()) {
        Deque<Waiting> posts = waiting.remove(did);
        askAfter.remove(did);
        posts.forEach(p -> setAside(p, did + " has no verified handle (the AppView says " + HandleResolver.INVALID + ")"));
      } else {
        handles.put(did, a.author());
        release(did);
      }
    }
  }

  @Override
  public void checkpoint() throws IOException {
    if (!watermark.empty()) {
      cursorFile.write(watermark.cursor());
    }
  }

  @Override
  public Duration checkpointEvery() {
    return settings.checkpointInterval();
  }

  @Override
  public String position() {
    return "bluesky firehose at " + lastTimeUs;
  }

  @Override
  public Map<String, Long> skipped() {
    return new TreeMap<>(skipped);
  }

  @Override
  public void stop() {
    stopped = true;
  }

  @Override
  public void close() {
    stopped = true;
    connection.close();
  }
}
