package dev.trendoff.batch;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;

import dev.trendoff.avro.Tweet;
import dev.trendoff.avro.TweetCodec;
import dev.trendoff.core.KafkaOffsets;
import dev.trendoff.core.Settings;
import dev.trendoff.core.Tables;
import dev.trendoff.core.Tokenizer;
import dev.trendoff.core.UserKeys;
import dev.trendoff.producer.TweetProducer;

/** What the batch-layer integration tests share: feeding the topic, reading it back, reading the tables, recounting. */
final class Fixtures {

  private Fixtures() {}

  /** A tweet as Kafka holds it. */
  record Placed(int partition, long offset, Tweet tweet) {}

  static void produce(Settings s, Iterable<Tweet> tweets) {
    try (TweetProducer p = new TweetProducer(s)) {
      tweets.forEach(p::send);
      p.flush();
      if (p.failed() > 0) {
        throw new IllegalStateException(p.failed() + " tweets not sent");
      }
    }
  }

  /** Puts raw bytes (not a tweet) on the topic. */
  static void produceRaw(Settings s, String key, byte[] value) throws Exception {
    Map<String, Object> p = new HashMap<>(s.kafka().clientProperties());
    p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(p)) {
      producer.send(new ProducerRecord<>(s.kafka().topic(), key.getBytes(StandardCharsets.UTF_8), value)).get();
    }
  }

  /** Every record of {@code topic} from the start, with a plain consumer. */
  static List<ConsumerRecord<byte[], byte[]>> readAll(Settings s, String topic) {
    return dev.trendoff.core.TopicRecords.all(s.kafka(), topic, Duration.ofSeconds(60));
  }

  /** The tweets of the tweets topic with where they are. */
  static List<Placed> placedTweets(Settings s) throws dev.trendoff.avro.TweetDecodeException {
    List<Placed> out = new ArrayList<>();
    for (ConsumerRecord<byte[], byte[]> r : readAll(s, s.kafka().topic())) {
      out.add(new Placed(r.partition(), r.offset(), TweetCodec.shared().decode(r.value())));
    }
    return out;
  }

  /** tweet id -> {kafka_partition, kafka_offset} (null, null for file rows) of every master row. */
  static Map<Long, Long[]> masterPositions(CqlSession session) {
    Map<Long, Long[]> out = new TreeMap<>();
    for (Row r : session.execute("SELECT tweet_id, kafka_partition, kafka_offset FROM " + Tables.TWEETS)) {
      out.put(r.getLong(0), new Long[] {r.isNull(1) ? null : (long) r.getInt(1), r.isNull(2) ? null : r.getLong(2)});
    }
    return out;
  }

  static long count(CqlSession session, String table) {
    return session.execute("SELECT count(*) FROM " + table).one().getLong(0);
  }

  static Map<Integer, Long> endOffsets(Settings s) {
    try (KafkaOffsets o = new KafkaOffsets(s.kafka())) {
      return o.endOffsets();
    }
  }

  static Map<Integer, Long> committed(Settings s, String group) {
    try (KafkaOffsets o = new KafkaOffsets(s.kafka())) {
      return o.committed(group);
    }
  }

  /** Waits until {@code check} holds, or fails with {@code what}. */
  static void await(String what, Duration timeout, java.util.function.BooleanSupplier check) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!check.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out after " + timeout.toSeconds() + " s waiting for: " + what);
      }
      Thread.sleep(250);
    }
  }

  /** A plain recount, independent of the batch layer's code: user -> word -> count, and user -> {tweets, tokens}. */
  static final class Recount {
    final Map<String, Map<String, Integer>> words = new TreeMap<>();
    final Map<String, long[]> totals = new TreeMap<>();

    void add(Tweet t) {
      String user = UserKeys.of(t.getUserScreenName());
      List<String> tokens = Tokenizer.standard().tokens(t.getText());
      long[] tot = totals.computeIfAbsent(user, u -> new long[2]);
      tot[0]++;
      tot[1] += tokens.size();
      Map<String, Integer> w = words.computeIfAbsent(user, u -> new TreeMap<>());
      for (String token : tokens) {
        w.merge(token, 1, Integer::sum);
      }
    }
  }
}
