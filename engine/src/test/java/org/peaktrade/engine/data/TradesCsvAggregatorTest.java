package org.peaktrade.engine.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.peaktrade.engine.fixtures.RepoFiles.repoFile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peaktrade.engine.fixtures.BarFixtures;
import org.peaktrade.protocol.Bar;
import org.peaktrade.protocol.Instrument;
import org.peaktrade.protocol.Symbol;

class TradesCsvAggregatorTest {
  private static final Path DEMO = repoFile("data/demo/kraken-trades-bcheur.csv");
  private static final Symbol BCH = Symbol.of("BCH/EUR");
  private static final LoadOptions BCH_OPTIONS = LoadOptions.defaults().withSymbol(BCH);

  @TempDir
  Path dir;

  @Test
  void aggregatesDemoTradesIntoHourlyBarsCheckedByHand() throws IOException {
    LoadedBars loaded = TradesCsvAggregator.aggregate(DEMO, BCH_OPTIONS.withBar(Duration.ofHours(1)));

    // 00:03:56 90.54 x1.10448420, 00:04:31 90.45 x1, 00:07:27 90.36 x0.286, 00:38:29 90.00 x(0.05+0.55555555+0.05)
    // then nothing until 02:18:55, so there is no 01:00 bar.
    assertThat(loaded.bars()).startsWith(
        hourly("2023-01-01T00:00:00Z", "90.54", "90.54", "90", "90", "3.04603975"),
        hourly("2023-01-01T02:00:00Z", "90.16", "90.17", "90.16", "90.17", "12.33568828"),
        hourly("2023-01-01T04:00:00Z", "89.94", "89.94", "89.94", "89.94", "0.51535378"));
    assertThat(loaded.bars()).hasSize(21).last()
        .isEqualTo(hourly("2023-01-01T23:00:00Z", "90.52", "90.53", "90.52", "90.53", "1.19893239"));
  }

  @Test
  void leavesMinutesWithoutTradesOut() throws IOException {
    LoadedBars loaded = TradesCsvAggregator.aggregate(DEMO, BCH_OPTIONS.withBar(Duration.ofMinutes(1)));

    assertThat(loaded.bars()).hasSize(78);
    assertThat(loaded.bars()).extracting(Bar::openTime).startsWith(Instant.parse("2023-01-01T00:03:00Z"),
        Instant.parse("2023-01-01T00:04:00Z"), Instant.parse("2023-01-01T00:07:00Z"));
  }

  @Test
  void aggregatesTheWholeDayIntoOneBarAlignedToUtcMidnight() throws IOException {
    LoadedBars loaded = TradesCsvAggregator.aggregate(DEMO, BCH_OPTIONS.withBar(Duration.ofDays(1)));

    assertThat(loaded.bars()).containsExactly(BarFixtures.bar(BCH, "2023-01-01T00:00:00Z", Duration.ofDays(1),
        "90.54", "90.93", "89.82", "90.53", "426.64478477"));
    assertThat(loaded.instrument()).isEqualTo(Instrument.withScales(BCH, 2, 8));
  }

  @Test
  void readsTheOptionalTimestampPriceAmountHeader() throws IOException {
    Path file = Files.writeString(dir.resolve("bitstamp.csv"),
        "\"timestamp\",\"price\",\"amount\"\n1640995200,100.5,1\n1640995230,101,2\n1640995260,99,0.5\n");

    LoadedBars loaded = TradesCsvAggregator.aggregate(file, LoadOptions.defaults().withBar(Duration.ofMinutes(1)));

    assertThat(loaded.bars()).containsExactly(
        BarFixtures.bar(LoadOptions.DEFAULT_SYMBOL, "2022-01-01T00:00:00Z", Duration.ofMinutes(1),
            "100.5", "101", "100.5", "101", "3"),
        BarFixtures.bar(LoadOptions.DEFAULT_SYMBOL, "2022-01-01T00:01:00Z", Duration.ofMinutes(1),
            "99", "99", "99", "99", "0.5"));
  }

  @Test
  void rejectsTradeOutOfTimeOrderNamingTheLine() throws IOException {
    Path file = Files.writeString(dir.resolve("trades.csv"), "1640995200,100,1\n1640995230,101,2\n1640995229,99,1\n");

    assertThatThrownBy(() -> TradesCsvAggregator.aggregate(file, LoadOptions.defaults().withBar(Duration.ofMinutes(1))))
        .isInstanceOf(MarketDataFormatException.class)
        .hasMessage("trades.csv:3: trade at 2022-01-01T00:00:29Z is before the trade at 2022-01-01T00:00:30Z"
            + " on line 2; trades must be in time order");
  }

  @Test
  void skipsBadTradesWhenAskedAndCountsThem() throws IOException {
    Path file = Files.writeString(dir.resolve("trades.csv"),
        "1640995200,100,1\n1640995230,NaN,2\n1640995231,-1,1\n1640995232,100\n1640995100,99,1\n1640995240,102,1\n");

    LoadedBars loaded = TradesCsvAggregator.aggregate(file,
        LoadOptions.defaults().withBar(Duration.ofMinutes(1)).skippingBadRows());

    assertThat(loaded.skipped()).extracting(RowProblem::line).containsExactly(2L, 3L, 4L, 5L);
    assertThat(loaded.bars()).containsExactly(BarFixtures.bar(LoadOptions.DEFAULT_SYMBOL, "2022-01-01T00:00:00Z",
        Duration.ofMinutes(1), "100", "102", "100", "102", "2"));
  }

  @Test
  void needsABarInterval() {
    assertThatThrownBy(() -> TradesCsvAggregator.aggregate(DEMO, BCH_OPTIONS))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("kraken-trades-bcheur.csv holds trades; aggregating them needs a bar interval"
            + " (--bar 1m, 5m, 15m, 1h, 4h or 1d)");
  }

  private static Bar hourly(String openTime, String open, String high, String low, String close, String volume) {
    return BarFixtures.bar(BCH, openTime, Duration.ofHours(1), open, high, low, close, volume);
  }
}
