package dev.trendoff.formats;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.trendoff.core.Tokenizer;

class HtmlEntitiesTest {

  @Test
  void theEscapesOfTwittersApisComeBackAsTheirCharacters() {
    assertThat(HtmlEntities.unescape("Spark &amp; Cassandra &lt;3 &gt; all &quot;quoted&quot;"))
        .isEqualTo("Spark & Cassandra <3 > all \"quoted\"");
  }

  @Test
  void oneEscapeIsUndoneOnceAndOtherAmpersandsStay() {
    assertThat(HtmlEntities.unescape("&amp;lt; is how you write &lt;")).isEqualTo("&lt; is how you write <");
    assertThat(HtmlEntities.unescape("AT&T & co &nbsp; &#39; &")).isEqualTo("AT&T & co &nbsp; &#39; &");
    assertThat(HtmlEntities.unescape("&amp")).isEqualTo("&amp");
    assertThat(HtmlEntities.unescape("")).isEmpty();
    assertThat(HtmlEntities.unescape(null)).isNull();
  }

  @Test
  void soLtAndGtAreNoLongerWords() {
    Tokenizer t = Tokenizer.standard();
    assertThat(t.tokens("I &lt;3 lambda &gt; kappa")).contains("lt", "gt");
    assertThat(t.tokens(HtmlEntities.unescape("I &lt;3 lambda &gt; kappa"))).containsExactly("lambda", "kappa");
  }
}
