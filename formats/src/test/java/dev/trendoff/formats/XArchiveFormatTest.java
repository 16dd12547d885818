package dev.trendoff.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.trendoff.avro.Coordinates;
import dev.trendoff.avro.Tweet;
import dev.trendoff.avro.TweetSource;
import dev.trendoff.core.UserError;

/** x-archive on the hand-written archives of fixtures/x-archive (alice: a 2023 archive; bob: an older one). */
class XArchiveFormatTest {

  @TempDir Path dir;

  static final List<String> ALICE = List.of("tweet", "tweet", "tweet", "tweet", "tweet", "missing-text", "bad-date",
      "tweet", "bad-number", "bad-id");

  static RecordSource archive(Path p) {
    return TweetFormats.named("x-archive").source(p.toString(), Fixtures.LIMITS);
  }

  static List<ParseResult> alice() {
    return Fixtures.readAll(archive(Fixtures.path("x-archive/alice")));
  }

  @Test
  void everyTweetOfBothPartsIsATweetOrARejectionAndTheOtherFilesAreNotRead() {
    List<ParseResult> r = alice();
    assertThat(Fixtures.outcomes(r)).containsExactlyElementsOf(ALICE);
    assertThat(Fixtures.tweetsOf(r)).extracting(Tweet::getId).containsExactly(1626938917378342912L,
        1626940013456785409L, 1627001122334455667L, 1628000251658240002L, 1681736112456716288L, 1700000000000000005L);
    // neither the deleted tweet nor the tweet headers are the user's tweets
    assertThat(Fixtures.tweetsOf(r)).extracting(Tweet::getId).doesNotContain(1626000000000000000L);
  }

  @Test
  void numbersAsStringsEntitiesAndTheAuthorFromAccountJs() {
    Tweet t = alice().get(0).tweet();
    assertThat(t.getUserScreenName()).isEqualTo("alice_data");
    assertThat(t.getUserName()).isEqualTo("Alice \u00c4ngstr\u00f6m");
    assertThat(t.getText()).isEqualTo("Spark & Cassandra <3 streaming #bigdata with coffee > tea");
    assertThat(t.getCreatedAt()).isEqualTo(Instant.parse("2023-02-18T12:33:11Z"));
    assertThat(t.getFavoriteCount()).isEqualTo(12);
    assertThat(t.getRetweetCount()).isEqualTo(3);
    assertThat(t.getLang()).isEqualTo("en");
    assertThat(t.getIsRetweet()).isFalse();
    assertThat(t.getFavorited()).isFalse();
    assertThat(t.getPossiblySensitive()).isNull();
    assertThat(t.getUserFollowersCount()).isNull();
    assertThat(t.getCoordinates()).isNull();
    assertThat(t.getSource()).isEqualTo(TweetSource.X_ARCHIVE);
  }

  @Test
  void retweetsUnicodeAndCoordinatesAsStrings() {
    List<ParseResult> r = alice();
    Tweet retweet = r.get(1).tweet();
    assertThat(retweet.getIsRetweet()).isTrue();
    assertThat(retweet.getText()).isEqualTo("RT @bob_builds: Kafka partitions keep every user in order");
    assertThat(retweet.getRetweetCount()).isEqualTo(5);

    Tweet paris = r.get(2).tweet();
    assertThat(paris.getText()).isEqualTo("Caf\u00e9 cr\u00e8me \u00e0 Paris \uD83E\uDD50 na\u00efve r\u00e9sum\u00e9 \u6771\u4eac #voyage");
    assertThat(paris.getLang()).isEqualTo("fr");
    assertThat(paris.getFavorited()).isTrue();
    assertThat(paris.getPossiblySensitive()).isFalse();
    assertThat(paris.getCoordinates()).isEqualTo(new Coordinates(48.8566, 2.3522));

    assertThat(Fixtures.tweetsOf(r).get(5).getPossiblySensitive()).isTrue();
  }

  @Test
  void anEditedPostCountsOnceAsItsLastVersion() throws IOException {
    Tweet edited = alice().get(3).tweet();
    assertThat(edited.getId()).isEqualTo(1628000251658240002L);
    assertThat(edited.getText()).isEqualTo("Lambda architecture is hard but worth it");
    try (RecordSource s = archive(Fixtures.path("x-archive/alice"))) {
      while (s.next() != null) {
        // read it all
      }
      assertThat(s.skipped()).isEqualTo(Map.of("earlier-edit", 1L));
    }
  }

