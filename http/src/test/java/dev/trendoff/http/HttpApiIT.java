package dev.trendoff.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import com.datastax.oss.driver.api.core.CqlSession;
import com.fasterxml.jackson.databind.JsonNode;

import dev.trendoff.core.CassandraSessions;
import dev.trendoff.core.Settings;
import dev.trendoff.localstack.junit.LocalStackExtension;
import dev.trendoff.localstack.junit.TestStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every endpoint of {@code ./trendoff serve} and every error status, over real HTTP, on the real
 * Cassandra of the test stack holding a batch view written by hand ({@link History}).
 */
@ExtendWith(LocalStackExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HttpApiIT {

  Settings settings;
  TrendoffServer server;
  URI base;

  @BeforeAll
  void start(TestStack stack) throws Exception {
    String ks = stack.freshName("http_api");
    settings = stack.settingsWith(Map.of("cassandra.keyspace", ks, "http.port", 0, "http.max-top", 20, "http.max-users", 3,
        "http.max-streams", 2, "http.stream-keep-alive", "1s"));
    try (CqlSession s = CassandraSessions.open(settings.cassandra())) {
      History.write(s, ks);
    }
    server = TrendoffServer.start(settings, HttpSettings.from(settings));
    base = server.uri();
  }

  @AfterAll
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  Http.Answer get(String pathAndQuery) throws Exception {
    return Http.get(base, pathAndQuery);
  }

  static List<String> words(JsonNode answer) {
    List<String> out = new ArrayList<>();
    answer.get("words").forEach(w -> out.add(w.get("word").asText() + "=" + w.get("counts").get(0) + "/" + w.get("counts").get(1)));
    return out;
  }

  @Test
  void compareAnswersEachRankWithTotalsAndTheView() throws Exception {
    Http.Answer shared = get("api/compare?users=alice,bob");
    assertThat(shared.status()).isEqualTo(200);
    assertThat(shared.type()).isEqualTo("application/json");
    JsonNode j = shared.json();
    // docs/compare.md 'Ranks': min desc, then sum desc, then the word
    assertThat(words(j)).containsExactly("spark=3/4", "kafka=5/2", "nation's=2/2", "lambda=2/1");
    assertThat(j.get("users").get(0).get("name").asText()).isEqualTo("alice");
    assertThat(j.get("users").get(0).get("tweets").asLong()).isEqualTo(4);
    assertThat(j.get("users").get(0).get("words").asLong()).isEqualTo(13);
    assertThat(j.get("users").get(1).get("tweets").asLong()).isEqualTo(3);
    assertThat(j.get("users").get(1).get("words").asLong()).isEqualTo(15);
    assertThat(j.get("view").get("version").asLong()).isEqualTo(History.VERSION);
    assertThat(j.get("view").get("speedRows").asInt()).isZero();

    assertThat(words(get("api/compare?users=alice,bob&rank=total").json()))
        .containsExactly("kafka=5/2", "spark=3/4", "nation's=2/2", "lambda=2/1");
    assertThat(words(get("api/compare?users=%40Alice,BOB&rank=alternate&top=3").json()))
        .containsExactly("kafka=5/2", "spark=3/4", "lambda=2/1");
    assertThat(words(get("api/compare?users=alice&users=bob&top=all").json())).hasSize(4);
    // no word in common: an empty list, as compare-users --json gives
    assertThat(get("api/compare?users=alice,carol").json().get("words")).isEmpty();
  }

  @Test
  void csvAndPngAreTheCommandLinesRenderings() throws Exception {
    Http.Answer csv = get("api/compare.csv?users=alice,bob");
    assertThat(csv.status()).isEqualTo(200);
    assertThat(csv.type()).startsWith("text/csv");
    // each word, both counts and both rates per 10,000 words (alice has 13 words, bob 15), then z (docs/compare.md '--csv')
    List<String> lines = List.of(csv.body().split("\r\n"));
    assertThat(csv.body()).endsWith("\r\n");
    assertThat(lines.get(0)).isEqualTo("word,alice,bob,rate_alice,rate_bob,z");
    assertThat(lines.subList(1, lines.size()).stream().map(l -> String.join(",", List.of(l.split(",")).subList(0, 5))).toList())
        .containsExactly("spark,3,4," + 30000.0 / 13 + "," + 40000.0 / 15, "kafka,5,2," + 50000.0 / 13 + "," + 20000.0 / 15,
            "nation's,2,2," + 20000.0 / 13 + "," + 20000.0 / 15, "lambda,2,1," + 20000.0 / 13 + "," + 10000.0 / 15);

    Http.Answer png = get("api/compare.png?users=alice,bob&width=640&height=400");
    assertThat(png.status()).isEqualTo(200);
    assertThat(png.type()).isEqualTo("image/png");
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(png.bytes()));
    assertThat(image.getWidth()).isEqualTo(640);
    assertThat(image.getHeight()).isEqualTo(400);
  }

  @Test
  void knownUsersByPrefix() throws Exception {
    Http.Answer a = get("api/users?prefix=ali");
    assertThat(a.status()).isEqualTo(200);
    assertThat(a.json().get("users").toString()).isEqualTo("[\"alice\",\"alicia\"]");
    assertThat(get("api/users?prefix=%40ALI&limit=1").json().get("users").toString()).isEqualTo("[\"alice\"]");
    assertThat(get("api/users?prefix=zz").json().get("users")).isEmpty();
    assertThat(get("api/users?prefix=b").json().get("users").toString()).isEqualTo("[\"big1\",\"big2\",\"bob\"]");
    assertThat(get("api/users?prefix=a&limit=0").status()).isEqualTo(400);
    assertThat(get("api/users?prefix=a&limit=101").status()).isEqualTo(400);
  }

  @Test
  void statusIsTheStatusReport() throws Exception {
    Http.Answer s = get("api/status");
    assertThat(s.status()).isEqualTo(200);
    JsonNode j = s.json();
    assertThat(j.get("cassandra").get("keyspace").asText()).isEqualTo(settings.cassandra().keyspace());
    assertThat(j.get("cassandra").get("view").get("version").asLong()).isEqualTo(History.VERSION);
    assertThat(j.get("kafka").get("groups")).hasSize(2);
    assertThat(j.get("errors")).isEmpty();
  }

  @Test
  void theWebPageAndItsFilesComeFromTheServer() throws Exception {
    Http.Answer page = get("");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.type()).startsWith("text/html");
    assertThat(page.body()).contains("<script src=\"app.js\"").doesNotContain("http://").doesNotContain("https://");
    assertThat(get("app.js").body()).contains("api/compare/stream");
    assertThat(get("app.css").type()).startsWith("text/css");
  }

  @Test
  void badParametersAre400NamingTheParameter() throws Exception {
    Map<String, String> cases = new java.util.LinkedHashMap<>();
    cases.put("api/compare?users=alice,bob&rank=best", "rank");
    cases.put("api/compare?users=alice,bob&top=0", "top");
    cases.put("api/compare?users=alice,bob&top=many", "top");
    cases.put("api/compare?users=alice,bob&top=21", "top");
    cases.put("api/compare?users=big1,big2&top=all", "top");
    cases.put("api/compare", "users");
    cases.put("api/compare?users=alice", "users");
    cases.put("api/compare?users=alice,%40Alice", "users");
    cases.put("api/compare?users=alice,", "users");
    cases.put("api/compare?users=alice,bob,carol,dave", "users");
    cases.put("api/compare?users=alice,bob&rank=shared&rank=total", "rank");
    cases.put("api/compare?users=alice,bob&color=red", "color");
    cases.put("api/compare.csv?users=alice,bob&top=-1", "top");
    cases.put("api/compare.png?users=alice,bob&width=50", "width");
    cases.put("api/compare/stream?users=alice,bob&top=0", "top");
    cases.put("api/users?prefix=a&limit=x", "limit");
    cases.put("api/status?verbose=1", "verbose");
    for (Map.Entry<String, String> c : cases.entrySet()) {
      Http.Answer a = get(c.getKey());
      assertThat(a.status()).as(c.getKey()).isEqualTo(400);
      assertThat(a.type()).as(c.getKey()).isEqualTo("application/json");
      JsonNode j = a.json();
      assertThat(j.get("error").asText()).as(c.getKey()).isEqualTo("bad_parameter");
      assertThat(j.get("parameter").asText()).as(c.getKey()).isEqualTo(c.getValue());
      assertThat(j.get("message").asText()).as(c.getKey()).isNotBlank().doesNotContain("Exception").doesNotContain("\tat ");
      if (!c.getValue().equals("users")) {
        assertThat(j.get("message").asText()).as(c.getKey()).startsWith(c.getValue() + " ");
      }
    }
    assertThat(get("api/compare?users=alice,bob&top=21").json().get("message").asText()).contains("at most 20");
    assertThat(get("api/compare?users=big1,big2&top=all").json().get("message").asText()).contains("25 words");
    assertThat(get("api/compare?users=alice,bob,carol,dave").json().get("message").asText()).contains("at most 3");
    // 20 is the limit itself: allowed
    assertThat(get("api/compare?users=big1,big2&top=20").json().get("words")).hasSize(20);
  }

  @Test
  void anUnknownUserIs404WithTheNearestKnownNames() throws Exception {
    Http.Answer a = get("api/compare?users=alice,alcie");
    assertThat(a.status()).isEqualTo(404);
    JsonNode j = a.json();
    assertThat(j.get("error").asText()).isEqualTo("unknown_user");
    assertThat(j.get("message").asText()).contains("alcie");
    assertThat(j.get("nearest").get("alcie").get(0).asText()).isEqualTo("alice");
    assertThat(get("api/compare/stream?users=alice,alcie").status()).isEqualTo(404);
    assertThat(get("api/compare.png?users=nobody1,nobody2").status()).isEqualTo(404);
  }

  @Test
  void unknownPathsAndMethodsAreJsonErrors() throws Exception {
    Http.Answer missing = get("api/nothing");
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.json().get("error").asText()).isEqualTo("not_found");
    Http.Answer post = Http.send(HttpRequest.newBuilder(base.resolve("api/compare?users=alice,bob"))
        .POST(HttpRequest.BodyPublishers.ofString("x")).build());
    assertThat(post.status()).isEqualTo(405);
    assertThat(post.json().get("error").asText()).isEqualTo("method_not_allowed");
  }

  @Test
  void eventStreamsOfOneQuestionShareOneWatcherUpToTheLimit() throws Exception {
    List<InputStream> open = new ArrayList<>();
    try {
      for (String users : new String[] {"dave,erin", "%40Dave,ERIN"}) {
        HttpResponse<InputStream> r = Http.CLIENT.send(HttpRequest.newBuilder(base.resolve("api/compare/stream?users=" + users))
            .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofInputStream());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("content-type").orElse("")).startsWith("text/event-stream");
        open.add(r.body());
        String first = new String(r.body().readNBytes(60), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(first).startsWith("event: comparison\ndata: {\"users\":[{\"name\":\"dave\"");
      }
      assertThat(server.openStreams()).isEqualTo(2);
      assertThat(server.watchedQuestions()).isEqualTo(1);
      Http.Answer third = get("api/compare/stream?users=alice,bob");
      assertThat(third.status()).isEqualTo(429);
      assertThat(third.json().get("error").asText()).isEqualTo("too_many_streams");
    } finally {
      for (InputStream in : open) {
        in.close();
      }
    }
    // the keep-alive (1 s here) finds the clients gone
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (server.openStreams() > 0 && System.nanoTime() < deadline) {
      Thread.sleep(200);
    }
    assertThat(server.openStreams()).isZero();
    assertThat(server.watchedQuestions()).isZero();
  }

  @Test
  void cassandraUnreachableIs503(TestStack stack) throws Exception {
    InetSocketAddress cql = stack.cassandraAddress();
    try (TcpProxy proxy = new TcpProxy(cql)) {
      Settings viaProxy = Settings.from(dev.trendoff.core.TrendoffConfig.withOverrides(settings.config(),
          Map.of("cassandra.contact-points", List.of("127.0.0.1:" + proxy.port()), "cassandra.request-timeout", "3s")));
      try (TrendoffServer s = TrendoffServer.start(viaProxy, HttpSettings.from(viaProxy))) {
        assertThat(Http.get(s.uri(), "api/compare?users=alice,bob").status()).isEqualTo(200);
        proxy.cut();
        Http.Answer a = Http.get(s.uri(), "api/compare?users=alice,bob");
        assertThat(a.status()).isEqualTo(503);
        assertThat(a.json().get("error").asText()).isEqualTo("unavailable");
        assertThat(a.json().get("message").asText()).contains("Cassandra").doesNotContain("\tat ");
      }
    }
  }

  @Test
  void listensOnLoopbackUnlessToldOtherwise() {
    assertThat(HttpSettings.from(Settings.from(dev.trendoff.core.TrendoffConfig.load())).bind()).isEqualTo("127.0.0.1");
    assertThat(base.getHost()).isEqualTo("127.0.0.1");
  }
}
