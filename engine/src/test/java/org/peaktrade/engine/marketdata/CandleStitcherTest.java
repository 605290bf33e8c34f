package org.peaktrade.engine.marketdata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.peaktrade.engine.fixtures.Bars.BTC;
import static org.peaktrade.engine.fixtures.Bars.MINUTE;
import static org.peaktrade.engine.fixtures.Bars.T0;
import static org.peaktrade.engine.fixtures.Bars.bar;
import static org.peaktrade.engine.fixtures.Bars.flat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.peaktrade.engine.marketdata.CandleStitcher.AlreadyEmitted;
import org.peaktrade.engine.marketdata.CandleStitcher.Backfill;
import org.peaktrade.engine.marketdata.CandleStitcher.Emit;
import org.peaktrade.engine.marketdata.CandleStitcher.Rejected;
import org.peaktrade.engine.marketdata.CandleStitcher.Step;
import org.peaktrade.protocol.Bar;
import org.peaktrade.protocol.Price;
import org.peaktrade.protocol.Quantity;
import org.peaktrade.protocol.Symbol;

class CandleStitcherTest {
  private final CandleStitcher stitcher = new CandleStitcher(BTC, MINUTE);

  private List<Bar> emitted(Step step) {
    assertThat(step).isInstanceOf(Emit.class);
    return ((Emit) step).closed();
  }

  @Test
  void theFirstConnectionStartsWithoutBackfillAndClosesCandlesAsTheAssemblerDoes() {
    assertThat(emitted(stitcher.onRunningCandle(bar(0, "100", "101", "99", "100")))).isEmpty();
    assertThat(emitted(stitcher.onRunningCandle(bar(0, "100", "102", "99", "101")))).isEmpty();

    assertThat(emitted(stitcher.onRunningCandle(bar(1, "101", "101", "101", "101"))))
        .containsExactly(bar(0, "100", "102", "99", "101"));
    assertThat(stitcher.lastEmitted()).contains(bar(0, "100", "102", "99", "101"));
  }

  @Test
  void aReconnectDiscardsTheFormingCandleBecauseItMayHaveMissedTrades() {
    stitcher.onRunningCandle(bar(0, "100", "101", "99", "100"));
    stitcher.onRunningCandle(bar(1, "100", "101", "99", "100"));
    stitcher.onRunningCandle(bar(2, "100", "101", "99", "100.5"));

    stitcher.connectionLost();

    assertThat(stitcher.forming()).isEmpty();
    assertThat(emitted(stitcher.onRunningCandle(bar(2, "100", "105", "98", "104")))).isEmpty();
    assertThat(emitted(stitcher.onRunningCandle(flat(3, "104")))).containsExactly(bar(2, "100", "105", "98", "104"));
  }

  @Test
  void snapshotRowsAlreadyEmittedAreDroppedAfterAReconnect() {
    stitcher.onRunningCandle(flat(0, "100"));
    stitcher.onRunningCandle(flat(1, "101"));
    stitcher.onRunningCandle(flat(2, "102"));
    stitcher.connectionLost();

    assertThat(stitcher.onRunningCandle(flat(0, "100"))).isEqualTo(new AlreadyEmitted(flat(0, "100")));
    assertThat(stitcher.onRunningCandle(flat(1, "101"))).isEqualTo(new AlreadyEmitted(flat(1, "101")));
    assertThat(emitted(stitcher.onRunningCandle(flat(2, "102.5")))).isEmpty();
    assertThat(emitted(stitcher.onRunningCandle(flat(3, "103")))).containsExactly(flat(2, "102.5"));
  }

  @Test
  void aHoleAfterAReconnectAsksForExactlyTheMissingIntervalsFromRest() {
    stitcher.onRunningCandle(flat(0, "100"));
    stitcher.onRunningCandle(flat(1, "101"));
    stitcher.connectionLost();

    Step step = stitcher.onRunningCandle(flat(5, "105"));

    assertThat(step).isEqualTo(new Backfill(T0.plus(MINUTE.multipliedBy(1)), T0.plus(MINUTE.multipliedBy(5)),
        flat(5, "105")));
  }

