package dev.trendoff.localstack.junit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JsonDocsTest {

  static final String VIEW = "\"view\":{\"version\":1,\"cut\":\"0=1\",\"speedRows\":0},"
      + "\"method\":{\"rank\":\"shared\",\"prior\":\"pooled\",\"prior_size\":1000}}";

  @Test
  void anObjectMatchingAnyOfACommandsShapesIsDocumented() {
    assertThat(JsonDocs.examples("compare-users")).hasSize(3);
    String two = "{\"users\":[{\"name\":\"a\",\"tweets\":1,\"words\":2}],"
        + "\"words\":[{\"word\":\"w\",\"counts\":[1,1],\"rates\":[1.0,2.0],\"z\":0.5}]," + VIEW;
    String threeDistinctive = "{\"users\":[{\"name\":\"a\",\"tweets\":1,\"words\":2}],"
        + "\"words\":[{\"user\":\"a\",\"word\":\"w\",\"counts\":[1,0,0],\"rates\":[1.0,0.0,0.0],\"z\":[0.5,-0.1,-0.2]}]," + VIEW;
    assertThat(JsonDocs.differences("compare-users", two)).isEmpty();
    assertThat(JsonDocs.differences("compare-users", threeDistinctive)).isEmpty();
  }

  @Test
  void anObjectMatchingNoneGetsTheDifferencesOfTheNearestShape() {
    String zAsText = "{\"users\":[{\"name\":\"a\",\"tweets\":1,\"words\":2}],"
        + "\"words\":[{\"word\":\"w\",\"counts\":[1,1],\"rates\":[1.0,2.0],\"z\":\"high\",\"extra\":1}]," + VIEW;
    assertThat(JsonDocs.differences("compare-users", zAsText))
        .containsExactlyInAnyOrder("words[0].z: documented as NUMBER, is STRING", "words[0]: field 'extra' is not documented");
  }
}
