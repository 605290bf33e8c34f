package org.peaktrade.engine.candles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.peaktrade.engine.fixtures.Bars.BTC;
import static org.peaktrade.engine.fixtures.Bars.MINUTE;
import static org.peaktrade.engine.fixtures.Bars.T0;
import static org.peaktrade.engine.fixtures.Bars.flat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.peaktrade.engine.candles.CandleRejection.Reason;
import org.peaktrade.protocol.Bar;
import org.peaktrade.protocol.Price;
import org.peaktrade.protocol.Quantity;
import org.peaktrade.protocol.Symbol;

class CandleAppendCheckTest {
  private static final CandleSeries BTC_1M = new CandleSeries(BTC, MINUTE);
  private static final Symbol ETH = Symbol.of("ETH/USD");

  @Test
  void storesAnOrderedContiguousBatchOnAnEmptySeries() {
    AppendPlan plan = CandleAppendCheck.plan(List.of(flat(0, "100"), flat(1, "101"), flat(2, "102")), Map.of());

    assertThat(plan).isEqualTo(new AppendPlan(List.of(flat(0, "100"), flat(1, "101"), flat(2, "102")),
        new AppendResult(3, 0, List.of(), List.of())));
  }

  @Test
  void anOutOfOrderCandleWhoseTimeAnotherWriterFilledMeanwhileBecomesADuplicateOrAConflict() {
    StoredCandles stored = new StoredCandles(Optional.of(flat(5, "105")), List.of());
    AppendPlan plan = CandleAppendCheck.plan(List.of(flat(1, "101"), flat(2, "102"), flat(3, "103")),
        Map.of(BTC_1M, stored));
    assertThat(plan.result().rejections()).extracting(CandleRejection::reason)
        .containsOnly(CandleRejection.Reason.OUT_OF_ORDER);

    AppendResult again = CandleAppendCheck.outOfOrderReconsidered(plan.result(),
        List.of(flat(1, "101"), flat(2, "99"), flat(5, "105")));

    assertThat(again.duplicatesIgnored()).as("minute 1: the same candle").isEqualTo(1);
    assertThat(again.rejections()).containsExactly(CandleAppendCheck.conflict(flat(2, "102"), flat(2, "99")),
        plan.result().rejections().get(2));
    assertThat(again.rejections().get(0).detail()).contains("differs from the one kept");
  }

  @Test
  void ignoresAndCountsCandlesIdenticalToStoredOnes() {
    StoredCandles stored = new StoredCandles(Optional.of(flat(1, "101")), List.of(flat(0, "100"), flat(1, "101")));

    AppendPlan plan = CandleAppendCheck.plan(List.of(flat(0, "100"), flat(1, "101"), flat(2, "102")),
        Map.of(BTC_1M, stored));

    assertThat(plan).isEqualTo(new AppendPlan(List.of(flat(2, "102")), new AppendResult(1, 2, List.of(), List.of())));
  }

  @Test
  void refusesACandleThatDiffersFromTheStoredOneNamingEveryDifference() {
    StoredCandles stored = new StoredCandles(Optional.of(flat(0, "100")), List.of(flat(0, "100")));
    Bar changed = new Bar(BTC, T0, MINUTE, Price.of("100"), Price.of("105"), Price.of("100"), Price.of("100"),
        Quantity.of("11"));

    AppendPlan plan = CandleAppendCheck.plan(List.of(changed), Map.of(BTC_1M, stored));

    assertThat(plan).isEqualTo(new AppendPlan(List.of(), new AppendResult(0, 0, List.of(new CandleRejection(changed,
        Reason.CONFLICTING_DUPLICATE, "BTC/USD 1m candle at 2022-01-01T00:00:00Z differs from the one kept: "
            + "high 105 (kept 100), volume 11 (kept 10)")), List.of())));
  }

