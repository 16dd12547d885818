package dev.trendoff.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import dev.trendoff.views.BatchSide;
import dev.trendoff.views.Corpus;
import dev.trendoff.views.SpeedRow;
import dev.trendoff.views.TweetCopies;
import dev.trendoff.views.ViewPointer;

/** The reader's consistency loop, over reads whose pointer moves as the test says (the reads themselves are ViewReads'). */
class ServingReaderTest {

  /** Pointer reads return the versions given, one per read, then the last one for ever; every version's batch side is its number. */
  static final class Moving implements ServingReader.Reads {
    final long[] versions;
    final AtomicLong reads = new AtomicLong();
    final AtomicLong corpusReads = new AtomicLong();

    Moving(long... versions) {
      this.versions = versions;
    }

    @Override
    public CompletableFuture<ViewPointer> pointer() {
      int i = (int) Math.min(reads.getAndIncrement(), versions.length - 1);
      return CompletableFuture.completedFuture(ViewPointer.of(versions[i], Map.of()));
    }

    @Override
    public CompletableFuture<BatchSide> batch(String user, long base, long version) {
      return CompletableFuture.completedFuture(new BatchSide(version, 0, Map.of()));
    }

    @Override
    public CompletableFuture<List<SpeedRow>> speedRows(String user) {
      return CompletableFuture.completedFuture(List.of());
    }

    /** Every version's corpus is one word counted its number of times. */
    @Override
    public CompletableFuture<Corpus> corpus(long version) {
      corpusReads.incrementAndGet();
      return CompletableFuture.completedFuture(Corpus.of(version, Map.of("w", version)));
    }

    @Override
    public CompletableFuture<List<TweetCopies>> copies(List<Long> tweetIds) {
      return CompletableFuture.completedFuture(List.of()); // the master table holds none of them
    }
  }

  @Test
  void aPointerThatMovedOnceIsReadAgainWithTheNewVersion() {
    ServingReader r = new ServingReader(new Moving(1, 2, 2), Clock.systemUTC());
    ViewsRead read = r.read(List.of("u"));
    assertThat(read.view().version()).isEqualTo(2);
    assertThat(read.users().get(0).tweets()).as("the batch side of version 2 alone").isEqualTo(2);
  }

  @Test
  void theCorpusIsTheConfirmedVersionsAndIsKeptForIt() {
    Moving moving = new Moving(1, 2, 2);
    ServingReader r = new ServingReader(moving, Clock.systemUTC());
    ViewsRead read = r.read(List.of("u"), true);
    assertThat(read.corpus().version()).as("the corpus of the version the answer is of").isEqualTo(2);
    assertThat(read.corpus().count("w")).isEqualTo(2);
    long corpusReads = moving.corpusReads.get();
    assertThat(r.read(List.of("u"), true).corpus().version()).isEqualTo(2);
    assertThat(moving.corpusReads.get()).as("version 2's corpus was confirmed: not read again").isEqualTo(corpusReads);
  }

  @Test
  void aPointerThatMovesOnEveryReadIsAnErrorNotAPossiblyTornAnswer() {
    long[] always = new long[20];
    for (int i = 0; i < always.length; i++) {
      always[i] = i + 1;
    }
    Moving moving = new Moving(always);
    ServingReader r = new ServingReader(moving, Clock.systemUTC());
    assertThatThrownBy(() -> r.read(List.of("u")))
        .isInstanceOfSatisfying(QueryError.class, e -> assertThat(e.kind()).isEqualTo(QueryError.Kind.UNAVAILABLE))
        .hasMessageContaining("changed during each of " + ServingReader.MAX_ATTEMPTS + " reads");
    assertThat(moving.reads.get()).isEqualTo(1 + ServingReader.MAX_ATTEMPTS);
  }
}
