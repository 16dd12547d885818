package dev.trendoff.producer;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The end of a {@code produce} run: records read, tweets Kafka acknowledged ({@code sent}) or did
 * not take ({@code failed}), rejections by reason, records skipped that were not bad input (stream
 * notices), and the rate.
 */
public record RunSummary(String source, long read, long sent, long failed, long rejected,
    SortedMap<String, Long> rejectedByReason, SortedMap<String, Long> skipped, double seconds,
    String rejectFile, boolean stopped) {

  public double tweetsPerSecond() {
    return seconds > 0 ? sent / seconds : 0;
  }

  public String toJson() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("source", source);
    m.put("read", read);
    m.put("sent", sent);
    m.put("failed", failed);
    m.put("rejected", rejected);
    m.put("rejectedByReason", rejectedByReason);
    m.put("skipped", skipped);
    m.put("seconds", Math.round(seconds * 1000) / 1000.0);
    m.put("tweetsPerSecond", Math.round(tweetsPerSecond() * 10) / 10.0);
    m.put("rejectFile", rejectFile);
    m.put("stopped", stopped);
    try {
      return new ObjectMapper().writeValueAsString(m);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  public String toText() {
    StringBuilder b = new StringBuilder();
    b.append(String.format("produce %s%s: read %,d, sent %,d, failed %,d, rejected %,d in %.1f s (%,.0f tweets/s)%n",
        source, stopped ? " (stopped)" : "", read, sent, failed, rejected, seconds, tweetsPerSecond()));
    rejectedByReason.forEach((reason, n) -> b.append(String.format("  rejected %-18s %,d%n", reason, n)));
    skipped.forEach((kind, n) -> b.append(String.format("  skipped  %-18s %,d%n", kind, n)));
    if (rejectFile != null) {
      b.append("  rejects written to ").append(rejectFile).append('\n');
    }
    return b.toString();
  }
}
