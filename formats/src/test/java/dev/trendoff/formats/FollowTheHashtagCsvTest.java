package dev.trendoff.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.trendoff.avro.Tweet;
import dev.trendoff.avro.TweetSource;
import dev.trendoff.core.UserError;

class FollowTheHashtagCsvTest {

  static List<ParseResult> fixture() {
    return Fixtures.read("followthehashtag", "followthehashtag.csv");
  }

  @Test
  void readsEveryRecordOfTheFixture() {
    assertThat(Fixtures.outcomes(fixture())).containsExactly(
        "tweet", "tweet", "tweet", "wrong-field-count", "broken-quoting", "broken-quoting", "tweet", "missing-user",
        "empty-line", "bad-date", "bad-number", "missing-text", "tweet");
  }

  @Test
  void fieldsByHeaderName() {
    List<ParseResult> r = fixture();
    Tweet bill = r.get(0).tweet();
    assertThat(bill.getId()).isEqualTo(721318437075685382L);
    assertThat(bill.getUserScreenName()).isEqualTo("BillSchulhoff");
    assertThat(bill.getUserName()).isEqualTo("Bill Schulhoff");
    assertThat(bill.getText()).isEqualTo("Wind 3.2 mph NNE. Barometer 30.20 in. Rising slowly. Temperature 49.3 \u00b0F."
        + " Rain today 0.00 in. Humidity 32%");
    assertThat(bill.getCreatedAt()).isEqualTo(Instant.parse("2016-04-16T12:44:00Z"));
    assertThat(bill.getFavoriteCount()).isNull();
    assertThat(bill.getRetweetCount()).isNull();
    assertThat(bill.getCoordinates().getLatitude()).isEqualTo(40.76919738);
    assertThat(bill.getCoordinates().getLongitude()).isEqualTo(-72.97594785);
    assertThat(bill.getPlace()).isEqualTo("East Patchogue, NY");
    assertThat(bill.getUserFollowersCount()).isEqualTo(386);
    assertThat(bill.getLang()).isEqualTo("en");
    assertThat(bill.getIsRetweet()).isFalse();
    assertThat(bill.getSource()).isEqualTo(TweetSource.CSV);

    Tweet wendy = r.get(1).tweet();
    assertThat(wendy.getText()).isEqualTo("I'm at Starbucks in \"Beverly Hills\", CA https://t.co/AbC");
    assertThat(wendy.getFavoriteCount()).isEqualTo(2);
    assertThat(wendy.getRetweetCount()).isEqualTo(1);

    Tweet josh = r.get(2).tweet();
    assertThat(josh.getUserScreenName()).isEqualTo("joshtheman");
    assertThat(josh.getText()).isEqualTo("First line\nsecond line, with a comma");
    assertThat(josh.getCoordinates()).isNull();
    assertThat(josh.getUserName()).isEqualTo("Josh");

    Tweet after = r.get(6).tweet();
    assertThat(after.getText()).isEqualTo("Still read after the broken one");

    Tweet echo = r.get(12).tweet();
    assertThat(echo.getIsRetweet()).isTrue();
    assertThat(echo.getCreatedAt()).isEqualTo(Instant.parse("2016-04-16T23:59:00Z"));
    assertThat(echo.getPlace()).isEqualTo("Austin, TX");
    assertThat(echo.getRetweetCount()).isEqualTo(3);
  }

  @Test
  void headerNamesNotPositions() {
    FollowTheHashtagCsv f = FollowTheHashtagCsv.fromHeader("Nickname, Tweet content, Hour, Date, Tweet Id, Favs");
    Tweet t = f.parse("someone,\"hello, world\",9:05,2016-04-15,12345,7").tweet();
    assertThat(t.getUserScreenName()).isEqualTo("someone");
    assertThat(t.getText()).isEqualTo("hello, world");
    assertThat(t.getCreatedAt()).isEqualTo(Instant.parse("2016-04-15T09:05:00Z"));
    assertThat(t.getId()).isEqualTo(12345L);
    assertThat(t.getFavoriteCount()).isEqualTo(7);
    assertThat(t.getCoordinates()).isNull();
    assertThat(f.parse("a,b,9:05,2016-04-15,12345").rejection().reason()).isEqualTo(RejectReason.WRONG_FIELD_COUNT);
  }

  @Test
  void aHeaderWithoutTheNeededColumnsIsAUserError() {
    assertThatThrownBy(() -> FollowTheHashtagCsv.fromHeader("id,text,user"))
        .isInstanceOf(UserError.class).hasMessageContaining("'Nickname'");
    assertThatThrownBy(() -> Fixtures.read("followthehashtag", "sentiment140.csv"))
        .isInstanceOf(UserError.class).hasMessageContaining("not a followthehashtag CSV");
  }

  @Test
  void standardLayoutParsesOneRecordWithoutAFile() {
    ParseResult r = FollowTheHashtagCsv.standard().parse(
        "1,2016-04-16,12:44,N,nick,bio,text,,,,,US,,p,1,1,1,en,u");
    assertThat(r.tweet().getUserScreenName()).isEqualTo("nick");
  }

  @Test
  void theParserTravelsToSparkExecutors() throws Exception {
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(bytes)) {
      out.writeObject(FollowTheHashtagCsv.fromHeader(String.join(",", FollowTheHashtagCsv.STANDARD_HEADER)));
    }
    FollowTheHashtagCsv copy;
    try (java.io.ObjectInputStream in = new java.io.ObjectInputStream(new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
      copy = (FollowTheHashtagCsv) in.readObject();
    }
    assertThat(copy.parse("1,2016-04-16,12:44,N,nick,bio,text,,,,,US,,p,1,1,1,en,u").tweet().getUserScreenName())
        .isEqualTo("nick");
  }
}
