package dev.trendoff.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** docs/words.md 'Rules', case by case (its 'Examples' table lists these cases). */
class TokenizerTest {

  static Stream<Arguments> cases() {
    return Stream.of(
        c("empty text", "", List.of()),
        c("only spaces", "   \t\n ", List.of()),
        c("plain words lower-cased", "Hello World", List.of("hello", "world")),
        c("stopwords dropped", "The cat and the hat", List.of("cat", "hat")),
        c("https URL removed", "Check https://t.co/abc123 please", List.of("check", "please")),
        c("www URL removed", "visit www.Example.com/path today", List.of("visit", "today")),
        c("upper-case URL scheme removed", "HTTP://EXAMPLE.COM/X shouting", List.of("shouting")),
        c("URL glued to punctuation", "see:https://x.y/z", List.of("see")),
        c("hashtags kept with #", "#AI is #awesome", List.of("#ai", "#awesome")),
        c("a hashtag is never a stopword", "#the #a", List.of("#the")),
        c("mentions dropped", "@bob hello @Alice_1", List.of("hello")),
        c("mention with apostrophe dropped whole", "@bob's car", List.of("car")),
        c("straight apostrophe inside a word", "nation's future", List.of("nation's", "future")),
        c("curly apostrophe becomes straight", "nation\u2019s future", List.of("nation's", "future")),
        c("left single quote becomes straight", "\u2018quoted\u2019 word", List.of("quoted", "word")),
        c("contraction that is a stopword", "don't stop", List.of("stop")),
        c("curly contraction that is a stopword", "It\u2019s", List.of()),
        c("several apostrophe groups", "rock'n'roll", List.of("rock'n'roll")),
        c("leading apostrophe not part of the word", "'tis the season", List.of("tis", "season")),
        c("trailing apostrophe not part of the word", "students' books", List.of("students", "books")),
        c("hashtag with apostrophe", "#don't", List.of("#don't")),
        c("hyphen splits", "fellow-citizens unite", List.of("fellow", "citizens", "unite")),
        c("dotted abbreviation splits to short tokens", "U.S. policy", List.of("policy")),
        c("digits and underscores only dropped", "42 2024 100_000 a1 x_1", List.of("a1", "x_1")),
        c("ordinal kept", "2nd place", List.of("2nd", "place")),
        c("numeric hashtags dropped", "#123 #2024 #_", List.of()),
        c("underscores with letters kept", "__init__ _x_", List.of("__init__", "_x_")),
        c("accented Latin", "Café naïve ÉCOLE", List.of("café", "naïve", "école")),
        c("NFKC composes combining accents", "e\u0301te\u0301", List.of("été")),
        c("NFKC unfolds ligatures", "\uFB01nance", List.of("finance")),
        c("NFKC folds full-width letters", "\uFF28\uFF25\uFF2C\uFF2C\uFF2F", List.of("hello")),
        c("Cyrillic", "Привет мир", List.of("привет", "мир")),
        c("Arabic", "مرحبا بالعالم", List.of("مرحبا", "بالعالم")),
        c("Devanagari with combining marks", "नमस्ते दुनिया", List.of("नमस्ते", "दुनिया")),
        c("CJK run is one token", "東京タワー", List.of("東京タワー")),
        c("locale-independent lower case of dotted I", "İSTANBUL", List.of("i\u0307stanbul")),
        c("emoji are not words", "I ❤️ pizza 🍕🍕", List.of("pizza")),
        c("emoji joined by ZWJ are not words", "👨\u200D👩\u200D👧 family", List.of("family")),
        c("a retweet", "RT @user: Great game!!! #NBA http://t.co/x", List.of("great", "game", "#nba")),
        c("whitespace of every kind", "tabs\tand\nnewlines", List.of("tabs", "newlines")),
        c("repeats kept in order", "go team go team go", List.of("go", "team", "go", "team", "go")));
  }

  private static Arguments c(String why, String text, List<String> expected) {
    return Arguments.of(why, text, expected);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void tokens(String why, String text, List<String> expected) {
    assertThat(Tokenizer.standard().tokens(text)).as(why).isEqualTo(expected);
  }

  /** Pieces that make the ASCII scanner's edge cases likely: URL starts, prefixes, apostrophes, spaces. */
  private static final String[] PIECES = {"http://", "https://", "www.", "HTTP://", "wWw.", "http:/", "www", "#", "@", "'",
      "''", "_", "1", "42", "a", "b", "x", "don", "t", "the", "Nation", "s", " ", "  ", "\t", "\n", "\u000b", "\f", "\r", "-",
      ".", ",", "!", "?", ":", "/", "\"", "(", ")", "~", "us", "ai", "Z9", "h", "w", "ht", "tp"};

  @Test
  void theAsciiScannerAgreesWithTheRegularExpressionsOnRandomText() {
    Tokenizer tokenizer = Tokenizer.standard();
    java.util.Random random = new java.util.Random(20261122L);
    for (int i = 0; i < 200_000; i++) {
      StringBuilder text = new StringBuilder();
      for (int k = random.nextInt(12); k >= 0; k--) {
        text.append(random.nextInt(8) == 0 ? String.valueOf((char) (32 + random.nextInt(95))) : PIECES[random.nextInt(PIECES.length)]);
      }
      List<String> scanned = new java.util.ArrayList<>();
      List<String> matched = new java.util.ArrayList<>();
      tokenizer.asciiTokens(text.toString(), scanned);
      tokenizer.regexTokens(text.toString(), matched);
      assertThat(scanned).as("tokens of [%s]", text).isEqualTo(matched);
    }
  }

  @Test
  void nonAsciiTextTakesTheRegularExpressions() {
    assertThat(Tokenizer.standard().tokens("Caf\u00e9 \u2018naïve\u2019 www.x.fr DATA")).containsExactly("café", "naïve", "data");
  }

  @Test
  void nullTextHasNoTokens() {
    assertThat(Tokenizer.standard().tokens(null)).isEmpty();
  }

  @Test
  void countsAddUpRepeats() {
    assertThat(Tokenizer.standard().counts("Go team go #team"))
        .isEqualTo(Map.of("go", 2, "team", 1, "#team", 1));
  }

  @Test
  void stopwordListIsBundledAndLowerCase() {
    assertThat(Stopwords.englishList()).contains("the", "and", "don't", "rt").doesNotHaveDuplicates();
    assertThat(Stopwords.englishList()).allSatisfy(w -> assertThat(w).isEqualTo(w.toLowerCase(java.util.Locale.ROOT)));
  }
}
