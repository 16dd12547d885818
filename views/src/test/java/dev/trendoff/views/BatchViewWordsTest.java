package dev.trendoff.views;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class BatchViewWordsTest {

  private static ViewRow word(String user, String word, long version, long count) {
    return new ViewRow(user, word, version, count, 0, 0);
  }

  @Test
  void eachKeyIsReadFromItsLatestRowAtOrBelowTheVersion() {
    List<ViewRow> rows = List.of(
        ViewRow.totals("ann", 10, 2, 5), ViewRow.totals("ann", 20, 3, 8), ViewRow.totals("ann", 30, 9, 99),
        word("ann", "cat", 10, 1), word("ann", "cat", 20, 2), word("ann", "cat", 30, 50),
        word("ann", "dog", 10, 4),
        word("ann", "eel", 30, 7));
    Map<ViewRow.Key, ViewRow> at20 = BatchViewWords.latest(rows, 20);
    assertThat(at20).containsOnlyKeys(new ViewRow.Key("ann", ""), new ViewRow.Key("ann", "cat"), new ViewRow.Key("ann", "dog"));
    assertThat(at20.get(new ViewRow.Key("ann", "cat")).count()).isEqualTo(2);
    assertThat(at20.get(new ViewRow.Key("ann", "dog")).version()).as("untouched since version 10").isEqualTo(10);
    assertThat(BatchViewWords.side(at20.values())).isEqualTo(new BatchSide(3, 8, Map.of("cat", 2L, "dog", 4L)));
    assertThat(BatchViewWords.side(BatchViewWords.latest(rows, 9).values())).as("before any row").isEqualTo(BatchSide.EMPTY);
    assertThat(BatchViewWords.side(BatchViewWords.latest(rows, 35).values()))
        .isEqualTo(new BatchSide(9, 99, Map.of("cat", 50L, "dog", 4L, "eel", 7L)));
  }

  @Test
  void theRowsOfAUserAreItsTotalsAndOneRowPerWord() {
    assertThat(BatchViewWords.rows("bo", 7, 2, 3, Map.of("hi", 2, "yo", 1))).containsExactlyInAnyOrder(
        new ViewRow("bo", "", 7, 0, 2, 3), new ViewRow("bo", "hi", 7, 2, 0, 0), new ViewRow("bo", "yo", 7, 1, 0, 0));
    assertThat(BatchViewWords.rows("bo", 7, 1, 0, Map.of())).as("a user without words still has a totals row")
        .containsExactly(ViewRow.totals("bo", 7, 1, 0));
  }

  @Test
  void aUsersBucketIsItsKeysJavaHashModuloTheBuckets() {
    // String.hashCode as the JDK specifies it, worked out by hand: "alice" -> 92903040, "@bob_the_builder7" -> 2121825940
    assertThat(BatchViewWords.bucket("alice")).isEqualTo(92903040 % 1024).isEqualTo(640);
    assertThat(BatchViewWords.bucket("@bob_the_builder7")).isEqualTo(660);
    assertThat(BatchViewWords.bucket("\uffff\uffff\uffff\uffff\uffff")).isBetween(0, BatchViewWords.BUCKETS - 1);
  }

  @Test
  void totalsRowsAreKindZeroWordsKindOne() {
    assertThat(BatchViewWords.kind(ViewRow.TOTALS)).isEqualTo(0);
    assertThat(BatchViewWords.kind("cat")).isEqualTo(1);
  }
}
