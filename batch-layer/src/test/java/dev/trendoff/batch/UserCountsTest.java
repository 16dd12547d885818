package dev.trendoff.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.trendoff.core.Tokenizer;

class UserCountsTest {

  private final Tokenizer tokenizer = Tokenizer.standard();

  @Test
  void oneTweetCountsItsWordsAndTokens() {
    UserCounts u = UserCounts.ofText("Rust rust #rust and the http://x.y/z @bob", tokenizer);
    assertThat(u.tweets()).isEqualTo(1);
    assertThat(u.words()).isEqualTo(Map.of("rust", 2, "#rust", 1));
    assertThat(u.tokens()).isEqualTo(3);
  }

  @Test
  void aTweetOfStopwordsOnlyIsStillATweet() {
    UserCounts u = UserCounts.ofText("and the of", tokenizer);
    assertThat(u.tweets()).isEqualTo(1);
    assertThat(u.tokens()).isZero();
    assertThat(u.words()).isEmpty();
  }

  @Test
  void mergeIsOrderIndependent() {
    List<String> texts = List.of("spark streams data", "data data cassandra", "kafka spark", "");
    UserCounts forward = null;
    UserCounts backward = null;
    for (int i = 0; i < texts.size(); i++) {
      UserCounts f = UserCounts.ofText(texts.get(i), tokenizer);
      UserCounts b = UserCounts.ofText(texts.get(texts.size() - 1 - i), tokenizer);
      forward = forward == null ? f : forward.merge(f);
      backward = backward == null ? b : b.merge(backward);
    }
    assertThat(forward).isEqualTo(backward);
    assertThat(forward.tweets()).isEqualTo(4);
    assertThat(forward.words()).isEqualTo(Map.of("spark", 2, "streams", 1, "data", 3, "cassandra", 1, "kafka", 1));
    assertThat(forward.tokens()).isEqualTo(8);
  }

  @Test
  void addingTextsEqualsMergingPerTweetCounts() {
    List<String> texts = List.of("Spark streams data https://t.co/x", "data DATA #data", "and the", "kafka's spark");
    UserCounts added = UserCounts.empty();
    UserCounts merged = null;
    for (String t : texts) {
      added.addText(t, tokenizer);
      UserCounts one = UserCounts.ofText(t, tokenizer);
      merged = merged == null ? one : merged.merge(one);
    }
    assertThat(added).isEqualTo(merged);
    assertThat(added.tweets()).isEqualTo(4);
  }

  @Test
  void aTweetOfStopwordsOnlyIsATweetWithoutWords() {
    UserCounts u = UserCounts.ofText("the and of", tokenizer);
    assertThat(u.tweets()).isEqualTo(1);
    assertThat(u.tokens()).isZero();
    assertThat(u.words()).isEmpty();
  }
}
