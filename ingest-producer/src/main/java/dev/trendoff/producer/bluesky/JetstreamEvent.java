package dev.trendoff.producer.bluesky;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.trendoff.formats.RejectReason;
import dev.trendoff.formats.Rejection;

/**
 * One message of Bluesky's Jetstream: {@code {"did", "time_us", "kind", ...}} where {@code kind} is
 * {@code commit} (a record created, updated or deleted in a repository: {@code commit.operation},
 * {@code collection}, {@code rkey}, {@code record}), {@code identity} (the account's handle,
 * {@code identity.handle}) or {@code account} (the account's status). {@code time_us} is the
 * firehose's cursor: microseconds, increasing.
 */
public record JetstreamEvent(String kind, String did, long timeUs, JsonNode body, String raw) {

  public static final String POSTS = "app.bsky.feed.post";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A message that is not a Jetstream event: why, with the message. */
  public static final class NotAnEvent extends Exception {
    private static final long serialVersionUID = 1L;
    final transient Rejection rejection;

    NotAnEvent(String detail, String raw) {
      super(detail, null, false, false);
      this.rejection = new Rejection(RejectReason.MALFORMED_JSON, detail, raw);
    }

    public Rejection rejection() {
      return rejection;
    }
  }

  public static JetstreamEvent parse(String raw) throws NotAnEvent {
    JsonNode n;
    try {
      n = JSON.readTree(raw);
    } catch (JsonProcessingException e) {
      throw new NotAnEvent("malformed JSON: " + e.getOriginalMessage(), raw);
    }
    if (n == null || !n.isObject()) {
      throw new NotAnEvent("not a JSON object", raw);
    }
    String did = n.path("did").asText("");
    JsonNode time = n.get("time_us");
    if (!did.startsWith("did:") || time == null || !time.canConvertToLong() || time.asLong() <= 0) {
      throw new NotAnEvent("not a Jetstream event: no did or no time_us", raw);
    }
    return new JetstreamEvent(n.path("kind").asText(""), did, time.asLong(), n, raw);
  }

  public boolean isCommit() {
    return "commit".equals(kind);
  }

  public boolean isIdentity() {
    return "identity".equals(kind);
  }

  /** {@code create}, {@code update} or {@code delete} of a commit. */
  public String operation() {
    return body.path("commit").path("operation").asText("");
  }

  public String collection() {
    return body.path("commit").path("collection").asText("");
  }

  public String rkey() {
    return body.path("commit").path("rkey").asText("");
  }

  /** The created record (a post: {@code text}, {@code createdAt}, {@code langs}). */
  public JsonNode record() {
    return body.path("commit").path("record");
  }

  /** A post created: what becomes a tweet. */
  public boolean isNewPost() {
    return isCommit() && "create".equals(operation()) && POSTS.equals(collection()) && !rkey().isEmpty();
  }

  /** The handle an identity event names, or null when it names none. */
  public String handle() {
    JsonNode h = body.path("identity").get("handle");
    return h != null && h.isTextual() && !h.asText().isBlank() ? h.asText().strip() : null;
  }
}
