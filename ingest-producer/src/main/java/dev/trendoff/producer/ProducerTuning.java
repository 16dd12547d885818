package dev.trendoff.producer;

import java.util.LinkedHashMap;
import java.util.Map;

import com.typesafe.config.Config;

import dev.trendoff.core.Settings;

/** The producer settings of {@code trendoff.producer} that go to the Kafka client. */
public record ProducerTuning(long lingerMs, long batchSize, String compression, long bufferMemory, long maxBlockMs,
    long connectTimeoutMs) {

  public static ProducerTuning from(Settings settings) {
    Config c = settings.config().getConfig("trendoff.producer");
    return new ProducerTuning(c.getDuration("linger").toMillis(), c.getBytes("batch-size"),
        c.getString("compression"), c.getBytes("buffer-memory"), c.getDuration("max-block").toMillis(),
        c.getDuration("connect-timeout").toMillis());
  }

  public ProducerTuning with(long lingerMs, long batchSize, String compression) {
    return new ProducerTuning(lingerMs, batchSize, compression, bufferMemory, maxBlockMs, connectTimeoutMs);
  }

  /** As Kafka producer properties (the ones Kafka's own perf tool is given too). */
  public Map<String, Object> properties() {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("linger.ms", String.valueOf(lingerMs));
    p.put("batch.size", String.valueOf(batchSize));
    p.put("compression.type", compression);
    p.put("buffer.memory", String.valueOf(bufferMemory));
    p.put("max.block.ms", String.valueOf(maxBlockMs));
    return p;
  }
}
