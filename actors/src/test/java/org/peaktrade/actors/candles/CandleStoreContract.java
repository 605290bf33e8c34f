package org.peaktrade.actors.candles;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.peaktrade.actors.fixtures.Bars;
import org.peaktrade.engine.candles.AppendResult;
import org.peaktrade.engine.candles.CandleGap;
import org.peaktrade.engine.candles.CandleRejection;
import org.peaktrade.engine.candles.CandleRejection.Reason;
import org.peaktrade.engine.candles.CandleSeries;
import org.peaktrade.engine.data.LoadOptions;
import org.peaktrade.engine.data.MarketDataFiles;
import org.peaktrade.protocol.Bar;
import org.peaktrade.protocol.Price;
import org.peaktrade.protocol.Quantity;
import org.peaktrade.protocol.Symbol;

/**
 * What every {@link CandleStore} does, whichever database keeps the candles: run on memory
 * ({@code InMemoryCandleStoreTest}), on a SQLite file ({@code SqliteCandleStoreIT}) and on a real Cassandra
 * ({@code CassandraCandleStoreIT}). Each test has a symbol of its own, so one store serves a whole class. The candles
 * start at 23:55 UTC, so five minutes in they cross midnight (and, on Cassandra, a partition).
 */
abstract class CandleStoreContract {
  static final Duration WAIT = Duration.ofMinutes(2);
  static final Duration MINUTE = Duration.ofMinutes(1);
  static final Instant EVENING = Instant.parse("2022-01-01T23:55:00Z");
  private static final AtomicInteger SYMBOLS = new AtomicInteger();

  private Symbol symbol;

  /** The store under test. */
  abstract CandleStore store();

  /** A second store on the same database, as another node of the cluster opens it. */
  abstract CandleStore otherNode();

  @BeforeEach
  void freshSymbol() {
    symbol = Symbol.of("C" + SYMBOLS.incrementAndGet() + "/USD");
  }

  @Test
  void storesABatchAndReadsBackAnyRangeOfItAcrossMidnight() throws Exception {
    AppendResult result = get(store().append(minutes(0, 10)));

    assertThat(result).isEqualTo(new AppendResult(10, 0, List.of(), List.of()));
    assertThat(get(store().range(symbol, MINUTE, at(3), at(7)))).isEqualTo(minutes(3, 7));
    assertThat(get(store().range(symbol, MINUTE, EVENING, at(10)))).isEqualTo(minutes(0, 10));
    assertThat(get(store().range(symbol, MINUTE, at(10), at(20)))).isEmpty();
  }

  @Test
  void ignoresAnIdenticalReAppendAndCountsIt() throws Exception {
    get(store().append(minutes(0, 5)));

    AppendResult result = get(store().append(minutes(0, 6)));

    assertThat(result).isEqualTo(new AppendResult(1, 5, List.of(), List.of()));
    assertThat(get(store().range(symbol, MINUTE, EVENING, at(10)))).isEqualTo(minutes(0, 6));
  }

  @Test
  void reportsAConflictingDuplicateAndKeepsTheStoredCandle() throws Exception {
    get(store().append(minutes(0, 3)));
    Bar kept = candle(1);
    Bar changed = new Bar(symbol, kept.openTime(), MINUTE, kept.open(), kept.high(), kept.low(), Price.of("46001.5"),
        kept.volume());

    AppendResult result = get(store().append(List.of(changed)));

    assertThat(result).isEqualTo(new AppendResult(0, 0, List.of(new CandleRejection(changed,
        Reason.CONFLICTING_DUPLICATE, symbol + " 1m candle at 2022-01-01T23:56:00Z differs from the one kept: close"
            + " 46001.5 (kept 46001.25)")), List.of()));
    assertThat(get(store().range(symbol, MINUTE, EVENING, at(10)))).isEqualTo(minutes(0, 3));
  }

  @Test
  void refusesACandleOlderThanTheNewestStoredAsOutOfOrder() throws Exception {
    get(store().append(List.of(candle(0), candle(1), candle(5))));

    AppendResult result = get(store().append(List.of(candle(3))));

    assertThat(result).isEqualTo(new AppendResult(0, 0, List.of(new CandleRejection(candle(3), Reason.OUT_OF_ORDER,
        symbol + " 1m candle at 2022-01-01T23:58:00Z is older than the newest kept, at 2022-01-02T00:00:00Z")),
        List.of()));
    assertThat(get(store().range(symbol, MINUTE, EVENING, at(10)))).containsExactly(candle(0), candle(1), candle(5));
  }

