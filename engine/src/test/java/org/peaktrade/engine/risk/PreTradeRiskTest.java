package org.peaktrade.engine.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.peaktrade.engine.fixtures.Bars.BTC;
import static org.peaktrade.engine.fixtures.Bars.T0;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.peaktrade.protocol.ClientOrderId;
import org.peaktrade.protocol.Money;
import org.peaktrade.protocol.Order;
import org.peaktrade.protocol.OrderType;
import org.peaktrade.protocol.Price;
import org.peaktrade.protocol.Quantity;
import org.peaktrade.protocol.Side;
import org.peaktrade.protocol.Symbol;
import org.peaktrade.protocol.risk.RiskCheck;
import org.peaktrade.protocol.risk.RiskDecision;
import org.peaktrade.protocol.risk.RiskSeverity;
import org.peaktrade.protocol.risk.RiskViolation;

class PreTradeRiskTest {
  private static final Symbol ETH = Symbol.of("ETH/USD");
  private static final Map<Symbol, MarketPrice> PRICES =
      Map.of(BTC, new MarketPrice(Price.of("100"), T0), ETH, new MarketPrice(Price.of("10"), T0));

  static Order market(Side side, String quantity) {
    return Order.market(ClientOrderId.of("t", 1), BTC, side, Quantity.of(quantity), T0);
  }

  static Order limit(Side side, String quantity, String price) {
    return new Order(ClientOrderId.of("t", 1), BTC, side, Quantity.of(quantity), OrderType.LIMIT, Price.of(price), T0,
        0);
  }

  static RiskInputs flat() {
    return new RiskInputs(Map.of(), PRICES, Money.of("1000"), Money.of("1000"), Money.of("1000"), 0, T0);
  }

  static RiskInputs holding(String btc) {
    return new RiskInputs(Map.of(BTC, new BigDecimal(btc)), PRICES, Money.of("1000"), Money.of("1000"),
        Money.of("1000"), 0, T0);
  }

  private static RiskDecision check(RiskLimits limits, Order order, RiskInputs in) {
    return new PreTradeRisk(limits).check(order, in);
  }

  @ParameterizedTest(name = "notional {0} against limit 1000 is {1}")
  @CsvSource({"7.99, OK", "8, WARNING", "9.99, WARNING", "10, BREACH", "10.01, BREACH"})
  void orderNotionalBoundariesAreExact(String quantity, RiskSeverity expected) {
    RiskDecision decision = check(RiskLimits.builder().maxOrderNotional("1000").build(), market(Side.BUY, quantity),
        flat());

    assertThat(decision.severity()).isEqualTo(expected);
    assertThat(decision.allowed()).isEqualTo(expected != RiskSeverity.BREACH);
  }

  @Test
  void reportsLimitAndObservedValueOfABreach() {
    RiskDecision decision = check(RiskLimits.builder().maxOrderNotional("1000").build(), market(Side.BUY, "12"),
        flat());

    assertThat(decision.violations()).singleElement().satisfies(v -> {
      assertThat(v.check()).isEqualTo(RiskCheck.MAX_ORDER_NOTIONAL);
      assertThat(v.limit()).isEqualByComparingTo("1000");
      assertThat(v.observed()).isEqualByComparingTo("1200");
      assertThat(v.message()).isEqualTo("order notional 1200 reaches the limit 1000");
    });
  }

  @Test
  void reportsEveryViolationNotOnlyTheFirst() {
    RiskLimits limits = RiskLimits.builder().maxOrderNotional("500").maxOrderQuantity("3")
        .maxSymbolExposure("400").allowedSymbols(Set.of(ETH)).build();

    RiskDecision decision = check(limits, market(Side.BUY, "6"), flat());

    assertThat(decision.violations()).extracting(RiskViolation::check).containsExactlyInAnyOrder(
        RiskCheck.SYMBOL_NOT_ALLOWED, RiskCheck.MAX_ORDER_QUANTITY, RiskCheck.MAX_ORDER_NOTIONAL,
        RiskCheck.MAX_SYMBOL_EXPOSURE);
  }

