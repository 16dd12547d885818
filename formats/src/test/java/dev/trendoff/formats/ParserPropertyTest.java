package dev.trendoff.formats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.trendoff.avro.Tweet;
import dev.trendoff.core.TweetChecks;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Whatever a file holds, every parser gives a tweet a layer can write or a typed rejection: never an
 * exception, never a tweet with an empty or over-long user or text (docs/lambda.md 'What a layer refuses').
 */
class ParserPropertyTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Property(tries = 1000)
  void arbitraryLinesGiveATweetOrATypedRejection(@ForAll String line) {
    for (RecordParser p : parsers()) {
      assertUsableOrRejected(p.parse(line));
    }
  }

  /** Lines of comma-separated, sometimes quoted, fields: they reach the CSV parsers' field checks. */
  @Property(tries = 1000)
  void arbitraryCsvRecordsGiveATweetOrATypedRejection(@ForAll("csvRecords") String record) {
    for (RecordParser p : parsers()) {
      assertUsableOrRejected(p.parse(record));
    }
  }

  /** JSON objects shaped like statuses, with every field possibly missing, null, of the wrong type or odd. */
  @Property(tries = 2000)
  void arbitraryStatusObjectsGiveATweetOrATypedRejection(@ForAll("statuses") Map<String, Object> status) throws Exception {
    String line = JSON.writeValueAsString(status);
    ParseResult r = StatusJson.jsonl().parse(line);
    assertUsableOrRejected(r);
    if (r.isTweet()) {
      assertThat(r.tweet().getId()).isPositive();
    }
  }

  static List<RecordParser> parsers() {
    return List.of(StatusJson.jsonl(), Sentiment140Csv.instance(), FollowTheHashtagCsv.standard());
  }

  static void assertUsableOrRejected(ParseResult r) {
    assertThat(r).isNotNull();
    if (r.isTweet()) {
      Tweet t = r.tweet();
      assertThat(TweetChecks.check(t.getId(), t.getUserScreenName(), t.getText())).isNull();
    } else {
      assertThat(r.rejection().reason()).isNotNull();
      assertThat(r.rejection().detail()).isNotNull();
    }
  }

  @Provide
  Arbitrary<String> csvRecords() {
    Arbitrary<String> field = Arbitraries.oneOf(
        Arbitraries.strings().ofMaxLength(12),
        Arbitraries.strings().withChars("0123456789-").ofMaxLength(20),
        Arbitraries.of("@", " @", "", "2016-04-16", "12:44", "Sat May 16 23:58:44 UTC 2009", "1467810369", "-5", "x".repeat(600)),
        Arbitraries.strings().ofMaxLength(8).map(s -> "\"" + s.replace("\"", "\"\"") + "\""));
    return field.list().ofMinSize(1).ofMaxSize(22).map(fs -> String.join(",", fs));
  }

  @Provide
  Arbitrary<Map<String, Object>> statuses() {
    Arbitrary<Object> anyValue = Arbitraries.oneOf(
        Arbitraries.strings().ofMaxLength(10).map(s -> (Object) s),
        Arbitraries.longs().map(l -> (Object) l),
        Arbitraries.doubles().map(d -> (Object) d),
        Arbitraries.of(true, false).map(b -> (Object) b),
        Arbitraries.just(null),
        Arbitraries.just(List.of(1, "x")),
        Arbitraries.just(Map.of("k", "v")));
    Arbitrary<Object> id = Arbitraries.oneOf(anyValue, Arbitraries.longs().map(l -> (Object) l),
        Arbitraries.just((Object) 0L), Arbitraries.just((Object) Long.MAX_VALUE));
    Arbitrary<Object> screenName = Arbitraries.oneOf(anyValue,
        Arbitraries.of("@", "", " ", "alice", "@Bob", "x".repeat(513), "\u20ac".repeat(200)).map(s -> (Object) s));
    Arbitrary<Object> text = Arbitraries.oneOf(anyValue, Arbitraries.strings().ofMaxLength(40).map(s -> (Object) s),
        Arbitraries.just((Object) "y".repeat(TweetChecks.MAX_TEXT_BYTES + 1)));
    Arbitrary<Object> createdAt = Arbitraries.oneOf(anyValue,
        Arbitraries.just((Object) "Wed Oct 10 20:19:24 +0000 2018"));
    Arbitrary<Object> user = Combinators.combine(screenName, anyValue, Arbitraries.of(true, false))
        .as((sn, followers, asObject) -> {
          if (!asObject) {
            return sn;
          }
          Map<String, Object> u = new java.util.HashMap<>();
          u.put("screen_name", sn);
          u.put("followers_count", followers);
          return u;
        });
    return Combinators.combine(id, user, text, createdAt, anyValue, Arbitraries.integers().between(0, 63))
        .as((i, u, t, c, other, present) -> {
          Map<String, Object> m = new java.util.LinkedHashMap<>();
          List<String> keys = new ArrayList<>(List.of("id", "user", "text", "created_at", "full_text", "coordinates"));
          Object[] values = {i, u, t, c, t, other};
          for (int k = 0; k < keys.size(); k++) {
            if ((present & (1 << k)) != 0) {
              m.put(keys.get(k), values[k]);
            }
          }
          return m;
        });
  }
}
