package dev.trendoff.batch;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.trendoff.core.Settings;
import dev.trendoff.core.TrendoffConfig;
import dev.trendoff.core.UserError;

class RecomputeSettingsTest {

  @Test
  void aChunkOfNoWordsIsRefusedBeforeAnythingStarts() {
    Settings s = Settings.from(TrendoffConfig.withOverrides(Settings.load().config(),
        Map.of("batch.recompute.words-per-chunk", 0)));
    assertThatThrownBy(() -> new Recompute(s)).isInstanceOf(UserError.class)
        .hasMessage("trendoff.batch.recompute.words-per-chunk must be at least 1, got 0");
  }
}
