package dev.trendoff.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.ConfigFactory;
import dev.trendoff.core.TrendoffConfig;
import org.junit.jupiter.api.Test;

/** The cli has every module on its classpath: their reference.conf sections are exactly TrendoffConfig.SECTIONS. */
class ConfigSectionsTest {

  @Test
  void everyModulesSectionIsKnownToTrendoffConfig() {
    assertThat(ConfigFactory.defaultReferenceUnresolved().getConfig(TrendoffConfig.ROOT).root().keySet())
        .containsExactlyInAnyOrderElementsOf(TrendoffConfig.SECTIONS);
  }
}
