package dev.trendoff.formats;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.trendoff.avro.Tweet;
import dev.trendoff.avro.TweetSource;

class Sentiment140CsvTest {

  static List<ParseResult> fixture() {
    return Fixtures.read("sentiment140", "sentiment140.csv");
  }

  @Test
  void readsEveryLine() {
    // the duplicate id (line 7) is a tweet for the parser; the run rejects it
    assertThat(Fixtures.outcomes(fixture())).containsExactly(
        "tweet", "tweet", "tweet", "wrong-field-count", "missing-user", "empty-line", "tweet", "bad-id",
        "bad-date", "broken-quoting");
  }

  @Test
  void fieldsAndLatin1AndZones() {
    List<ParseResult> r = fixture();
    Tweet first = r.get(0).tweet();
    assertThat(first.getId()).isEqualTo(1467810369L);
    assertThat(first.getUserScreenName()).isEqualTo("_TheSpecialOne_");
    assertThat(first.getText()).startsWith("@switchfoot http://twitpic.com/2y1zl - Awww, that's a bummer.");
    // PDT is UTC-7 in April
    assertThat(first.getCreatedAt()).isEqualTo(Instant.parse("2009-04-07T05:19:45Z"));
    assertThat(first.getSource()).isEqualTo(TweetSource.SENTIMENT140);
    assertThat(first.getUserName()).isNull();
    assertThat(first.getLang()).isNull();

    assertThat(r.get(1).tweet().getText()).isEqualTo("I LOVE @Health4UandPets u guys r the best!! caf\u00e9 na\u00efve ");
    assertThat(r.get(2).tweet().getCreatedAt()).isEqualTo(Instant.parse("2009-05-16T23:58:44Z"));
  }

  @Test
  void theTextsHtmlEntitiesAreUnescaped() {
    Tweet t = Sentiment140Csv.instance().parse("\"4\",\"1467822272\",\"Mon Apr 06 22:22:45 PDT 2009\",\"NO_QUERY\",\"ersle\","
        + "\"I &lt;3 &quot;coffee&quot; &amp; tea &gt; juice \"").tweet();
    assertThat(t.getText()).isEqualTo("I <3 \"coffee\" & tea > juice ");
  }
}
