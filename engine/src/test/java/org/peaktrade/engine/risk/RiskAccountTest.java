package org.peaktrade.engine.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.peaktrade.engine.fixtures.Bars.BTC;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.peaktrade.protocol.ClientOrderId;
import org.peaktrade.protocol.Money;
import org.peaktrade.protocol.Order;
import org.peaktrade.protocol.Price;
import org.peaktrade.protocol.Quantity;
import org.peaktrade.protocol.Side;
import org.peaktrade.protocol.Symbol;
import org.peaktrade.protocol.risk.RiskCheck;
import org.peaktrade.protocol.risk.RiskSeverity;
import org.peaktrade.protocol.risk.RiskViolation;

class RiskAccountTest {
  private static final Instant MONDAY_NOON = Instant.parse("2026-03-02T12:00:00Z");

  private static RiskAccount account(RiskLimits limits) {
    return new RiskAccount(new PreTradeRisk(limits));
  }

  private static RiskViolation onlyViolation(RiskAccount account, Instant now) {
    Order buy = Order.market(ClientOrderId.of("t", 1), BTC, Side.BUY, Quantity.of("1"), now);
    var decision = account.check(buy, Map.of(), Map.of(BTC, new MarketPrice(Price.of("100"), now)), now);
    assertThat(decision.violations()).hasSize(1);
    return decision.violations().get(0);
  }

  @Test
  void blocksUntilTheFirstEquityMark() {
    assertThat(onlyViolation(account(RiskLimits.none()), MONDAY_NOON).check()).isEqualTo(RiskCheck.ACCOUNT_UNKNOWN);
  }

  @Test
  void theDailyLossIsMeasuredFromTheLastEquityOfThePreviousDay() {
    RiskAccount account = account(RiskLimits.builder().maxDailyLoss("100").build());
    account.markEquity(Money.of("1000"), MONDAY_NOON);
    account.markEquity(Money.of("800"), MONDAY_NOON.plus(Duration.ofHours(11)));
    account.markEquity(Money.of("700"), MONDAY_NOON.plus(Duration.ofHours(13)));

    RiskViolation violation = onlyViolation(account, MONDAY_NOON.plus(Duration.ofHours(13)));

    assertThat(violation.check()).isEqualTo(RiskCheck.MAX_DAILY_LOSS);
    assertThat(violation.observed()).isEqualByComparingTo(new BigDecimal("100"));
  }

  @Test
  void theDrawdownIsMeasuredFromTheHighestEquityMarked() {
    RiskAccount account = account(RiskLimits.builder().maxDrawdownPct("20").build());
    account.markEquity(Money.of("1000"), MONDAY_NOON);
    account.markEquity(Money.of("1250"), MONDAY_NOON.plusSeconds(60));
    account.markEquity(Money.of("1000"), MONDAY_NOON.plusSeconds(120));

    RiskViolation violation = onlyViolation(account, MONDAY_NOON.plusSeconds(120));

    assertThat(violation.check()).isEqualTo(RiskCheck.MAX_DRAWDOWN_PCT);
    assertThat(violation.severity()).isEqualTo(RiskSeverity.BREACH);
  }

  @Test
  void onlyAllowedOrdersInsideTheWindowCountTowardsTheThrottle() {
    RiskAccount account = account(RiskLimits.builder().orderRate(1, Duration.ofMinutes(1)).build());
    account.markEquity(Money.of("1000"), MONDAY_NOON);
    Order buy = Order.market(ClientOrderId.of("t", 1), BTC, Side.BUY, Quantity.of("1"), MONDAY_NOON);
    Map<Symbol, MarketPrice> prices = Map.of(BTC, new MarketPrice(Price.of("100"), MONDAY_NOON));

    assertThat(account.check(buy, Map.of(), prices, MONDAY_NOON).allowed()).isTrue();
    assertThat(account.check(buy, Map.of(), prices, MONDAY_NOON.plusSeconds(30)).allowed()).isFalse();
    Map<Symbol, MarketPrice> later =
        Map.of(BTC, new MarketPrice(Price.of("100"), MONDAY_NOON.plusSeconds(61)));
    assertThat(account.check(buy, Map.of(), later, MONDAY_NOON.plusSeconds(61)).allowed()).isTrue();
  }
}