  @Test
  void missingPriceBlocks() {
    RiskInputs noPrice = new RiskInputs(Map.of(), Map.of(), Money.of("1000"), Money.of("1000"), Money.of("1000"), 0,
        T0);

    RiskDecision decision = check(RiskLimits.none(), market(Side.BUY, "1"), noPrice);

    assertThat(decision.allowed()).isFalse();
    assertThat(decision.violations()).extracting(RiskViolation::check).containsExactly(RiskCheck.MISSING_PRICE);
  }

  @Test
  void stalePriceBlocksButAPriceExactlyAtTheMaximumAgePasses() {
    RiskLimits limits = RiskLimits.builder().maxPriceAge(Duration.ofSeconds(30)).build();
    RiskInputs atLimit = new RiskInputs(Map.of(), PRICES, Money.of("1000"), Money.of("1000"), Money.of("1000"), 0,
        T0.plusSeconds(30));
    RiskInputs tooOld = new RiskInputs(Map.of(), PRICES, Money.of("1000"), Money.of("1000"), Money.of("1000"), 0,
        T0.plusMillis(30_001));

    assertThat(check(limits, market(Side.BUY, "1"), atLimit).allowed()).isTrue();
    assertThat(check(limits, market(Side.BUY, "1"), tooOld).violations()).singleElement()
        .satisfies(v -> assertThat(v.message()).contains("30.001s old"));
  }

  @Test
  void aProfitNeverBreachesTheDailyLossLimit() {
    RiskLimits limits = RiskLimits.builder().maxDailyLoss("50").maxDailyLossPct("5").build();
    RiskInputs winning = new RiskInputs(Map.of(), PRICES, Money.of("5000"), Money.of("1000"), Money.of("5000"), 0, T0);

    assertThat(check(limits, market(Side.BUY, "1"), winning).violations()).isEmpty();
  }

  @ParameterizedTest(name = "equity {0} from 1000 at day start is {1}")
  @CsvSource({"961, OK", "960, WARNING", "951, WARNING", "950, BREACH"})
  void dailyLossInPercentOfStartOfDayEquity(String equity, RiskSeverity expected) {
    RiskLimits limits = RiskLimits.builder().maxDailyLossPct("5").build();
    RiskInputs in = new RiskInputs(Map.of(), PRICES, Money.of(equity), Money.of("1000"), Money.of("1000"), 0, T0);

    assertThat(check(limits, market(Side.BUY, "1"), in).severity()).isEqualTo(expected);
  }

  @Test
  void drawdownFromThePeakBlocksNewRisk() {
    RiskLimits limits = RiskLimits.builder().maxDrawdownPct("15").build();
    RiskInputs in = new RiskInputs(Map.of(), PRICES, Money.of("850"), Money.of("850"), Money.of("1000"), 0, T0);

    assertThat(check(limits, market(Side.BUY, "1"), in).violations()).singleElement()
        .satisfies(v -> assertThat(v.check()).isEqualTo(RiskCheck.MAX_DRAWDOWN_PCT));
  }

  @Test
  void aReducingOrderPassesExposureAndLossLimitsEvenInBreach() {
    RiskLimits limits = RiskLimits.builder().maxSymbolExposure("100").maxTotalExposure("100").maxOpenPositions(1)
        .maxDailyLoss("10").build();
    RiskInputs losing = new RiskInputs(Map.of(BTC, new BigDecimal("5")), PRICES, Money.of("500"), Money.of("1000"),
        Money.of("1000"), 0, T0);

    assertThat(check(limits, market(Side.SELL, "2"), losing).violations()).isEmpty();
    assertThat(check(limits, market(Side.SELL, "5"), losing).violations()).isEmpty();
  }

  @Test
  void anOrderThatFlipsThePositionIsNotReducing() {
    RiskLimits limits = RiskLimits.builder().maxSymbolExposure("100").build();

    RiskDecision decision = check(limits, market(Side.SELL, "7"), holding("5"));

    assertThat(decision.violations()).singleElement().satisfies(v -> {
      assertThat(v.check()).isEqualTo(RiskCheck.MAX_SYMBOL_EXPOSURE);
      assertThat(v.observed()).isEqualByComparingTo("200");
    });
  }

