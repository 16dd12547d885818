package dev.trendoff.formats;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

class NoteTweetsTest {

  static final Instant T = Instant.parse("2023-07-19T19:03:18Z");

  static NoteTweets notes(XArchive.Note... notes) {
    TreeMap<Instant, List<XArchive.Note>> m = new TreeMap<>();
    for (XArchive.Note n : notes) {
      m.computeIfAbsent(n.createdAt(), k -> new ArrayList<>()).add(n);
    }
    return new NoteTweets(m);
  }

  @Test
  void theNoteThatBeginsWithTheCutTextAtTheSameTimeIsTheWholePost() {
    NoteTweets n = notes(new XArchive.Note(T, "Whole text & then some more words"),
        new XArchive.Note(T.plusSeconds(1), "Another note entirely"));
    assertThat(n.fullText("Whole text &amp; then\u2026 https://t.co/abc", T)).contains("Whole text & then some more words");
    // each note goes to one tweet
    assertThat(n.fullText("Whole text &amp; then\u2026 https://t.co/abc", T)).isEmpty();
  }

  @Test
  void linksAndWhiteSpaceDoNotMatterButTheWordsAndTheTimeDo() {
    NoteTweets n = notes(new XArchive.Note(T, "Read https://example.com/long/path first,\nthen the rest"));
    assertThat(n.fullText("Read https://t.co/x1 first, then\u2026", T.plusSeconds(9))).isPresent();
    NoteTweets far = notes(new XArchive.Note(T, "Same words"));
    assertThat(far.fullText("Same words\u2026", T.plusSeconds(11))).isEmpty();
    NoteTweets other = notes(new XArchive.Note(T, "Different words"));
    assertThat(other.fullText("Same words\u2026", T)).isEmpty();
  }

  @Test
  void theNearestInTimeWins() {
    NoteTweets n = notes(new XArchive.Note(T.minusSeconds(5), "Hello world, early"), new XArchive.Note(T.plusSeconds(1), "Hello world, late"));
    assertThat(n.fullText("Hello world\u2026", T)).contains("Hello world, late");
  }
}