  @Test
  void aFirstConnectionAfterAStoredCandleAsksForTheCandlesClosedSinceAndEmitsOnlyThose() {
    stitcher.resumeAfter(flat(1, "101"));

    Backfill backfill = (Backfill) stitcher.onRunningCandle(flat(5, "105"));
    List<Bar> filled = stitcher.onBackfill(List.of(flat(0, "100"), flat(1, "101"), flat(2, "102"), flat(3, "103"),
        flat(4, "104")), backfill.resumeWith());

    assertThat(backfill).isEqualTo(new Backfill(T0.plus(MINUTE.multipliedBy(2)), T0.plus(MINUTE.multipliedBy(5)),
        flat(5, "105")));
    assertThat(filled).containsExactly(flat(2, "102"), flat(3, "103"), flat(4, "104"));
  }

  @Test
  void aStoredCandleIsIgnoredOnceACandleWasEmittedOrWhenItIsOfAnotherSeries() {
    stitcher.resumeAfter(new Bar(Symbol.of("ETH/USD"), T0, MINUTE, Price.of("1"), Price.of("1"), Price.of("1"),
        Price.of("1"), Quantity.of("1")));
    assertThat(emitted(stitcher.onRunningCandle(flat(5, "105")))).isEmpty();
    stitcher.onRunningCandle(flat(6, "106"));

    stitcher.resumeAfter(flat(1, "101"));

    assertThat(stitcher.lastEmitted()).contains(flat(5, "105"));
  }

  @Test
  void backfillEmitsTheRestCandlesOfTheHoleInOrderThenResumesLive() {
    stitcher.onRunningCandle(flat(0, "100"));
    stitcher.onRunningCandle(flat(1, "101"));
    stitcher.connectionLost();
    Backfill backfill = (Backfill) stitcher.onRunningCandle(flat(5, "105"));

    List<Bar> rest = List.of(flat(3, "103"), flat(0, "100"), flat(1, "101"), flat(2, "102"), flat(4, "104"),
        flat(5, "105"));
    List<Bar> filled = stitcher.onBackfill(rest, backfill.resumeWith());

    assertThat(filled).containsExactly(flat(1, "101"), flat(2, "102"), flat(3, "103"), flat(4, "104"));
    assertThat(stitcher.forming()).contains(flat(5, "105"));
    assertThat(emitted(stitcher.onRunningCandle(flat(6, "106")))).containsExactly(flat(5, "105"));
  }

  @Test
  void theHoleStartsAfterTheLastEmittedCandleNotAfterTheLostFormingOne() {
    stitcher.onRunningCandle(flat(0, "100"));
    stitcher.onRunningCandle(flat(1, "101"));
    stitcher.connectionLost();

    Backfill backfill = (Backfill) stitcher.onRunningCandle(flat(4, "104"));
    List<Bar> filled = stitcher.onBackfill(List.of(flat(1, "101.5"), flat(2, "102"), flat(3, "103")),
        backfill.resumeWith());

    assertThat(filled).containsExactly(flat(1, "101.5"), flat(2, "102"), flat(3, "103"));
  }

  @Test
  void aBackfillThatCannotCoverTheHoleEmitsWhatItHasAndLeavesTheRestAsAGap() {
    stitcher.onRunningCandle(flat(0, "100"));
    stitcher.onRunningCandle(flat(1, "101"));
    stitcher.connectionLost();
    Backfill backfill = (Backfill) stitcher.onRunningCandle(flat(6, "106"));

    List<Bar> filled = stitcher.onBackfill(List.of(flat(1, "101"), flat(2, "102")), backfill.resumeWith());

    assertThat(filled).containsExactly(flat(1, "101"), flat(2, "102"));
    assertThat(emitted(stitcher.onRunningCandle(flat(7, "107")))).containsExactly(flat(6, "106"));
  }

  @Test
  void anEmptyBackfillStillResumesTheLiveStream() {
    stitcher.onRunningCandle(flat(0, "100"));
    stitcher.onRunningCandle(flat(1, "101"));
    stitcher.connectionLost();
    Backfill backfill = (Backfill) stitcher.onRunningCandle(flat(3, "103"));

    assertThat(stitcher.onBackfill(List.of(), backfill.resumeWith())).isEmpty();
    assertThat(emitted(stitcher.onRunningCandle(flat(4, "104")))).containsExactly(flat(3, "103"));
  }

