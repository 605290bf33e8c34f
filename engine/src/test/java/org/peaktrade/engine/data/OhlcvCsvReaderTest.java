package org.peaktrade.engine.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.peaktrade.engine.fixtures.RepoFiles.repoFile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peaktrade.engine.fixtures.BarFixtures;
import org.peaktrade.protocol.Bar;
import org.peaktrade.protocol.Instrument;
import org.peaktrade.protocol.Quantity;
import org.peaktrade.protocol.Symbol;

class OhlcvCsvReaderTest {
  private static final Symbol BTC = Symbol.of("BTC/USD");
  private static final String HEADER = "timestamp,open,high,low,close,volume\n";

  @TempDir
  Path dir;

  @Test
  void loadsTheNautilusMinuteFileWithExactFirstAndLastBars() throws IOException {
    LoadedBars loaded = OhlcvCsvReader.read(repoFile("data/demo/btc-perp-1m-2022-01.csv"), LoadOptions.defaults());

    assertThat(loaded.bars()).hasSize(45_031);
    assertThat(loaded.interval()).isEqualTo(Duration.ofMinutes(1));
    assertThat(loaded.bars().get(0)).isEqualTo(bar("2021-12-31T23:01:00Z", Duration.ofMinutes(1),
        "46319.0", "46385.0", "46319.0", "46377.0", "2300413.7295"));
    assertThat(loaded.bars().get(45_030)).isEqualTo(bar("2022-02-01T05:31:00Z", Duration.ofMinutes(1),
        "38525.0", "38546.0", "38525.0", "38544.0", "685906.9735"));
    assertThat(loaded.skipped()).isEmpty();
  }

  @Test
  void infersTickFromTheMostDecimalPlacesIgnoringTrailingZeros() throws IOException {
    LoadedBars loaded = OhlcvCsvReader.read(repoFile("data/demo/btc-perp-1m-2022-01.csv"), LoadOptions.defaults());

    assertThat(loaded.instrument()).isEqualTo(Instrument.withScales(BTC, 3, 8));
  }

  @Test
  void rejectsRowWithHighBelowLowNamingFileAndLine() {
    Path file = write("data.csv", HEADER + "1640995200,10,12,9,11,1\n1640995260,10,9,11,10,1\n");

    assertThatThrownBy(() -> OhlcvCsvReader.read(file, LoadOptions.defaults()))
        .isInstanceOf(MarketDataFormatException.class)
        .hasMessage("data.csv:3: high 9 is below low 11");
  }

  @Test
  void rejectsNanPriceNamingTheColumn() {
    Path file = write("data.csv", HEADER + "1640995200,10,12,9,NaN,1\n");

    assertThatThrownBy(() -> OhlcvCsvReader.read(file, LoadOptions.defaults()))
        .hasMessage("data.csv:2: column 'close' is not a finite decimal number: 'NaN'");
  }

  @Test
  void rejectsNegativePrice() {
    Path file = write("data.csv", HEADER + "1640995200,-10,12,9,11,1\n");

    assertThatThrownBy(() -> OhlcvCsvReader.read(file, LoadOptions.defaults()))
        .hasMessage("data.csv:2: column 'open' must be positive: '-10'");
  }

  @Test
  void rejectsOpenOutsideTheHighLowRange() {
    Path file = write("data.csv", HEADER + "1640995200,13,12,9,11,1\n");

    assertThatThrownBy(() -> OhlcvCsvReader.read(file, LoadOptions.defaults()))
        .hasMessage("data.csv:2: open 13 is above high 12");
  }

  @Test
  void rejectsDuplicateTimestampNamingBothLines() {
    Path file = write("data.csv", HEADER + "1640995200,10,12,9,11,1\n1640995200,10,12,9,11,1\n");

    assertThatThrownBy(() -> OhlcvCsvReader.read(file, LoadOptions.defaults()))
        .hasMessage("data.csv:3: duplicate timestamp 2022-01-01T00:00:00Z (also on line 2)");
  }

  @Test
  void rejectsRowsOutOfTimeOrder() {
    Path file = write("data.csv", HEADER + "1640995260,10,12,9,11,1\n1640995200,10,12,9,11,1\n");

    assertThatThrownBy(() -> OhlcvCsvReader.read(file, LoadOptions.defaults()))
        .hasMessage("data.csv:3: timestamp 2022-01-01T00:00:00Z is before 2022-01-01T00:01:00Z on line 2;"
            + " rows must be in time order");
  }