  @Test
  void aLongPostGetsItsWholeTextFromNoteTweetJs() {
    Tweet longPost = alice().get(4).tweet();
    assertThat(longPost.getId()).isEqualTo(1681736112456716288L);
    assertThat(longPost.getText()).isEqualTo("Long posts used to be impossible here; now they are notes & the archive keeps them"
        + " whole in another file, with every word after the cut: serving layers, speed layers and the batch recompute.");
  }

  @Test
  void rejectionsSayWhereAndWhy() {
    List<ParseResult> r = alice();
    assertThat(r.get(5).rejection().detail()).isEqualTo("no full_text");
    assertThat(r.get(6).rejection().detail()).startsWith("created_at is not like 'Sat Feb 18 12:33:11 +0000 2023'");
    assertThat(r.get(8).rejection().detail()).isEqualTo("favorite_count is not a whole number: lots");
    assertThat(r.get(9).rejection().detail()).isEqualTo("no id_str or id");
    assertThat(r.get(9).rejection().raw()).contains("No id at all").contains("\"username\":\"alice_data\"");
  }

  @Test
  void positionsNameTheArchiveThePartAndTheLine() throws IOException {
    try (RecordSource s = archive(Fixtures.path("x-archive/alice"))) {
      s.next();
      assertThat(s.position()).isEqualTo("alice data/tweets.js:2");
      for (int i = 0; i < 7; i++) {
        s.next();
      }
      assertThat(s.position()).isEqualTo("alice data/tweets-part1.js:2");
    }
  }

  @Test
  void theZipReadsLikeItsFolder() {
    List<ParseResult> folder = alice();
    List<ParseResult> zip = Fixtures.readAll(archive(Fixtures.archiveZip("x-archive/alice", dir)));
    assertThat(Fixtures.outcomes(zip)).isEqualTo(Fixtures.outcomes(folder));
    assertThat(Fixtures.tweetsOf(zip)).isEqualTo(Fixtures.tweetsOf(folder));
  }

  @Test
  void aFolderOfZipsIsSeveralPeoplesArchivesInOneRun() throws IOException {
    Path both = Files.createDirectory(dir.resolve("both"));
    Fixtures.archiveZip("x-archive/bob", both);
    Fixtures.archiveZip("x-archive/alice", both);
    Files.writeString(both.resolve("notes.txt"), "not an archive");
    List<ParseResult> r = Fixtures.readAll(archive(both));
    List<Tweet> tweets = Fixtures.tweetsOf(r);
    assertThat(tweets).hasSize(9);
    // alice.zip before bob.zip, by name
    assertThat(tweets.subList(0, 6)).extracting(t -> t.getUserScreenName().toString()).containsOnly("alice_data");
    assertThat(tweets.subList(6, 9)).extracting(t -> t.getUserScreenName().toString()).containsOnly("bob_builds");
  }

  @Test
  void anOlderArchiveNamesItTweetJsAndHoldsTheTweetsUnwrapped() {
    List<Tweet> bob = Fixtures.tweetsOf(Fixtures.readAll(archive(Fixtures.path("x-archive/bob"))));
    assertThat(bob).extracting(Tweet::getId).containsExactly(1100000000000000001L, 1100000000000000002L, 1100000000000000003L);
    assertThat(bob.get(1).getText()).isEqualTo("Batch views & speed views, serving coffee");
    assertThat(bob.get(2).getText()).isEqualTo("\u0421\u043f\u0430\u0441\u0438\u0431\u043e \u0437\u0430 \u043a\u043e\u0444\u0435, Kafka and Spark");
    assertThat(bob.get(0).getUserName()).isEqualTo("Bob Builds");
    assertThat(bob.get(0).getCreatedAt()).isEqualTo(Instant.parse("2019-02-25T09:15:00Z"));
  }

  @Test
  void aFolderOfUnpackedArchivesToo() {
    List<Tweet> tweets = Fixtures.tweetsOf(Fixtures.readAll(archive(Fixtures.path("x-archive"))));
    assertThat(tweets).extracting(t -> t.getUserScreenName().toString()).containsOnly("alice_data", "bob_builds").hasSize(9);
  }

