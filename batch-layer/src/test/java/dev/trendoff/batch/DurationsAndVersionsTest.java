package dev.trendoff.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.trendoff.core.UserError;

class DurationsAndVersionsTest {

  @Test
  void durationsAsInTheConfiguration() {
    assertThat(Durations.parse("15m")).isEqualTo(Duration.ofMinutes(15));
    assertThat(Durations.parse("90s")).isEqualTo(Duration.ofSeconds(90));
    assertThatThrownBy(() -> Durations.parse("soon")).isInstanceOf(UserError.class).hasMessageContaining("soon");
  }

  @Test
  void aVersionIsNowButAlwaysAboveTheCurrentOne() {
    assertThat(ViewStore.nextVersion(Optional.empty(), 1000L)).isEqualTo(1000L);
    ViewStore.Published p = new ViewStore.Published(5000L, Cut.of(Map.of()));
    assertThat(ViewStore.nextVersion(Optional.of(p), 1000L)).isEqualTo(5001L);
    assertThat(ViewStore.nextVersion(Optional.of(p), 9000L)).isEqualTo(9000L);
  }
}