  @Test
  void rejectsRowWithWrongFieldCount() {
    Path file = write("data.csv", HEADER + "1640995200,10,12,9,11\n");

    assertThatThrownBy(() -> OhlcvCsvReader.read(file, LoadOptions.defaults()))
        .hasMessage("data.csv:2: expected 6 fields as in the header but found 5");
  }

  @Test
  void rejectsUnparseableTime() {
    Path file = write("data.csv", HEADER + "01/02/2022,10,12,9,11,1\n");

    assertThatThrownBy(() -> OhlcvCsvReader.read(file, LoadOptions.defaults()))
        .hasMessageStartingWith("data.csv:2: column 'timestamp' is not a recognised time: '01/02/2022'");
  }

  @Test
  void failsOnMissingColumnEvenWhenSkippingBadRows() {
    Path file = write("data.csv", "timestamp,open,high,low,volume\n1640995200,10,12,9,1\n");

    assertThatThrownBy(() -> OhlcvCsvReader.read(file, LoadOptions.defaults().skippingBadRows()))
        .isInstanceOf(MarketDataFormatException.class)
        .hasMessage("data.csv:1: header has no column 'close': 'timestamp,open,high,low,volume'")
        .extracting(e -> ((MarketDataFormatException) e).line())
        .isEqualTo(1L);
  }

  @Test
  void rejectsAnEmptyFile() {
    Path file = write("data.csv", "\n\n");

    assertThatThrownBy(() -> OhlcvCsvReader.read(file, LoadOptions.defaults()))
        .hasMessage("data.csv: is empty; expected a header such as timestamp,open,high,low,close,volume");
  }

  @Test
  void skipsBadRowsAndReportsEachWithItsLine() throws IOException {
    Path file = write("data.csv", HEADER
        + "1640995200,10,12,9,11,1\n"
        + "1640995260,10,12,9,NaN,1\n"
        + "1640995260,10,9,11,10,1\n"
        + "1640995320,10,12,9,11,1\n"
        + "1640995320,10,12,9,11,1\n"
        + "1640995380,10,12,9,11\n"
        + "1640995440,10,12,9,11,1\n");

    LoadedBars loaded = OhlcvCsvReader.read(file, LoadOptions.defaults().skippingBadRows());

    assertThat(loaded.bars()).extracting(Bar::openTime).containsExactly(
        Instant.parse("2022-01-01T00:00:00Z"), Instant.parse("2022-01-01T00:02:00Z"),
        Instant.parse("2022-01-01T00:04:00Z"));
    assertThat(loaded.skipped()).extracting(RowProblem::line).containsExactly(3L, 4L, 6L, 7L);
    assertThat(loaded.skipped().get(0)).hasToString(
        "data.csv:3: column 'close' is not a finite decimal number: 'NaN'");
  }

  @Test
  void toleratesByteOrderMarkCrlfQuotesAndBlankTrailingLines() throws IOException {
    Path file = write("data.csv", "\uFEFF\"Timestamp\",\"Open\",High,Low,Close,Volume\r\n"
        + "1640995200,\"10.5\",12,9,11,1\r\n"
        + "1640995260, 10 ,12,9,11,2\r\n\r\n\r\n");

    LoadedBars loaded = OhlcvCsvReader.read(file, LoadOptions.defaults());

    assertThat(loaded.bars()).containsExactly(
        bar("2022-01-01T00:00:00Z", Duration.ofMinutes(1), "10.5", "12", "9", "11", "1"),
        bar("2022-01-01T00:01:00Z", Duration.ofMinutes(1), "10", "12", "9", "11", "2"));
  }

  @Test
  void readsIsoDatesAsDailyBarsAtUtcMidnight() throws IOException {
    Path file = write("data.csv", "Date,Open,High,Low,Close,Adj Close,Volume\n"
        + "2022-01-01,10,12,9,11,11,100\n"
        + "2022-01-02,11,13,10,12,12,200\n");

    LoadedBars loaded = OhlcvCsvReader.read(file, LoadOptions.defaults());

    assertThat(loaded.interval()).isEqualTo(Duration.ofDays(1));
    assertThat(loaded.bars()).extracting(Bar::openTime)
        .containsExactly(Instant.parse("2022-01-01T00:00:00Z"), Instant.parse("2022-01-02T00:00:00Z"));
  }

