package dev.trendoff.views;

import java.util.Iterator;
import java.util.Map;

import com.datastax.oss.driver.api.core.ConsistencyLevel;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;

import dev.trendoff.core.BoundedAsync;

/**
 * Writes a version's corpus ({@link CorpusChunks}): all users' word counts, streamed in, one prepared
 * insert per chunk, at most {@code concurrency} in flight. The recompute writes it from the driver
 * before the flip; like the version's batch view rows, readers see it only once the pointer names the version.
 */
public final class CorpusWrites {

  private final PreparedStatement insert;
  private final ConsistencyLevel consistency;
  private final int wordsPerChunk;
  private final BoundedAsync async;

  public CorpusWrites(CqlSession session, String keyspace, ConsistencyLevel consistency, int wordsPerChunk, int concurrency) {
    this.insert = session.prepare(CorpusChunks.insert(keyspace));
    this.consistency = consistency;
    this.wordsPerChunk = wordsPerChunk;
    this.async = new BoundedAsync(session, concurrency);
  }

  /**
   * Writes {@code words} (each word once) as the corpus of {@code version} and waits until every chunk
   * is written (throws the first failure). Returns the number of distinct words.
   */
  public long write(long version, Iterator<? extends Map.Entry<String, Long>> words) throws InterruptedException {
    long n = Chunks.split(words, wordsPerChunk, (i, chunk) ->
        async.submit(insert.bind(version, i, chunk).setConsistencyLevel(consistency).setIdempotent(true)));
    async.await();
    return n;
  }
}