  @Test
  void restCandlesOfAnotherSymbolOrIntervalAreIgnored() {
    stitcher.onRunningCandle(flat(0, "100"));
    stitcher.onRunningCandle(flat(1, "101"));
    stitcher.connectionLost();
    Backfill backfill = (Backfill) stitcher.onRunningCandle(flat(3, "103"));
    Bar eth = new Bar(Symbol.of("ETH/USD"), T0.plus(MINUTE.multipliedBy(2)), MINUTE, Price.of("1"), Price.of("1"),
        Price.of("1"), Price.of("1"), Quantity.ZERO);

    assertThat(stitcher.onBackfill(List.of(eth, flat(2, "102")), backfill.resumeWith()))
        .containsExactly(flat(2, "102"));
  }

  @Test
  void rejectsCandlesOfAnotherIntervalOrOffTheGrid() {
    Bar fiveMinutes = new Bar(BTC, T0, Duration.ofMinutes(5), Price.of("1"), Price.of("1"), Price.of("1"),
        Price.of("1"), Quantity.ZERO);
    Bar offGrid = new Bar(BTC, T0.plusSeconds(30), MINUTE, Price.of("1"), Price.of("1"), Price.of("1"),
        Price.of("1"), Quantity.ZERO);

    assertThat(stitcher.onRunningCandle(fiveMinutes)).isInstanceOf(Rejected.class);
    assertThat(stitcher.onRunningCandle(offGrid)).isInstanceOf(Rejected.class);
    assertThat(((Rejected) stitcher.onRunningCandle(offGrid)).detail()).contains("not on the PT1M grid");
  }

  @Test
  void onALiveConnectionARepeatedClosedCandleIsADuplicateAndAnOlderOneIsOutOfOrder() {
    stitcher.onRunningCandle(flat(0, "100"));
    stitcher.onRunningCandle(flat(1, "101"));
    stitcher.onRunningCandle(flat(2, "102"));

    assertThat(stitcher.onRunningCandle(flat(1, "101"))).isInstanceOfSatisfying(Rejected.class,
        rejected -> assertThat(rejected.reason()).isEqualTo(BarValidator.Reason.DUPLICATE));
    assertThat(stitcher.onRunningCandle(flat(0, "100"))).isInstanceOfSatisfying(Rejected.class,
        rejected -> assertThat(rejected.reason()).isEqualTo(BarValidator.Reason.OUT_OF_ORDER));
    assertThat(emitted(stitcher.onRunningCandle(flat(3, "103")))).containsExactly(flat(2, "102"));
  }

  @Test
  void beforeAnythingClosedACandleOlderThanTheFormingOneIsOutOfOrder() {
    stitcher.onRunningCandle(flat(5, "105"));

    assertThat(stitcher.onRunningCandle(flat(4, "104"))).isInstanceOfSatisfying(Rejected.class,
        rejected -> assertThat(rejected.reason()).isEqualTo(BarValidator.Reason.OUT_OF_ORDER));
  }

  @Test
  void neverEmitsACandleTwiceAcrossManyReconnects() {
    List<Bar> all = new java.util.ArrayList<>();
    int minute = 0;
    for (int connection = 0; connection < 20; connection++) {
      stitcher.connectionLost();
      for (int replay = Math.max(0, minute - 3); replay <= minute + 2; replay++) {
        Step step = stitcher.onRunningCandle(flat(replay, Integer.toString(100 + replay)));
        if (step instanceof Emit emit) {
          all.addAll(emit.closed());
        } else if (step instanceof Backfill backfill) {
          all.addAll(stitcher.onBackfill(List.of(flat(replay - 1, Integer.toString(99 + replay))),
              backfill.resumeWith()));
        }
      }
      minute += 4;
    }

    assertThat(all).extracting(Bar::openTime).isSorted().doesNotHaveDuplicates();
    assertThat(all).hasSizeGreaterThan(40);
  }
}
