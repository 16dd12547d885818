package dev.trendoff.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import com.datastax.oss.driver.api.core.CqlSession;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.typesafe.config.Config;

import dev.trendoff.avro.Tweet;
import dev.trendoff.core.CassandraSessions;
import dev.trendoff.core.Settings;
import dev.trendoff.localstack.junit.LocalStackExtension;
import dev.trendoff.localstack.junit.TestStack;
import dev.trendoff.producer.TweetProducer;
import dev.trendoff.spark.JobProcess;
import dev.trendoff.speed.SpeedLayer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The live path on the real stack: tweets produced to Kafka, the speed layer (a child JVM, as
 * {@code ./trendoff speed-layer} runs) writing the speed view, the server's event stream and the page
 * in a real headless Chromium. The batch view holds {@link History}'s users (empty cut: every speed
 * row counts on top of it).
 */
@ExtendWith(LocalStackExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LiveIT {

  static final AtomicLong IDS = new AtomicLong(9_100_000_000L);

  Settings settings;
  JobProcess speedLayer;
  TweetProducer producer;
  TrendoffServer server;
  URI base;

  @BeforeAll
  void start(TestStack stack) throws Exception {
    String ks = stack.freshName("http_live");
    Map<String, Object> own = Map.of("kafka.topic", stack.freshName("live"), "kafka.dlq-topic", stack.freshName("live_dlq"),
        "kafka.speed-group", stack.freshName("speed"), "cassandra.keyspace", ks, "http.port", 0);
    settings = stack.settingsWith(own);
    Config config = stack.configWith(own);
    try (CqlSession s = CassandraSessions.open(settings.cassandra())) {
      History.write(s, ks);
    }
    speedLayer = JobProcess.start("http-live-speed-layer", SpeedLayer.class.getName(), List.of(), config, "768m",
        Path.of("target", "live-speed-layer.log"));
    assertThat(speedLayer.awaitLog(" started:", Duration.ofMinutes(4))).as(speedLayer.logTail(30)).isTrue();
    producer = new TweetProducer(settings);
    server = TrendoffServer.start(settings, HttpSettings.from(settings));
    base = server.uri();
    // the speed layer's first batches are slow (Spark and the session warm up): wait for a first tweet
    tweet("warm_up", "warming up");
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
    while (Http.get(base, "api/compare?users=warm_up,alice").status() != 200 && System.nanoTime() < deadline) {
      Thread.sleep(250);
    }
  }

  @AfterAll
  void stop() throws Exception {
    if (server != null) {
      server.close();
    }
    if (producer != null) {
      producer.close();
    }
    if (speedLayer != null) {
      speedLayer.close();
    }
  }

  void tweet(String user, String text) {
    producer.send(Tweet.newBuilder().setId(IDS.incrementAndGet()).setUserScreenName(user).setText(text)
        .setCreatedAt(Instant.now()).build());
    producer.flush();
  }

  /** Each word of an answer with its counts, in order: "walrus=[3,2]" (the rates and z are docs/compare.md's). */
  static List<String> counts(JsonNode answer) {
    List<String> out = new java.util.ArrayList<>();
    answer.get("words").forEach(w -> out.add(w.get("word").asText() + "=" + w.get("counts")));
    return out;
  }

  @Test
  void theEventStreamSendsTheNewAnswerAfterATweetIsProduced() throws Exception {
    BlockingQueue<String> events = new LinkedBlockingQueue<>();
    HttpResponse<Stream<String>> r = Http.CLIENT.send(HttpRequest.newBuilder(base.resolve("api/compare/stream?users=dave,erin")).build(),
        HttpResponse.BodyHandlers.ofLines());
    assertThat(r.statusCode()).isEqualTo(200);
    Thread reader = new Thread(() -> {
      try {
        r.body().filter(l -> l.startsWith("data: ")).forEach(l -> events.add(l.substring(6)));
      } catch (java.io.UncheckedIOException closed) {
        // the test closed the stream
      }
    });
    reader.setDaemon(true);
    reader.start();
    try {
      ObjectMapper json = new ObjectMapper();
      JsonNode first = json.readTree(events.poll(30, TimeUnit.SECONDS));
      assertThat(counts(first)).containsExactly("kafka=[1,1]");
      assertThat(first.toString()).isEqualTo(Http.get(base, "api/compare?users=dave,erin").json().toString());

      tweet("Dave", "a walrus, a walrus and a walrus");
      tweet("erin", "walrus walrus");
      long t0 = System.nanoTime();
      JsonNode changed = null;
      while (System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(90)) {
        String e = events.poll(1, TimeUnit.SECONDS);
        if (e != null && json.readTree(e).get("users").get(0).get("tweets").asLong() == 2
            && json.readTree(e).get("users").get(1).get("tweets").asLong() == 2) {
          changed = json.readTree(e);
          break;
        }
      }
      assertThat(changed).as("an event with both new tweets counted").isNotNull();
      System.out.printf("event stream: the new answer arrived %d ms after the tweets were produced%n",
          TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0));
      assertThat(counts(changed)).containsExactly("walrus=[3,2]", "kafka=[1,1]");
      assertThat(changed.get("view").get("speedRows").asInt()).isEqualTo(2);
    } finally {
      r.body().close();
    }
  }

  @Test
  void thePageComparesOffersKnownUsersAndFollowsTheStream() throws Exception {
    try (Browser b = new Browser()) {
      WebDriverWait wait = new WebDriverWait(b.driver, Duration.ofSeconds(20));

      // a shared link: the chart and the table of a known pair
      b.driver.get(base.resolve("?users=alice,bob").toString());
      wait.until(d -> d.findElements(By.cssSelector("#chart rect.bar")).size() == 8);
      assertThat(barWords(b, "alice")).containsExactly("spark", "kafka", "nation's", "lambda");
      assertThat(barValues(b, "bob")).containsExactly("4", "2", "2", "1");
      assertThat(b.driver.findElement(By.id("title")).getText()).isEqualTo("alice vs bob");
      assertThat(b.driver.findElement(By.id("view")).getText()).contains("batch view " + History.VERSION);
      assertThat(b.driver.findElements(By.cssSelector("#words td.word")).stream().map(WebElement::getText).toList())
          .containsExactly("spark", "kafka", "nation's", "lambda");
      b.screenshot("page-compare");
      assertThat(b.consoleErrors()).as("console errors").isEmpty();

      // distinctive: one bar of z per word, the API's z; with three users each user's list (z against the others pooled)
      for (String q : new String[] {"users=alice,bob&rank=distinctive&top=all", "users=alice,bob,carol&rank=distinctive&top=2"}) {
        JsonNode api = Http.get(base, "api/compare?" + q).json();
        List<Double> z = new java.util.ArrayList<>();
        api.get("words").forEach(w -> z.add(w.get("z").isArray()
            ? w.get("z").get(List.of("alice", "bob", "carol").indexOf(w.get("user").asText())).doubleValue()
            : w.get("z").doubleValue()));
        b.driver.get(base.resolve("?" + q).toString());
        wait.until(d -> d.findElements(By.cssSelector("#chart rect.bar")).size() == z.size());
        assertThat(b.driver.findElements(By.cssSelector("#chart rect.bar")).stream()
            .map(e -> Double.parseDouble(e.getAttribute("data-value"))).toList()).as(q).isEqualTo(z);
        assertThat(b.driver.findElements(By.cssSelector("#words tr")).size()).as(q).isEqualTo(z.size() + 1);
        assertThat(b.consoleErrors()).as("console errors with " + q).isEmpty();
      }
      assertThat(b.driver.findElements(By.cssSelector("#words td.word")).get(0).getText()).startsWith("alice: ");
      b.screenshot("page-distinctive");

      // autocomplete offers the known users of a prefix
      b.driver.get(base.toString());
      WebElement first = wait.until(d -> d.findElement(By.cssSelector("#user-fields input")));
      first.sendKeys("ali");
      wait.until(d -> d.findElements(By.cssSelector(".suggestions li")).size() == 2);
      assertThat(b.driver.findElements(By.cssSelector(".suggestions li")).stream().map(WebElement::getText).toList())
          .containsExactly("alice", "alicia");
      b.screenshot("page-autocomplete");
      b.driver.findElements(By.cssSelector(".suggestions li")).get(0).click();
      assertThat(first.getAttribute("value")).isEqualTo("alice");
      assertThat(b.consoleErrors()).as("console errors").isEmpty();

      // live: a word of newly produced tweets appears on the page
      b.driver.get(base.resolve("?users=alice,bob&live=1").toString());
      // the stream's first event is the answer as it is now
      wait.until(d -> Integer.parseInt(d.findElement(By.id("live-status")).getAttribute("data-updates")) >= 1);
      assertThat(b.driver.findElement(By.id("live-status")).getText()).startsWith("live: updated");
      assertThat(barWords(b, "alice")).doesNotContain("narwhal");
      tweet("alice", "narwhal narwhal narwhal narwhal narwhal narwhal");
      tweet("bob", "narwhal narwhal narwhal narwhal narwhal narwhal narwhal");
      long t0 = System.nanoTime();
      new WebDriverWait(b.driver, Duration.ofSeconds(60))
          .until(d -> !d.findElements(By.cssSelector("#chart rect.bar[data-word='narwhal']")).isEmpty());
      long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
      System.out.printf("page: the word of the new tweets was drawn %d ms after they were produced%n", ms);
      assertThat(barWords(b, "alice").get(0)).isEqualTo("narwhal");
      assertThat(barValues(b, "alice").get(0)).isEqualTo("6");
      assertThat(barValues(b, "bob").get(0)).isEqualTo("7");
      b.screenshot("page-live");
      assertThat(b.consoleErrors()).as("console errors").isEmpty();
      assertThat(ms).as("ms from the tweets to the word on the page").isLessThan(15_000);
    }
  }

  static List<String> barWords(Browser b, String user) {
    return b.driver.findElements(By.cssSelector("#chart rect.bar[data-user='" + user + "']")).stream()
        .map(e -> e.getAttribute("data-word")).toList();
  }

  static List<String> barValues(Browser b, String user) {
    return b.driver.findElements(By.cssSelector("#chart rect.bar[data-user='" + user + "']")).stream()
        .map(e -> e.getAttribute("data-value")).toList();
  }
}
