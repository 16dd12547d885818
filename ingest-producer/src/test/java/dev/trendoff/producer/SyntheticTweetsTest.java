package dev.trendoff.producer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.trendoff.avro.Tweet;
import dev.trendoff.avro.TweetCodec;
import dev.trendoff.avro.TweetSource;
import dev.trendoff.core.Tokenizer;

class SyntheticTweetsTest {

  @Test
  void theSameSeedGivesTheSameTweetsAndAnotherSeedOthers() {
    List<Tweet> a = new SyntheticTweets(7, 50, 2000).stream().toList();
    List<Tweet> b = new SyntheticTweets(7, 50, 2000).stream().toList();
    List<Tweet> c = new SyntheticTweets(8, 50, 2000).stream().toList();
    assertThat(a).hasSize(2000).isEqualTo(b);
    assertThat(new SyntheticTweets(7, 50, 2000).userNames()).isEqualTo(new SyntheticTweets(7, 50, 1).userNames());
    assertThat(c.get(0).getText()).isNotEqualTo(a.get(0).getText());
    // random access agrees with iteration
    assertThat(new SyntheticTweets(7, 50, 2000).tweet(1234)).isEqualTo(a.get(1234));
    int i = 0;
    for (Tweet t : new SyntheticTweets(7, 50, 2000)) {
      assertThat(t).isEqualTo(a.get(i++));
    }
    assertThat(i).isEqualTo(2000);
  }

  @Test
  void plausibleFields() throws Exception {
    SyntheticTweets gen = new SyntheticTweets(42, 100, 20_000);
    Set<Long> ids = new HashSet<>();
    long lastId = 0;
    long lastTime = 0;
    int retweets = 0;
    int links = 0;
    int hashtags = 0;
    int mentions = 0;
    Set<String> users = new HashSet<>(gen.userNames());
    assertThat(users).hasSize(100);
    for (Tweet t : gen) {
      assertThat(ids.add(t.getId())).isTrue();
      assertThat(t.getId()).isGreaterThan(lastId);
      assertThat(t.getCreatedAt().toEpochMilli()).isGreaterThan(lastTime);
      lastId = t.getId();
      lastTime = t.getCreatedAt().toEpochMilli();
      assertThat(users).contains(t.getUserScreenName().toString());
      assertThat(t.getSource()).isEqualTo(TweetSource.SYNTHETIC);
      String text = t.getText().toString();
      retweets += t.getIsRetweet() ? 1 : 0;
      assertThat(t.getIsRetweet()).isEqualTo(text.startsWith("RT @"));
      links += text.contains("https://t.co/") ? 1 : 0;
      hashtags += text.contains("#") ? 1 : 0;
      mentions += text.contains("@") ? 1 : 0;
      assertThat(TweetCodec.shared().decode(TweetCodec.shared().encode(t))).isEqualTo(t);
    }
    assertThat(retweets).isBetween(1500, 2500);
    assertThat(links).isBetween(2400, 3600);
    assertThat(hashtags).isBetween(5000, 7000);
    assertThat(mentions).isGreaterThan(retweets);
    // snowflake: the id's time part is the creation time
    Tweet t = gen.tweet(0);
    assertThat((t.getId() >> 22) + 1288834974657L).isEqualTo(t.getCreatedAt().toEpochMilli());
  }

  @Test
  void wordsFollowZipfAndUsersShareSomeWordsAndDifferOnOthers() throws Exception {
    SyntheticTweets gen = new SyntheticTweets(42, 20, 40_000);
    Tokenizer tokenizer = Tokenizer.standard();
    Map<String, Map<String, Integer>> byUser = new HashMap<>();
    Map<String, Integer> all = new HashMap<>();
    for (Tweet t : gen) {
      Map<String, Integer> mine = byUser.computeIfAbsent(t.getUserScreenName().toString(), k -> new HashMap<>());
      for (String w : tokenizer.tokens(t.getText().toString())) {
        mine.merge(w, 1, Integer::sum);
        all.merge(w, 1, Integer::sum);
      }
    }
    List<Integer> counts = all.values().stream().sorted((x, y) -> y - x).toList();
    // a long tail: the most frequent word is far more frequent than the 100th, which is more than the 1000th
    assertThat(counts.get(0)).isGreaterThan(counts.get(99) * 5);
    assertThat(counts.get(99)).isGreaterThan(counts.get(999) * 2);
    List<String> names = gen.userNames();
    Map<String, Integer> a = byUser.get(names.get(0));
    Map<String, Integer> b = byUser.get(names.get(1));
    Set<String> shared = new HashSet<>(a.keySet());
    shared.retainAll(b.keySet());
    Set<String> onlyA = new HashSet<>(a.keySet());
    onlyA.removeAll(b.keySet());
    assertThat(shared).hasSizeGreaterThan(50);
    assertThat(onlyA).hasSizeGreaterThan(10);
    // a user's topic words are among their most used words
    String topicWord = gen.topicWords(gen.topicsOf(0)[0]).get(0);
    assertThat(a.getOrDefault(topicWord, 0)).isGreaterThan(20);
  }
}