  @Test
  void treatsARepeatWithinTheBatchLikeAStoredCandle() {
    AppendPlan plan = CandleAppendCheck.plan(List.of(flat(0, "100"), flat(0, "100"), flat(0, "99")), Map.of());

    assertThat(plan).isEqualTo(new AppendPlan(List.of(flat(0, "100")), new AppendResult(1, 1, List.of(
        new CandleRejection(flat(0, "99"), Reason.CONFLICTING_DUPLICATE, "BTC/USD 1m candle at 2022-01-01T00:00:00Z"
            + " differs from the one kept: open 99 (kept 100), high 99 (kept 100), low 99 (kept 100), close 99 (kept"
            + " 100)")), List.of())));
  }

  @Test
  void refusesACandleOlderThanTheNewestStoredForWhichNoneIsKept() {
    StoredCandles stored = new StoredCandles(Optional.of(flat(5, "100")), List.of());

    AppendPlan plan = CandleAppendCheck.plan(List.of(flat(3, "100")), Map.of(BTC_1M, stored));

    assertThat(plan).isEqualTo(new AppendPlan(List.of(), new AppendResult(0, 0, List.of(new CandleRejection(
        flat(3, "100"), Reason.OUT_OF_ORDER, "BTC/USD 1m candle at 2022-01-01T00:03:00Z is older than the newest kept,"
            + " at 2022-01-01T00:05:00Z")), List.of())));
  }

  @Test
  void refusesACandleOlderThanOneEarlierInTheBatch() {
    AppendPlan plan = CandleAppendCheck.plan(List.of(flat(2, "100"), flat(1, "100"), flat(3, "100")), Map.of());

    assertThat(plan).isEqualTo(new AppendPlan(List.of(flat(2, "100"), flat(3, "100")), new AppendResult(2, 0,
        List.of(new CandleRejection(flat(1, "100"), Reason.OUT_OF_ORDER, "BTC/USD 1m candle at 2022-01-01T00:01:00Z"
            + " is older than the newest kept, at 2022-01-01T00:02:00Z")), List.of())));
  }

  @Test
  void storesTheCandleAfterAGapAndReportsTheMissingOnes() {
    StoredCandles stored = new StoredCandles(Optional.of(flat(0, "100")), List.of());

    AppendPlan plan = CandleAppendCheck.plan(List.of(flat(4, "100"), flat(5, "100"), flat(7, "100")),
        Map.of(BTC_1M, stored));

    assertThat(plan).isEqualTo(new AppendPlan(List.of(flat(4, "100"), flat(5, "100"), flat(7, "100")),
        new AppendResult(3, 0, List.of(), List.of(
            new CandleGap(BTC_1M, T0.plus(MINUTE), T0.plus(MINUTE.multipliedBy(4)), 3),
            new CandleGap(BTC_1M, T0.plus(MINUTE.multipliedBy(6)), T0.plus(MINUTE.multipliedBy(7)), 1)))));
  }

  @Test
  void refusesCandlesThatDoNotOpenOnAMultipleOfTheirInterval() {
    Bar halfPast = bar(BTC, T0.plusSeconds(30), MINUTE, "100");
    Bar hourlyAtHalfPast = bar(BTC, T0.plus(Duration.ofMinutes(30)), Duration.ofHours(1), "100");
    Bar hourly = bar(BTC, T0.plus(Duration.ofHours(1)), Duration.ofHours(1), "100");

    AppendPlan plan = CandleAppendCheck.plan(List.of(halfPast, hourlyAtHalfPast, hourly), Map.of());

    assertThat(plan).isEqualTo(new AppendPlan(List.of(hourly), new AppendResult(1, 0, List.of(
        new CandleRejection(halfPast, Reason.MISALIGNED, "BTC/USD 1m candle at 2022-01-01T00:00:30Z does not open on a"
            + " multiple of its interval"),
        new CandleRejection(hourlyAtHalfPast, Reason.MISALIGNED, "BTC/USD 1h candle at 2022-01-01T00:30:00Z does not"
            + " open on a multiple of its interval")), List.of())));
  }