  @Test
  void storesTheCandlesAfterAGapAndReportsTheMissingOnes() throws Exception {
    get(store().append(minutes(0, 3)));

    AppendResult result = get(store().append(List.of(candle(6), candle(7))));

    assertThat(result).isEqualTo(new AppendResult(2, 0, List.of(), List.of(
        new CandleGap(new CandleSeries(symbol, MINUTE), at(3), at(6), 3))));
    assertThat(get(store().range(symbol, MINUTE, EVENING, at(10))))
        .containsExactly(candle(0), candle(1), candle(2), candle(6), candle(7));
  }

  @Test
  void refusesACandleThatDoesNotOpenOnItsInterval() throws Exception {
    Bar halfPast = candle(symbol, MINUTE, EVENING.plusSeconds(30), "46000");

    AppendResult result = get(store().append(List.of(halfPast)));

    assertThat(result).isEqualTo(new AppendResult(0, 0, List.of(new CandleRejection(halfPast, Reason.MISALIGNED,
        symbol + " 1m candle at 2022-01-01T23:55:30Z does not open on a multiple of its interval")), List.of()));
    assertThat(get(store().latest(symbol, MINUTE))).isEmpty();
  }

  @Test
  void lastGivesTheNewestCandlesOldestFirstAcrossMidnight() throws Exception {
    get(store().append(minutes(0, 10)));

    assertThat(get(store().last(symbol, MINUTE, 3))).isEqualTo(minutes(7, 10));
    assertThat(get(store().last(symbol, MINUTE, 8))).isEqualTo(minutes(2, 10));
    assertThat(get(store().last(symbol, MINUTE, 100))).isEqualTo(minutes(0, 10));
    assertThat(get(store().last(symbol, MINUTE, 0))).isEmpty();
  }

  @Test
  void latestIsEmptyBeforeTheFirstCandleAndTheNewestAfter() throws Exception {
    assertThat(get(store().latest(symbol, MINUTE))).isEmpty();

    get(store().append(minutes(0, 7)));

    assertThat(get(store().latest(symbol, MINUTE))).contains(candle(6));
  }

  @Test
  void aRangeEndingBeforeItStartsOrANegativeCountFailsTheAnswer() {
    assertThat(store().range(symbol, MINUTE, at(5), at(4)).toCompletableFuture())
        .failsWithin(WAIT).withThrowableThat().havingRootCause().isInstanceOf(IllegalArgumentException.class)
        .withMessage("time window ends (2022-01-01T23:59:00Z) before it starts (2022-01-02T00:00:00Z)");
    assertThat(store().last(symbol, MINUTE, -1).toCompletableFuture())
        .failsWithin(WAIT).withThrowableThat().havingRootCause().isInstanceOf(IllegalArgumentException.class)
        .withMessage("the number of candles must not be negative: -1");
  }

  @Test
  void keepsEverySymbolAndIntervalApart() throws Exception {
    Symbol other = Symbol.of("X" + SYMBOLS.incrementAndGet() + "/USD");
    Duration fiveMinutes = Duration.ofMinutes(5);
    List<Bar> oneMinute = minutes(0, 10);
    List<Bar> fiveMinute = List.of(candle(symbol, fiveMinutes, EVENING, "1"), candle(symbol, fiveMinutes, at(5), "2"));
    List<Bar> otherSymbol = List.of(candle(other, MINUTE, EVENING, "3"), candle(other, MINUTE, at(1), "4"));
    List<Bar> all = new ArrayList<>(oneMinute);
    all.addAll(fiveMinute);
    all.addAll(otherSymbol);

    assertThat(get(store().append(all))).isEqualTo(new AppendResult(14, 0, List.of(), List.of()));

    assertThat(get(store().range(symbol, MINUTE, EVENING, at(10)))).isEqualTo(oneMinute);
    assertThat(get(store().range(symbol, fiveMinutes, EVENING, at(10)))).isEqualTo(fiveMinute);
    assertThat(get(store().range(other, MINUTE, EVENING, at(10)))).isEqualTo(otherSymbol);
    assertThat(get(store().latest(symbol, fiveMinutes))).contains(fiveMinute.get(1));
  }

  @Test
  void twoNodesAppendingTheSameCandlesAtOnceStoreEachOnce() throws Exception {
    List<Bar> candles = minutes(0, 2000);

    CompletableFuture<AppendResult> first = store().append(candles).toCompletableFuture();
    CompletableFuture<AppendResult> second = otherNode().append(candles).toCompletableFuture();

    AppendResult a = get(first);
    AppendResult b = get(second);
    assertThat(a.stored() + b.stored()).isEqualTo(2000);
    assertThat(List.of(a.stored() + a.duplicatesIgnored(), b.stored() + b.duplicatesIgnored()))
        .containsExactly(2000, 2000);
    assertThat(a.rejections()).isEmpty();
    assertThat(b.rejections()).isEmpty();
    assertThat(get(store().range(symbol, MINUTE, EVENING, at(2000)))).isEqualTo(candles);
  }

