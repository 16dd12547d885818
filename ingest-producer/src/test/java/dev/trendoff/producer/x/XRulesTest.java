package dev.trendoff.producer.x;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.trendoff.core.UserError;

class XRulesTest {

  @Test
  void termsBecomeOneRuleOfKeywordsAndQuotedPhrases() {
    assertThat(XRules.fromTerms(List.of("ai", " spark ", "machine learning", ""), 512))
        .containsExactly("ai OR spark OR \"machine learning\"");
  }

  @Test
  void aLongListIsSplitIntoRulesThatFit() {
    List<String> rules = XRules.fromTerms(List.of("alpha", "bravo", "charlie", "delta"), 20);
    assertThat(rules).containsExactly("alpha OR bravo", "charlie OR delta");
    assertThat(rules).allMatch(r -> r.length() <= 20);
  }

  @Test
  void noTermsOrATermLongerThanARuleIsOneLine() {
    assertThatThrownBy(() -> XRules.fromTerms(List.of(), 512)).isInstanceOf(UserError.class)
        .hasMessage("x-stream needs --track: the words to stream become the stream's rules");
    assertThatThrownBy(() -> XRules.fromTerms(List.of("x".repeat(30)), 20)).isInstanceOf(UserError.class)
        .hasMessageContaining("longer than an X rule may be (20 characters)");
  }

  @Test
  void aRefusalQuotesXAndHintsAtTheFix() {
    assertThat(XRules.refusal(401, "{\"title\":\"Unauthorized\",\"type\":\"about:blank\",\"status\":401,\"detail\":\"Unauthorized\"}",
        "open the filtered stream").getMessage())
        .isEqualTo("X refused to open the filtered stream: HTTP 401 Unauthorized Unauthorized (check TRENDOFF_X_BEARER_TOKEN)");
    assertThat(XRules.refusal(403, "{\"client_id\":\"1\",\"reason\":\"client-not-enrolled\",\"title\":\"Client Forbidden\","
        + "\"detail\":\"This request must be made using an approved developer account.\"}", "list the stream rules").getMessage())
        .startsWith("X refused to list the stream rules: HTTP 403 Client Forbidden This request must be made")
        .endsWith("(the app's plan must include the filtered stream)");
  }
}
