package dev.trendoff.serving;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import com.datastax.oss.driver.api.core.CqlSession;

import dev.trendoff.core.UserKeys;
import dev.trendoff.views.BatchSide;
import dev.trendoff.views.Corpus;
import dev.trendoff.views.SpeedRow;
import dev.trendoff.views.ViewPointer;
import dev.trendoff.views.ViewReads;

/**
 * Reads the serving views for some users and merges them exactly (docs/lambda.md 'The merge'):
 * the pointer row, each user's batch view partition for the pointer's version, each user's speed rows,
 * and when asked the version's corpus (the reads of {@link ViewReads}: prepared, asynchronous, in
 * parallel; no Spark). Thread-safe; one per session.
 *
 * <p>Consistency with a recompute publishing at the same time: a version's rows are complete before the
 * pointer names it, and are deleted only after the pointer has moved past it (versions only grow).
 * So the reader reads the batch rows of a version it has already seen published (the last one, or the
 * pointer read first) together with the speed rows, then reads the pointer again: if it still names
 * that version, the version was current during the whole read and the answer is one consistent merge;
 * otherwise it reads again with the newer version. The clean-up only deletes speed rows below the
 * cut, which the merge does not count anyway. One query is thus two round trips once warm.
 */
public final class ServingReader {

  private static final int MAX_ATTEMPTS = 5;

  private final ViewReads views;
  private final Clock clock;
  /** The last pointer seen: published, so its rows are complete. */
  private volatile ViewPointer lastSeen;
  /** The corpus of the last version a read confirmed (read whole while that version was current). */
  private volatile Corpus corpus;

  /** @param session reads at its default consistency (sessions of {@code CassandraSessions}: the read consistency) */
  public ServingReader(CqlSession session, String keyspace) {
    this(session, keyspace, Clock.systemUTC());
  }

  public ServingReader(CqlSession session, String keyspace, Clock clock) {
    this.views = new ViewReads(session, keyspace);
    this.clock = clock;
  }

  /** Both views merged for each of {@code screenNames} (keyed by {@link UserKeys#of}), in the order given. */
  public ViewsRead read(List<String> screenNames) {
    return read(screenNames, false);
  }

  /**
   * Likewise, and with {@code withCorpus} the corpus of the version read (for {@code --prior corpus}).
   * A version's corpus never changes: the last one confirmed by the pointer is kept and not read again.
   */
  public ViewsRead read(List<String> screenNames, boolean withCorpus) {
    List<String> keys = screenNames.stream().map(UserKeys::of).toList();
    ViewPointer view = lastSeen;
    if (view == null) {
      view = join(views.pointer());
    }
    for (int attempt = 1; ; attempt++) {
      ViewsRead r = join(readOnce(keys, view, withCorpus));
      ViewPointer now = join(views.pointer());
      lastSeen = now;
      boolean same = Objects.equals(now.version(), view.version());
      if (same && r.corpus() != null) {
        corpus = r.corpus();
      }
      if (same || attempt == MAX_ATTEMPTS) {
        return r;
      }
      view = now;
    }
  }

  /** The pointer row alone. */
  public ViewPointer currentView() {
    ViewPointer v = join(views.pointer());
    lastSeen = v;
    return v;
  }

  private CompletableFuture<ViewsRead> readOnce(List<String> keys, ViewPointer v, boolean withCorpus) {
    List<CompletableFuture<List<SpeedRow>>> speed = new ArrayList<>();
    List<CompletableFuture<BatchSide>> batch = new ArrayList<>();
    for (String k : keys) {
      speed.add(views.speedRows(k));
      batch.add(v.exists() ? views.batch(k, v.version()) : CompletableFuture.completedFuture(BatchSide.EMPTY));
    }
    Corpus kept = corpus;
    CompletableFuture<Corpus> corpusRead = !withCorpus ? CompletableFuture.completedFuture(null)
        : !v.exists() ? CompletableFuture.completedFuture(Corpus.NONE)
        : kept != null && v.version().equals(kept.version()) ? CompletableFuture.completedFuture(kept)
        : views.corpus(v.version());
    List<CompletableFuture<?>> every = new ArrayList<>(speed);
    every.addAll(batch);
    every.add(corpusRead);
    return CompletableFuture.allOf(every.toArray(CompletableFuture[]::new)).thenApply(ignored -> {
      List<UserWords> users = new ArrayList<>();
      for (int i = 0; i < keys.size(); i++) {
        users.add(Merge.merge(keys.get(i), v, batch.get(i).join(), speed.get(i).join()));
      }
      return new ViewsRead(v, users, clock.instant(), corpusRead.join());
    });
  }

  private static <T> T join(CompletableFuture<T> f) {
    try {
      return f.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      throw e;
    }
  }
}
