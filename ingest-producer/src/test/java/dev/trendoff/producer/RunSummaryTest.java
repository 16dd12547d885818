package dev.trendoff.producer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.TreeMap;

import org.junit.jupiter.api.Test;

class RunSummaryTest {

  static RunSummary summary(long read, long sent, boolean stopped, String... reasonCounts) {
    TreeMap<String, Long> by = new TreeMap<>();
    long rejected = 0;
    for (int i = 0; i < reasonCounts.length; i += 2) {
      long n = Long.parseLong(reasonCounts[i + 1]);
      by.put(reasonCounts[i], n);
      rejected += n;
    }
    return new RunSummary("jsonl", read, sent, 0, rejected, by, new TreeMap<>(), 1.0, "var/rejects/r.jsonl", stopped);
  }

  @Test
  void everyRecordRejectedNamesTheMainReason() {
    assertThat(summary(12, 0, false, "bad-user", "2", "malformed-json", "9", "empty-line", "1").nothingSent())
        .isEqualTo("nothing sent: every one of the 12 records read was rejected, most as malformed-json (9);"
            + " see var/rejects/r.jsonl");
  }

  @Test
  void aRunThatSentSomethingOrReadNothingOrWasStoppedIsNotAFailure() {
    assertThat(summary(12, 1, false, "bad-user", "11").nothingSent()).isNull();
    assertThat(summary(0, 0, false).nothingSent()).isNull();
    assertThat(summary(3, 0, true, "bad-user", "3").nothingSent()).isNull();
  }
}
