package org.peaktrade.engine.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class TimestampsTest {
  private static final Instant NEW_YEAR_2022 = Instant.parse("2022-01-01T00:00:00Z");

  @Test
  void readsIsoInstantWithZoneOrOffset() {
    assertThat(parse("2022-01-01T00:00:00Z")).isEqualTo(NEW_YEAR_2022);
    assertThat(parse("2022-01-01T01:00:00+01:00")).isEqualTo(NEW_YEAR_2022);
  }

  @Test
  void readsLocalDateTimeWithSpaceOrTAsUtc() {
    assertThat(parse("2022-01-01 00:00:00")).isEqualTo(NEW_YEAR_2022);
    assertThat(parse("2022-01-01T00:00")).isEqualTo(NEW_YEAR_2022);
  }

  @Test
  void readsIsoDateAsUtcMidnight() {
    assertThat(parse("2022-01-01")).isEqualTo(NEW_YEAR_2022);
  }

  @Test
  void readsNumbersBelowOneHundredBillionAsUnixSecondsAndAboveAsMillis() {
    assertThat(parse("1640995200")).isEqualTo(NEW_YEAR_2022);
    assertThat(parse("1640995200000")).isEqualTo(NEW_YEAR_2022);
    assertThat(parse("99999999999")).isEqualTo(Instant.ofEpochSecond(99_999_999_999L));
    assertThat(parse("100000000000")).isEqualTo(Instant.ofEpochMilli(100_000_000_000L));
  }

  @Test
  void keepsFractionsOfSecondsAndMillisExactly() {
    assertThat(parse("1640995200.123456789")).isEqualTo(NEW_YEAR_2022.plusNanos(123_456_789));
    assertThat(parse("1640995200000.5")).isEqualTo(NEW_YEAR_2022.plusNanos(500_000));
  }

  @Test
  void rejectsTextThatIsNoTimeNamingTheColumn() {
    assertThatThrownBy(() -> parse("yesterday"))
        .isInstanceOf(RowRejected.class)
        .hasMessageStartingWith("column 'time' is not a recognised time: 'yesterday'");
    assertThatThrownBy(() -> parse("-5")).isInstanceOf(RowRejected.class);
    assertThatThrownBy(() -> parse("2022-13-01")).isInstanceOf(RowRejected.class);
  }

  private static Instant parse(String text) {
    return Timestamps.parse(text, "column 'time'");
  }
}