  @Test
  void totalExposureAddsEveryHeldSymbolAtItsPrice() {
    RiskLimits limits = RiskLimits.builder().maxTotalExposure("1000").build();
    RiskInputs in = new RiskInputs(Map.of(ETH, new BigDecimal("-50")), PRICES, Money.of("1000"), Money.of("1000"),
        Money.of("1000"), 0, T0);

    assertThat(check(limits, market(Side.BUY, "4"), in).severity()).isEqualTo(RiskSeverity.WARNING);
    assertThat(check(limits, market(Side.BUY, "5"), in).severity()).isEqualTo(RiskSeverity.BREACH);
  }

  @Test
  void totalExposureWithoutAPriceForAHeldSymbolBlocks() {
    RiskLimits limits = RiskLimits.builder().maxTotalExposure("1000").build();
    RiskInputs in = new RiskInputs(Map.of(Symbol.of("SOL/USD"), BigDecimal.ONE), PRICES, Money.of("1000"),
        Money.of("1000"), Money.of("1000"), 0, T0);

    assertThat(check(limits, market(Side.BUY, "1"), in).violations()).extracting(RiskViolation::check)
        .containsExactly(RiskCheck.MISSING_PRICE);
  }

  @Test
  void openPositionsLimitOfTwoLetsTheSecondOpenAndBlocksTheThird() {
    RiskLimits limits = RiskLimits.builder().maxOpenPositions(2).build();
    RiskInputs one = new RiskInputs(Map.of(ETH, BigDecimal.ONE), PRICES, Money.of("1000"), Money.of("1000"),
        Money.of("1000"), 0, T0);
    RiskInputs two = new RiskInputs(Map.of(ETH, BigDecimal.ONE, Symbol.of("SOL/USD"), BigDecimal.ONE), PRICES,
        Money.of("1000"), Money.of("1000"), Money.of("1000"), 0, T0);

    assertThat(check(limits, market(Side.BUY, "1"), one).allowed()).isTrue();
    assertThat(check(limits, market(Side.BUY, "1"), two).allowed()).isFalse();
  }

  @ParameterizedTest(name = "{0} orders already in the window against a limit of 10 is {1}")
  @CsvSource({"7, OK", "8, WARNING", "9, WARNING", "10, BREACH"})
  void orderRateThrottleCountsOrdersAlreadyInTheWindow(int inWindow, RiskSeverity expected) {
    RiskLimits limits = RiskLimits.builder().orderRate(10, Duration.ofMinutes(1)).build();
    RiskInputs in = new RiskInputs(Map.of(), PRICES, Money.of("1000"), Money.of("1000"), Money.of("1000"), inWindow,
        T0);

    assertThat(check(limits, market(Side.BUY, "1"), in).severity()).isEqualTo(expected);
  }

  @ParameterizedTest(name = "limit price {0} against market 100 with a 50 bps collar is {1}")
  @CsvSource({"100.39, OK", "100.4, WARNING", "99.6, WARNING", "100.5, BREACH", "99.5, BREACH"})
  void priceCollarMeasuresTheDistanceFromTheMarketInBps(String price, RiskSeverity expected) {
    RiskLimits limits = RiskLimits.builder().priceCollarBps("50").build();

    assertThat(check(limits, limit(Side.BUY, "1", price), flat()).severity()).isEqualTo(expected);
  }

  @Test
  void minimumNotionalBlocksDustButAcceptsTheMinimumItself() {
    RiskLimits limits = RiskLimits.builder().minOrderNotional("10").build();

    assertThat(check(limits, market(Side.BUY, "0.1"), flat()).allowed()).isTrue();
    assertThat(check(limits, market(Side.BUY, "0.09"), flat()).violations()).singleElement()
        .satisfies(v -> assertThat(v.message()).isEqualTo("order notional 9 is below the minimum 10"));
  }
}
