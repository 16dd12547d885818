package dev.trendoff.serving;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import com.datastax.oss.driver.api.core.CqlSession;

import dev.trendoff.core.UserKeys;
import dev.trendoff.views.BatchSide;
import dev.trendoff.views.Corpus;
import dev.trendoff.views.SpeedRow;
import dev.trendoff.views.TweetCopies;
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
 * cut, which the merge does not count anyway. One query is thus two round trips once warm. A reader
 * that sees the pointer move on each of {@value #MAX_ATTEMPTS} reads gives up with a
 * {@link QueryError.Kind#UNAVAILABLE} error rather than an answer that may mix two versions.
 */
public final class ServingReader {

  static final int MAX_ATTEMPTS = 5;

  /** The reads the reader makes (those of {@link ViewReads}). */
  interface Reads {
    CompletableFuture<ViewPointer> pointer();

    CompletableFuture<BatchSide> batch(String user, long base, long version);

    CompletableFuture<List<SpeedRow>> speedRows(String user);

    CompletableFuture<Corpus> corpus(long version);

    /** The copies of each of {@code tweetIds} the master table holds (one read; ids it lacks are left out). */
    CompletableFuture<List<TweetCopies>> copies(List<Long> tweetIds);
  }

  /** Tweet ids per read of their copies: one {@code IN} read each, so a merge makes a few reads, not one per row. */
  static final int COPIES_PER_READ = 100;

  private final Reads views;
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
    this(reads(new ViewReads(session, keyspace)), clock);
  }

  ServingReader(Reads views, Clock clock) {
    this.views = views;
    this.clock = clock;
  }

  private static Reads reads(ViewReads v) {
    return new Reads() {
      @Override
      public CompletableFuture<ViewPointer> pointer() {
        return v.pointer();
      }

      @Override
      public CompletableFuture<BatchSide> batch(String user, long base, long version) {
        return v.batch(user, base, version);
      }

      @Override
      public CompletableFuture<List<SpeedRow>> speedRows(String user) {
        return v.speedRows(user);
      }

      @Override
      public CompletableFuture<Corpus> corpus(long version) {
        return v.corpus(version);
      }

      @Override
      public CompletableFuture<List<TweetCopies>> copies(List<Long> tweetIds) {
        return v.copies(tweetIds);
      }
    };
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
      if (Objects.equals(now.version(), view.version())) {
        if (r.corpus() != null) {
          corpus = r.corpus();
        }
        return r;
      }
      if (attempt == MAX_ATTEMPTS) {
        throw QueryError.unavailable("the published view changed during each of " + MAX_ATTEMPTS + " reads (version "
            + view.version() + ", then " + now.version() + "): recomputes are publishing faster than a read takes; try again",
            null);
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
      batch.add(v.exists() ? views.batch(k, v.base(), v.version()) : CompletableFuture.completedFuture(BatchSide.EMPTY));
    }
    Corpus kept = corpus;
    CompletableFuture<Corpus> corpusRead = !withCorpus ? CompletableFuture.completedFuture(null)
        : !v.exists() ? CompletableFuture.completedFuture(Corpus.NONE)
        : kept != null && v.version().equals(kept.version()) ? CompletableFuture.completedFuture(kept)
        : views.corpus(v.version());
    List<CompletableFuture<?>> every = new ArrayList<>(speed);
    every.addAll(batch);
    every.add(corpusRead);
    return CompletableFuture.allOf(every.toArray(CompletableFuture[]::new))
        .thenCompose(ignored -> countedByBatch(v, speed))
        .thenApply(counted -> {
          List<UserWords> users = new ArrayList<>();
          for (int i = 0; i < keys.size(); i++) {
            users.add(Merge.merge(keys.get(i), v, batch.get(i).join(), speed.get(i).join(), counted::contains));
          }
          return new ViewsRead(v, users, clock.instant(), corpusRead.join());
        });
  }

  /**
   * The tweet ids among the speed rows after the cut that the version counts through another copy
   * (docs/lambda.md 'Copies of a tweet'): the copies are read from the master table, {@link #COPIES_PER_READ}
   * ids a read, the reads in parallel; no read when there is no such row or no version.
   */
  private CompletableFuture<Set<Long>> countedByBatch(ViewPointer v, List<CompletableFuture<List<SpeedRow>>> speed) {
    if (!v.exists()) {
      return CompletableFuture.completedFuture(Set.of());
    }
    Set<Long> pending = new HashSet<>();
    for (CompletableFuture<List<SpeedRow>> rows : speed) {
      for (SpeedRow r : rows.join()) {
        if (v.countsSpeedRow(r)) {
          pending.add(r.tweetId());
        }
      }
    }
    List<Long> ids = new ArrayList<>(pending);
    List<CompletableFuture<List<TweetCopies>>> copies = new ArrayList<>();
    for (int from = 0; from < ids.size(); from += COPIES_PER_READ) {
      copies.add(views.copies(ids.subList(from, Math.min(ids.size(), from + COPIES_PER_READ))));
    }
    return CompletableFuture.allOf(copies.toArray(CompletableFuture[]::new)).thenApply(ignored -> {
      Set<Long> counted = new HashSet<>();
      for (CompletableFuture<List<TweetCopies>> c : copies) {
        for (TweetCopies t : c.join()) {
          if (t.countedBy(v.cut())) {
            counted.add(t.tweetId());
          }
        }
      }
      return counted;
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
