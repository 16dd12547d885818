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

  /**
   * When records were read but none sent because each was rejected: one line saying so, with the
   * reason that rejected the most (and the reject file); null otherwise (a run that sent something, or
   * read nothing, or was stopped before it could).
   */
  public String nothingSent() {
    if (sent > 0 || rejected == 0 || stopped) {
      return null;
    }
    Map.Entry<String, Long> top = null;
    for (Map.Entry<String, Long> e : rejectedByReason.entrySet()) {
      if (top == null || e.getValue() > top.getValue()) {
        top = e;
      }
    }
    return String.format("nothing sent: every one of the %,d records read was rejected, most as %s (%,d)%s", read,
        top.getKey(), top.getValue(), rejectFile == null ? "" : "; see " + rejectFile);
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
    double rate = tweetsPerSecond();
    b.append(String.format("produce %s%s: read %,d, sent %,d, failed %,d, rejected %,d in %.1f s (%s tweets/s)%n",
        source, stopped ? " (stopped)" : "", read, sent, failed, rejected, seconds,
        String.format(rate < 100 ? "%,.1f" : "%,.0f", rate)));
    rejectedByReason.forEach((reason, n) -> b.append(String.format("  rejected %-18s %,d%n", reason, n)));
    skipped.forEach((kind, n) -> b.append(String.format("  skipped  %-18s %,d%n", kind, n)));
    if (rejectFile != null) {
      b.append("  rejects written to ").append(rejectFile).append('\n');
    }
    return b.toString();
  }
}
