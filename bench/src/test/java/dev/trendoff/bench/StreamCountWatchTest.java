package dev.trendoff.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StreamCountWatchTest {

  @Test
  void readsTheFirstUsersCountOfTheWord() {
    // docs/compare.md '--json', two users
    String json = "{\"users\":[{\"name\":\"a\",\"tweets\":9,\"words\":20},{\"name\":\"b\",\"tweets\":1,\"words\":1}],"
        + "\"words\":[{\"word\":\"kafka\",\"counts\":[4,1]},{\"word\":\"narwhal\",\"counts\":[7,1]}],"
        + "\"view\":{\"version\":null,\"cut\":\"\",\"speedRows\":3}}";
    assertThat(StreamCountWatch.count(json, "narwhal")).isEqualTo(7);
    assertThat(StreamCountWatch.count(json, "kafka")).isEqualTo(4);
    assertThat(StreamCountWatch.count(json, "walrus")).isZero();
  }
}
