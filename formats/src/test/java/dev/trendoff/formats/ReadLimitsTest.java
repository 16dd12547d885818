package dev.trendoff.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;

import dev.trendoff.core.UserError;

class ReadLimitsTest {

  static ReadLimits from(String bytes, String lines) {
    Config c = ConfigFactory.parseString("a.b { line = " + bytes + ", lines = " + lines + " }");
    return ReadLimits.from(c, "a.b", "line", "lines");
  }

  @Test
  void sizesAndCounts() {
    assertThat(from("256KiB", "50")).isEqualTo(new ReadLimits(256 * 1024, 50));
    assertThat(from("1", "1")).isEqualTo(new ReadLimits(1, 1));
  }

  @Test
  void aValueOutOfRangeIsOneLineNamingItsKey() {
    assertThatThrownBy(() -> from("0", "50")).isInstanceOf(UserError.class)
        .hasMessage("a.b.line must be between 1 and 2147483631 bytes, got 0");
    assertThatThrownBy(() -> from("4GiB", "50")).isInstanceOf(UserError.class)
        .hasMessageStartingWith("a.b.line must be between");
    assertThatThrownBy(() -> from("1KiB", "0")).isInstanceOf(UserError.class)
        .hasMessage("a.b.lines must be at least 1, got 0");
  }
}
