package dev.trendoff.formats;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FileRecordSourceTest {

  private static ParseResult notATweet(String text) {
    return ParseResult.rejected(RejectReason.NOT_A_STATUS, "parsed: " + text, text);
  }

  @Test
  void theReadersRejectionComesFirst() {
    Rejection tooLong = new Rejection(RejectReason.LINE_TOO_LONG, "line 3 is too long", "xxx");
    assertThat(FileRecordSource.parsed(new TextRecord(3, null, tooLong), FileRecordSourceTest::notATweet).rejection()).isEqualTo(tooLong);
  }

  @Test
  void aBlankLineIsRejectedWithItsNumber() {
    Rejection r = FileRecordSource.parsed(new TextRecord(7, "  \t", null), FileRecordSourceTest::notATweet).rejection();
    assertThat(r.reason()).isEqualTo(RejectReason.EMPTY_LINE);
    assertThat(r.detail()).isEqualTo("line 7 is empty");
  }

  @Test
  void otherTextGoesToTheParser() {
    assertThat(FileRecordSource.parsed(new TextRecord(1, "{}", null), FileRecordSourceTest::notATweet).rejection().detail()).isEqualTo("parsed: {}");
  }
}
