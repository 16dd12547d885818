package dev.trendoff.views;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

class TweetCopiesTest {

  final Cut cut = Cut.of("t2", Set.of("t1"), Set.of(40L), Map.of(0, 100L, 1, 50L));

  @Test
  void aTweetIsCountedWhenAnyCopyIsCovered() {
    assertThat(TweetCopies.of(1, Set.of("t2/0/99"), null, null, null, null).countedBy(cut)).isTrue();
    assertThat(TweetCopies.of(1, Set.of("t2/0/100"), null, null, null, null).countedBy(cut)).isFalse();
    assertThat(TweetCopies.of(1, Set.of("t2/0/100", "t2/1/3"), null, null, null, null).countedBy(cut)).isTrue();
    assertThat(TweetCopies.of(1, Set.of("t1/7/123456"), null, null, null, null).countedBy(cut)).as("a retired topic").isTrue();
    assertThat(TweetCopies.of(1, Set.of(), Set.of(40L), null, null, null).countedBy(cut)).as("a covered load").isTrue();
    assertThat(TweetCopies.of(1, Set.of(), Set.of(41L), null, null, null).countedBy(cut)).as("a load not covered").isFalse();
    assertThat(TweetCopies.none(1).countedBy(cut)).as("not in the master table").isFalse();
  }

  @Test
  void rowsFromBeforeCopiesWereRecordedHaveTheirOnePositionOrAreFileRows() {
    assertThat(TweetCopies.of(1, null, null, "t2", 0, 5L).countedBy(cut)).isTrue();
    assertThat(TweetCopies.of(1, null, null, "t2", 0, 500L).countedBy(cut)).isFalse();
    TweetCopies file = TweetCopies.of(1, null, null, null, null, null);
    assertThat(file.legacyFileRow()).isTrue();
    assertThat(file.countedBy(Cut.EMPTY)).as("every version counts an old file row").isTrue();
  }

  @Test
  void aCopyOfATopicTheCutDoesNotKnowIsSaid() {
    assertThat(TweetCopies.of(1, Set.of("t9/0/1"), null, null, null, null).ofUnknownTopic(cut)).isTrue();
    assertThat(TweetCopies.of(1, Set.of("t1/0/1", "t2/0/1"), null, null, null, null).ofUnknownTopic(cut)).isFalse();
    assertThat(TweetCopies.position("t2", 3, 42)).isEqualTo("t2/3/42");
  }
}