  @Test
  void readsUnixSecondsAndMillisecondsToTheSameBars() throws IOException {
    Path seconds = write("seconds.csv", HEADER + "1640995200,10,12,9,11,1\n1640995260,10,12,9,11,1\n");
    Path millis = write("millis.csv", HEADER + "1640995200000,10,12,9,11,1\n1640995260000,10,12,9,11,1\n");

    assertThat(OhlcvCsvReader.read(millis, LoadOptions.defaults()).bars())
        .isEqualTo(OhlcvCsvReader.read(seconds, LoadOptions.defaults()).bars());
  }

  @Test
  void defaultsVolumeToZeroAndIgnoresUnknownColumns() throws IOException {
    Path file = write("data.csv", "symbol,open_time,open,high,low,close\n"
        + "BTC,2022-01-01 00:00:00,10,12,9,11\nBTC,2022-01-01 00:05:00,10,12,9,11\n");

    LoadedBars loaded = OhlcvCsvReader.read(file, LoadOptions.defaults());

    assertThat(loaded.bars()).extracting(Bar::volume).containsOnly(Quantity.ZERO);
    assertThat(loaded.interval()).isEqualTo(Duration.ofMinutes(5));
  }

  @Test
  void detectsTheMostCommonSpacingDespiteGaps() throws IOException {
    Path file = write("data.csv", HEADER
        + "1640995200,10,12,9,11,1\n1640995260,10,12,9,11,1\n1640995320,10,12,9,11,1\n"
        + "1640999000,10,12,9,11,1\n1640999060,10,12,9,11,1\n");

    assertThat(OhlcvCsvReader.read(file, LoadOptions.defaults()).interval()).isEqualTo(Duration.ofMinutes(1));
  }

  @Test
  void listsEachHoleBetweenBarsWithTheLineOfTheBarAfterIt() throws IOException {
    Path file = write("data.csv", HEADER
        + "1640995200,10,12,9,11,1\n1640995260,10,12,9,11,1\n1640995440,10,12,9,11,1\n"
        + "1640995500,10,12,9,11,1\n1640995620,10,12,9,11,1\n");

    LoadedBars loaded = OhlcvCsvReader.read(file, LoadOptions.defaults());

    assertThat(loaded.bars()).hasSize(5);
    assertThat(loaded.gaps()).extracting(BarGap::toString).containsExactly(
        "data.csv:4: gap: no bar from 2022-01-01T00:02:00Z to 2022-01-01T00:04:00Z (2 missing 1m bars)",
        "data.csv:6: gap: no bar from 2022-01-01T00:06:00Z to 2022-01-01T00:07:00Z (1 missing 1m bar)");
  }

  @Test
  void aFileWithoutGapsListsNone() throws IOException {
    LoadedBars loaded = OhlcvCsvReader.read(repoFile("data/demo/btc-perp-1m-2022-01.csv"), LoadOptions.defaults());

    assertThat(loaded.gaps()).isEmpty();
  }

  @Test
  void aFileWhoseRowsAreAllSkippedNamesTheFirstBadRow() {
    Path file = write("data.csv", HEADER + "1640995200,10,12,9,NaN,1\n1640995260,10,9,11,10,1\n");

    assertThatThrownBy(() -> OhlcvCsvReader.read(file, LoadOptions.defaults().skippingBadRows()))
        .isInstanceOf(MarketDataFormatException.class)
        .hasMessage("data.csv: contains no usable bars; 2 rows are bad, the first on line 2: "
            + "column 'close' is not a finite decimal number: 'NaN'");
  }

  @Test
  void rejectsRowsThatOverlapTheGivenInterval() {
    Path file = write("data.csv", HEADER + "1640995200,10,12,9,11,1\n1640995260,10,12,9,11,1\n");

    assertThatThrownBy(() -> OhlcvCsvReader.read(file, LoadOptions.defaults().withBar(Duration.ofMinutes(5))))
        .hasMessage("data.csv:3: bar at 2022-01-01T00:01:00Z overlaps the 5m bar at 2022-01-01T00:00:00Z (line 2)");
  }

  @Test
  void needsAGivenIntervalForASingleBar() throws IOException {
    Path file = write("data.csv", HEADER + "1640995200,10,12,9,11,1\n");

    assertThatThrownBy(() -> OhlcvCsvReader.read(file, LoadOptions.defaults()))
        .hasMessageContaining("cannot detect the bar interval from a single bar");
    assertThat(OhlcvCsvReader.read(file, LoadOptions.defaults().withBar(Duration.ofHours(1))).bars()).hasSize(1);
  }

  private Path write(String name, String content) {
    try {
      return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Bar bar(String openTime, Duration interval, String open, String high, String low,
      String close, String volume) {
    return BarFixtures.bar(BTC, openTime, interval, open, high, low, close, volume);
  }
}
