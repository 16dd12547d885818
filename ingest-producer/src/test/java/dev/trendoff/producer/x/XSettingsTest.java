package dev.trendoff.producer.x;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import com.typesafe.config.Config;

import dev.trendoff.core.TrendoffConfig;
import dev.trendoff.core.UserError;

class XSettingsTest {

  static final String TOKEN = "AAAAAAAAAAAAAAAAAAAAAsecret%2Btoken";

  @Test
  void theTokenComesFromTheEnvironmentAndIsNeverShown() {
    // the variable is not a configuration key: loading the configuration with it set is no error
    Config config = TrendoffConfig.load(null, Map.of(XSettings.TOKEN_ENV, TOKEN), new Properties());
    XSettings s = XSettings.from(config, Map.of(XSettings.TOKEN_ENV, TOKEN)::get);
    assertThat(s.bearerToken).isEqualTo(TOKEN);
    assertThat(s.toString()).doesNotContain(TOKEN).contains("not shown");
    assertThat(config.root().render()).doesNotContain(TOKEN);
    assertThat(s.apiBase.toString()).isEqualTo("https://api.x.com/2/");
  }

  @Test
  void noTokenIsOneLineNamingTheVariable() {
    Config config = TrendoffConfig.load(null, Map.of(), new Properties());
    assertThatThrownBy(() -> XSettings.from(config, Map.<String, String>of()::get)).isInstanceOf(UserError.class)
        .hasMessageContaining("set TRENDOFF_X_BEARER_TOKEN");
  }
}