  @Test
  void twoNodesAppendingDifferentCandlesForTheSameTimesKeepOneOfEachAndReportTheOther() throws Exception {
    List<Bar> mine = minutes(0, 2000);
    List<Bar> theirs = IntStream.range(0, 2000).mapToObj(minute -> candle(minute, "47000." + minute)).toList();

    CompletableFuture<AppendResult> first = store().append(mine).toCompletableFuture();
    CompletableFuture<AppendResult> second = otherNode().append(theirs).toCompletableFuture();

    AppendResult a = get(first);
    AppendResult b = get(second);
    assertThat(a.stored() + b.stored()).isEqualTo(2000);
    assertThat(List.of(a.stored() + a.rejections().size(), b.stored() + b.rejections().size()))
        .containsExactly(2000, 2000);
    assertThat(a.rejections()).allSatisfy(refused -> assertThat(refused.reason()).isEqualTo(
        Reason.CONFLICTING_DUPLICATE));
    assertThat(b.rejections()).allSatisfy(refused -> assertThat(refused.reason()).isEqualTo(
        Reason.CONFLICTING_DUPLICATE));
    Set<Bar> mineRefused = Set.copyOf(a.rejections().stream().map(CandleRejection::bar).toList());
    List<Bar> expected = IntStream.range(0, 2000)
        .mapToObj(minute -> mineRefused.contains(mine.get(minute)) ? theirs.get(minute) : mine.get(minute)).toList();
    assertThat(get(store().range(symbol, MINUTE, EVENING, at(2000)))).isEqualTo(expected);
  }

  @Test
  void storesTheDemoMonthOfRealCandlesAndReadsBackExactlyTheFile() throws Exception {
    List<Bar> month = MarketDataFiles.load(Bars.demoData().resolve("btc-perp-1m-2022-01.csv"),
        LoadOptions.defaults().withSymbol(symbol)).bars();
    Bar first = month.get(0);
    Bar last = month.get(month.size() - 1);

    AppendResult result = get(store().append(month));

    assertThat(month).hasSize(45_031);
    assertThat(result).isEqualTo(new AppendResult(45_031, 0, List.of(), gapsIn(month)));
    assertThat(get(store().range(symbol, MINUTE, first.openTime(), last.closeTime()))).isEqualTo(month);
    assertThat(get(store().last(symbol, MINUTE, 3))).isEqualTo(month.subList(month.size() - 3, month.size()));
  }

  /** The gaps between consecutive candles of an ordered list, found without the store's check. */
  private static List<CandleGap> gapsIn(List<Bar> ordered) {
    List<CandleGap> gaps = new ArrayList<>();
    for (int i = 1; i < ordered.size(); i++) {
      Bar before = ordered.get(i - 1);
      Bar after = ordered.get(i);
      long missing = Duration.between(before.closeTime(), after.openTime()).toMinutes();
      if (missing > 0) {
        gaps.add(new CandleGap(CandleSeries.of(after), before.closeTime(), after.openTime(), missing));
      }
    }
    return gaps;
  }

  Symbol symbol() {
    return symbol;
  }

  static Instant at(int minute) {
    return EVENING.plus(MINUTE.multipliedBy(minute));
  }

  /** The 1m candles from {@code from} to {@code to} (exclusive), each with its own exact prices. */
  List<Bar> minutes(int from, int to) {
    return IntStream.range(from, to).mapToObj(this::candle).toList();
  }

  /** The 1m candle of {@code minute}: closing at 46000.25 + minute. */
  Bar candle(int minute) {
    return candle(minute, new BigDecimal("46000.25").add(BigDecimal.valueOf(minute)).toPlainString());
  }

  private Bar candle(int minute, String close) {
    return candle(symbol, MINUTE, at(minute), close);
  }

  /** A candle opening and closing at {@code close}, its high half a dollar above, a volume of nine decimals. */
  static Bar candle(Symbol symbol, Duration interval, Instant open, String close) {
    Price price = Price.of(close);
    return new Bar(symbol, open, interval, price, new Price(price.value().add(new BigDecimal("0.5"))), price, price,
        Quantity.of("0.123456789"));
  }

  static <T> T get(CompletionStage<T> stage) throws Exception {
    return stage.toCompletableFuture().get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
  }
}