  @Test
  void checksEverySymbolAndIntervalAsItsOwnSeriesReportingInBatchOrder() {
    Bar eth0 = bar(ETH, T0, MINUTE, "10");
    Bar eth3 = bar(ETH, T0.plus(MINUTE.multipliedBy(3)), MINUTE, "10");
    Bar btc5m0 = bar(BTC, T0, Duration.ofMinutes(5), "100");
    Bar btc5m10 = bar(BTC, T0.plus(Duration.ofMinutes(10)), Duration.ofMinutes(5), "100");
    StoredCandles storedBtc = new StoredCandles(Optional.of(flat(1, "100")), List.of(flat(1, "100")));

    AppendPlan plan = CandleAppendCheck.plan(List.of(eth0, flat(1, "100"), btc5m0, flat(0, "100"), eth3, btc5m10,
        flat(2, "100")), Map.of(BTC_1M, storedBtc));

    CandleSeries eth1m = new CandleSeries(ETH, MINUTE);
    CandleSeries btc5m = new CandleSeries(BTC, Duration.ofMinutes(5));
    assertThat(plan).isEqualTo(new AppendPlan(List.of(eth0, btc5m0, eth3, btc5m10, flat(2, "100")),
        new AppendResult(5, 1, List.of(new CandleRejection(flat(0, "100"), Reason.OUT_OF_ORDER,
            "BTC/USD 1m candle at 2022-01-01T00:00:00Z is older than the newest kept, at 2022-01-01T00:01:00Z")),
            List.of(new CandleGap(eth1m, T0.plus(MINUTE), T0.plus(MINUTE.multipliedBy(3)), 2),
                new CandleGap(btc5m, T0.plus(Duration.ofMinutes(5)), T0.plus(Duration.ofMinutes(10)), 1)))));
  }

  @Test
  void windowsSpanEachSeriesFromItsEarliestToJustAfterItsLatestOpenTime() {
    Bar eth = bar(ETH, T0, MINUTE, "10");

    Map<CandleSeries, TimeWindow> windows = CandleAppendCheck.windows(List.of(flat(3, "1"), eth, flat(1, "1"),
        flat(2, "1")));

    assertThat(windows).containsExactly(
        Map.entry(BTC_1M, new TimeWindow(T0.plus(MINUTE), T0.plus(MINUTE.multipliedBy(3)).plusNanos(1))),
        Map.entry(new CandleSeries(ETH, MINUTE), new TimeWindow(T0, T0.plusNanos(1))));
  }

  @Test
  void openTimesAnotherWriterTookAfterTheCheckCountAsDuplicatesOrConflictsNotAsStored() {
    StoredCandles stored = new StoredCandles(Optional.of(flat(0, "100")), List.of());
    AppendPlan plan = CandleAppendCheck.plan(List.of(flat(2, "100"), flat(3, "100"), flat(4, "100")),
        Map.of(BTC_1M, stored));
    CandleRejection conflict = CandleAppendCheck.conflict(flat(4, "100"), flat(4, "101"));

    AppendResult result = plan.afterRace(1, List.of(conflict));

    assertThat(result).isEqualTo(new AppendResult(1, 1, List.of(new CandleRejection(flat(4, "100"),
        Reason.CONFLICTING_DUPLICATE, "BTC/USD 1m candle at 2022-01-01T00:04:00Z differs from the one kept: open 100"
            + " (kept 101), high 100 (kept 101), low 100 (kept 101), close 100 (kept 101)")), List.of(
        new CandleGap(BTC_1M, T0.plus(MINUTE), T0.plus(MINUTE.multipliedBy(2)), 1))));
  }

  private static Bar bar(Symbol symbol, Instant openTime, Duration interval, String price) {
    Price p = Price.of(price);
    return new Bar(symbol, openTime, interval, p, p, p, p, Quantity.of("10"));
  }
}
