package dev.trendoff.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.datastax.oss.driver.api.core.CqlSession;
import com.typesafe.config.Config;

import dev.trendoff.core.CassandraSessions;
import dev.trendoff.core.Settings;
import dev.trendoff.http.HttpSettings;
import dev.trendoff.http.TrendoffServer;
import dev.trendoff.localstack.junit.LocalStackExtension;
import dev.trendoff.localstack.junit.TestStack;
import dev.trendoff.spark.JobProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./trendoff serve} beside the command line on the same views (a batch view version and speed
 * rows on both sides of its cut, {@link ViewFixture}): /api/compare, /api/compare.csv and /api/status
 * answer the very bytes {@code compare-users --json}, {@code --csv} and {@code status --json} print; and
 * the serve command as its own process logs each request and exits 0 after SIGTERM.
 */
@ExtendWith(LocalStackExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServeIT {

  static final List<String> USERS = List.of("alice", "bob", "carol", "dave");
  static final HttpClient HTTP = HttpClient.newHttpClient();

  Config config;
  Settings settings;
  TrendoffServer server;

  @BeforeAll
  void views(TestStack stack) throws Exception {
    Map<String, Object> own = Map.of("kafka.topic", stack.freshName("serve"), "kafka.dlq-topic", stack.freshName("serve_dlq"),
        "kafka.speed-group", stack.freshName("speed"), "kafka.batch-group", stack.freshName("batch"),
        "cassandra.keyspace", stack.freshName("serve"), "http.port", 0);
    settings = stack.settingsWith(own);
    config = stack.configWith(own);
    ViewFixture fx = new ViewFixture(20261201L, USERS, 40, 3);
    Map<Integer, Long> ends = fx.ends();
    Map<Integer, Long> cut = Map.of(0, ends.getOrDefault(0, 0L) / 2, 1, ends.getOrDefault(1, 0L) / 2);
    String ks = settings.cassandra().keyspace();
    try (CqlSession s = CassandraSessions.open(settings.cassandra())) {
      fx.writeBatchVersion(s, ks, 1_800_000_000_000L, cut);
      fx.writeSpeedRows(s, ks, t -> true);
      ViewFixture.publish(s, ks, 1_800_000_000_000L, cut);
    }
    server = TrendoffServer.start(settings, HttpSettings.from(settings));
  }

  @AfterAll
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  static HttpResponse<byte[]> get(URI base, String pathAndQuery) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(base.resolve(pathAndQuery)).build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  @Test
  void theApiAnswersTheCommandLinesBytes() throws Exception {
    // each command-line run opens a Cassandra session of its own: a few questions, every rank
    String[][] questions = {{"alice", "bob", "shared", "5"}, {"alice", "bob", "total", "all"},
        {"alice", "bob", "alternate", "20"}, {"dave", "carol", "shared", "all"}};
    for (String[] x : questions) {
      String q = "users=" + x[0] + "," + x[1] + "&rank=" + x[2] + "&top=" + x[3];
      Cli.Result json = Cli.run(new CompareUsersCommand(() -> settings), x[0], x[1], "--rank", x[2], "--top", x[3], "--json");
      assertThat(json.exit()).as(json.err()).isZero();
      HttpResponse<byte[]> a = get(server.uri(), "api/compare?" + q);
      assertThat(a.statusCode()).isEqualTo(200);
      assertThat(a.body()).as(q).isEqualTo(json.out().getBytes(StandardCharsets.UTF_8));

      Cli.Result csv = Cli.run(new CompareUsersCommand(() -> settings), x[0], x[1], "--rank", x[2], "--top", x[3], "--csv");
      assertThat(get(server.uri(), "api/compare.csv?" + q).body()).as(q).isEqualTo(csv.out().getBytes(StandardCharsets.UTF_8));
    }
    Cli.Result status = Cli.run(new StatusCommand(() -> settings), "--json");
    assertThat(status.exit()).as(status.err()).isZero();
    assertThat(new String(get(server.uri(), "api/status").body(), StandardCharsets.UTF_8)).isEqualTo(status.out());
  }

  @Test
  void serveLogsEachRequestAndExitsZeroOnSigterm(@TempDir Path dir) throws Exception {
    Path log = dir.resolve("serve.log");
    try (JobProcess serve = JobProcess.start("serve", Main.class.getName(), List.of("serve", "--port", "0"), config, "512m", log)) {
      assertThat(serve.awaitLog("trendoff serve: http://", Duration.ofMinutes(2))).as(serve.logTail(30)).isTrue();
      Matcher m = Pattern.compile("trendoff serve: (http://127\\.0\\.0\\.1:\\d+/)").matcher(serve.logText());
      assertThat(m.find()).as(serve.logTail(10)).isTrue();
      URI base = URI.create(m.group(1));

      assertThat(get(base, "api/compare?users=alice,bob").statusCode()).isEqualTo(200);
      assertThat(get(base, "api/compare?users=alice,nobody").statusCode()).isEqualTo(404);
      // a client following an event stream when the server is stopped: its stream ends, it is not cut off
      HttpResponse<InputStream> stream = HTTP.send(HttpRequest.newBuilder(base.resolve("api/compare/stream?users=alice,bob")).build(),
          HttpResponse.BodyHandlers.ofInputStream());
      assertThat(stream.statusCode()).isEqualTo(200);

      int exit = serve.terminate(Duration.ofSeconds(60));
      assertThat(exit).as(serve.logTail(30)).isZero();
      String events;
      try (InputStream in = stream.body()) {
        events = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      assertThat(events).startsWith("event: comparison\ndata: {");
      String out = serve.logText();
      assertThat(out).contains("\"GET /api/compare?users=alice,bob HTTP/1.1\" 200")
          .contains("\"GET /api/compare?users=alice,nobody HTTP/1.1\" 404")
          .contains("trendoff serve: stopped");
    }
  }
}