  @Test
  void anArchiveWithoutAccountJsIsOneLineBeforeAnythingIsRead() throws IOException {
    assertThatThrownBy(() -> archive(Fixtures.path("x-archive-broken/carol")))
        .isInstanceOf(UserError.class)
        .hasMessage("carol has no data/account.js: without it the author of its posts is unknown (is it a whole X archive?)");
    Path both = Files.createDirectory(dir.resolve("two"));
    Fixtures.archiveZip("x-archive/alice", both);
    Fixtures.archiveZip("x-archive-broken/carol", both);
    assertThatThrownBy(() -> archive(both)).isInstanceOf(UserError.class).hasMessageStartingWith("carol.zip has no data/account.js");
  }

  @Test
  void aZipCutShortIsOneLine() throws IOException {
    Path whole = Fixtures.archiveZip("x-archive/alice", dir);
    byte[] bytes = Files.readAllBytes(whole);
    Path cut = Files.write(dir.resolve("cut.zip"), Arrays.copyOf(bytes, bytes.length * 2 / 3));
    assertThatThrownBy(() -> archive(cut)).isInstanceOf(UserError.class)
        .hasMessageStartingWith("cut.zip is not a whole zip file (cut short or damaged; download it again)")
        .hasMessageNotContaining("\n");
  }

  @Test
  void otherFilesAndStandardInputAreRefused() throws IOException {
    Path text = Files.writeString(dir.resolve("tweets.js"), "window.YTD.tweets.part0 = []");
    assertThatThrownBy(() -> archive(text)).isInstanceOf(UserError.class)
        .hasMessageStartingWith("tweets.js is not a zip file: an X archive is the zip");
    assertThatThrownBy(() -> archive(Path.of("-"))).isInstanceOf(UserError.class)
        .hasMessage("x-archive reads a zip file or a folder, not standard input");
    assertThatThrownBy(() -> archive(dir.resolve("nothing"))).isInstanceOf(UserError.class).hasMessageStartingWith("file not found");
    assertThatThrownBy(() -> archive(Files.createDirectory(dir.resolve("empty")))).isInstanceOf(UserError.class)
        .hasMessageStartingWith("no X archive in");
  }

  @Test
  void aPartThatBreaksOffIsOneRejectionAndTheNextPartIsStillRead() throws IOException {
    Path a = Files.createDirectories(dir.resolve("dora/data"));
    Files.writeString(a.resolve("account.js"), "window.YTD.account.part0 = [ { \"account\" : { \"username\" : \"dora\" } } ]");
    Files.writeString(a.resolve("tweets.js"), """
        window.YTD.tweets.part0 = [ {
          "tweet" : { "id_str" : "1700000000000000101", "created_at" : "Fri Sep 08 07:00:00 +0000 2023", "full_text" : "first" }
        }, {
          "tweet" : { "id_str" : "1700000000000000102", "created_at" : "Fri Sep 08 07:01:00 +0000 2023", "full_text" : "cut
        """);
    Files.write(a.resolve("tweets-part1.js"), ("window.YTD.tweets.part1 = [ { \"tweet\" : { \"id_str\" : \"1700000000000000103\","
        + " \"created_at\" : \"Fri Sep 08 07:02:00 +0000 2023\", \"full_text\" : \"bad \u00ff\u00fe bytes\" } } ]")
        .getBytes(StandardCharsets.ISO_8859_1));
    Files.writeString(a.resolve("tweets-part2.js"), "var tweets = [ ]");
    Files.writeString(a.resolve("tweets-part3.js"), "window.YTD.tweets.part3 = [ { \"tweet\" : { \"id_str\" : \"1700000000000000104\","
        + " \"created_at\" : \"Fri Sep 08 07:03:00 +0000 2023\", \"full_text\" : \"last\" } } ]");
    List<ParseResult> r = Fixtures.readAll(archive(dir.resolve("dora")));
    assertThat(Fixtures.outcomes(r)).containsExactly("tweet", "malformed-json", "invalid-utf8", "malformed-json", "tweet");
    assertThat(r.get(1).rejection().detail()).startsWith("dora data/tweets.js:").contains("is not valid JSON")
        .endsWith("the rest of data/tweets.js is not read");
    assertThat(r.get(3).rejection().detail())
        .isEqualTo("dora data/tweets-part2.js does not start with 'window.YTD.<name>.part<N> = [' but with 'var tweets': none of its tweets is read");
    assertThat(Fixtures.tweetsOf(r)).extracting(t -> t.getText().toString()).containsExactly("first", "last");
  }
}
