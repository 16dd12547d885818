package dev.trendoff.producer;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.trendoff.avro.TweetSource;
import dev.trendoff.core.UserError;
import dev.trendoff.formats.ParseResult;
import dev.trendoff.formats.RecordSource;
import dev.trendoff.formats.RejectReason;
import dev.trendoff.formats.StatusJson;
import twitter4j.ConnectionLifeCycleListener;
import twitter4j.FilterQuery;
import twitter4j.RawStreamListener;
import twitter4j.StallWarning;
import twitter4j.Status;
import twitter4j.StatusDeletionNotice;
import twitter4j.StatusListener;
import twitter4j.TwitterStream;
import twitter4j.TwitterStreamFactory;
import twitter4j.conf.ConfigurationBuilder;

/**
 * The live v1.1 filter stream through Twitter4J. Twitter4J connects (OAuth 1.0a), filters by track
 * words, user ids or bounding boxes, and reconnects by itself with back-off (linear from 250 ms to
 * 16 s after network errors, exponential from 5 s to 320 s after HTTP errors, a minute after 420);
 * a connection silent for {@code read-timeout} counts as stalled and is reopened.
 *
 * <p>Each raw line is read here with {@link StatusJson} (the same reader as jsonl files): statuses
 * become tweets, blank keep-alive lines and notices (delete, limit, ...) are counted as skipped, a
 * line that is not JSON is a rejection. {@link #next()} waits for the next one until {@link #stop()}.
 */
public final class TwitterSource implements RecordSource {

  private static final Logger LOG = LoggerFactory.getLogger(TwitterSource.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  /** What to filter on: at least one of the three. Boxes are {sw lon, sw lat, ne lon, ne lat}. */
  public record Filter(List<String> track, List<Long> follow, List<double[]> locations) {
    public Filter {
      track = List.copyOf(track);
      follow = List.copyOf(follow);
      locations = List.copyOf(locations);
      if (track.isEmpty() && follow.isEmpty() && locations.isEmpty()) {
        throw UserError.usage("the twitter source needs --track, --follow or --locations");
      }
    }

    FilterQuery toQuery() {
      FilterQuery q = new FilterQuery();
      if (!track.isEmpty()) {
        q.track(track.toArray(new String[0]));
      }
      if (!follow.isEmpty()) {
        q.follow(follow.stream().mapToLong(Long::longValue).toArray());
      }
      if (!locations.isEmpty()) {
        double[][] boxes = new double[locations.size() * 2][];
        for (int i = 0; i < locations.size(); i++) {
          double[] b = locations.get(i);
          boxes[2 * i] = new double[] {b[0], b[1]};
          boxes[2 * i + 1] = new double[] {b[2], b[3]};
        }
        q.locations(boxes);
      }
      return q;
    }
  }

  private final StatusJson format = new StatusJson(TweetSource.TWITTER);
  private final LiveRecords records = new LiveRecords(10_000);
  private final AtomicLong connects = new AtomicLong();
  private final TwitterStream stream;
  private final FilterQuery query;
  private volatile boolean stopped;
  private boolean started;

  public TwitterSource(TwitterSettings settings, Filter filter) {
    ConfigurationBuilder cb = new ConfigurationBuilder()
        .setDebugEnabled(false)
        .setPrettyDebugEnabled(false)
        .setJSONStoreEnabled(false)
        .setOAuthConsumerKey(settings.consumerKey)
        .setOAuthConsumerSecret(settings.consumerSecret)
        .setOAuthAccessToken(settings.accessToken)
        .setOAuthAccessTokenSecret(settings.accessTokenSecret)
        .setStreamBaseURL(settings.streamBaseUrl)
        .setHttpConnectionTimeout(settings.connectTimeoutMs)
        .setHttpStreamingReadTimeout(settings.readTimeoutMs);
    this.stream = new TwitterStreamFactory(cb.build()).getInstance();
    stream.addConnectionLifeCycleListener(new ConnectionLifeCycleListener() {
      @Override
      public void onConnect() {
        LOG.info("twitter: connected to the stream (connection {})", connects.incrementAndGet());
      }

      @Override
      public void onDisconnect() {
        if (!stopped) {
          LOG.info("twitter: disconnected; Twitter4J reconnects with back-off");
        }
      }

      @Override
      public void onCleanUp() {
      }
    });
    stream.addListener((RawStreamListener) new RawStreamListener() {
      @Override
      public void onMessage(String rawJSON) {
        accept(rawJSON);
      }

      @Override
      public void onException(Exception ex) {
        LOG.debug("twitter: raw listener", ex);
      }
    });
    // Twitter4J 4.0.7 opens a filter stream only with a StatusListener; lines are read by the raw one above
    stream.addListener(new StatusListener() {
      @Override
      public void onStatus(Status status) {
      }

      @Override
      public void onDeletionNotice(StatusDeletionNotice notice) {
      }

      @Override
      public void onTrackLimitationNotice(int numberOfLimitedStatuses) {
      }

      @Override
      public void onScrubGeo(long userId, long upToStatusId) {
      }

      @Override
      public void onStallWarning(StallWarning warning) {
        LOG.warn("twitter: stall warning: {} ({}% full)", warning.getMessage(), warning.getPercentFull());
      }

      @Override
      public void onException(Exception ex) {
        if (ex instanceof twitter4j.JSONException || ex.getCause() instanceof twitter4j.JSONException) {
          LOG.debug("twitter: a line Twitter4J could not read", ex);
        } else if (!stopped) {
          LOG.warn("twitter: {}", ex.getMessage() == null ? ex.getClass().getSimpleName() : firstLine(ex.getMessage()));
        }
      }
    });
    this.query = filter.toQuery();
  }

  /** How many times the stream has connected (more than one after reconnects). */
  public long connects() {
    return connects.get();
  }

  void accept(String raw) {
    if (stopped) {
      return;
    }
    if (raw == null || raw.isBlank()) {
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
    if (n == null || !n.isObject()) {
      offer(ParseResult.rejected(RejectReason.MALFORMED_JSON, "not a JSON object", raw));
      return;
    }
    String notice = StatusJson.noticeKind(n);
    if (notice != null && !n.has("id")) {
      count(notice);
      return;
    }
    offer(format.parse(n, raw));
  }

  private void offer(ParseResult r) {
    records.offer(r, () -> stopped);
  }

  private void count(String kind) {
    records.count(kind);
  }

  /** Connects (in the background); {@link #next()} does it on its first call. */
  public synchronized void start() {
    if (!started) {
      started = true;
      stream.filter(query);
    }
  }

  @Override
  public ParseResult next() {
    start();
    return records.next(() -> stopped, () -> null);
  }

  @Override
  public String position() {
    return "twitter stream";
  }

  @Override
  public Map<String, Long> skipped() {
    return records.skipped();
  }

  @Override
  public void stop() {
    stopped = true;
  }

  @Override
  public void close() {
    stopped = true;
    stream.shutdown();
  }

  private static String firstLine(String s) {
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
