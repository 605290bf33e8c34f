package org.peaktrade.engine.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.peaktrade.engine.fixtures.Bars.BTC;
import static org.peaktrade.engine.fixtures.Bars.T0;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.peaktrade.protocol.ClientOrderId;
import org.peaktrade.protocol.Money;
import org.peaktrade.protocol.Order;
import org.peaktrade.protocol.Price;
import org.peaktrade.protocol.Quantity;
import org.peaktrade.protocol.Side;
import org.peaktrade.protocol.Symbol;
import org.peaktrade.protocol.risk.RiskCheck;
import org.peaktrade.protocol.risk.RiskDecision;

/**
 * Invariants of the risk check over seeded random accounts, orders and limits (1,000 cases each; the seed is the
 * repetition number, so a failure names a reproducible case).
 */
class PreTradeRiskInvariantsTest {
  private static final Symbol ETH = Symbol.of("ETH/USD");

  private record Case(Order order, RiskInputs inputs, RiskLimits limits, SplittableRandom random) {}

  private static Case randomCase(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    Price btc = new Price(BigDecimal.valueOf(50 + random.nextInt(200)));
    Price eth = new Price(BigDecimal.valueOf(5 + random.nextInt(20)));
    BigDecimal position = BigDecimal.valueOf(random.nextInt(21) - 10);
    BigDecimal ethPosition = BigDecimal.valueOf(random.nextInt(11) - 5);
    Order order = Order.market(ClientOrderId.of("p", seed), BTC, random.nextBoolean() ? Side.BUY : Side.SELL,
        new Quantity(BigDecimal.valueOf(1 + random.nextInt(15))), T0);
    RiskInputs inputs = new RiskInputs(Map.of(BTC, position, ETH, ethPosition),
        Map.of(BTC, new MarketPrice(btc, T0), ETH, new MarketPrice(eth, T0)), Money.of("10000"), Money.of("10000"),
        Money.of("10000"), random.nextInt(5), T0);
    return new Case(order, inputs, randomLimits(random), random);
  }

  private static RiskLimits randomLimits(SplittableRandom random) {
    RiskLimits.Builder builder = RiskLimits.builder();
    if (random.nextBoolean()) {
      builder.maxSymbolExposure(Integer.toString(100 + random.nextInt(2000)));
    }
    if (random.nextBoolean()) {
      builder.maxTotalExposure(Integer.toString(100 + random.nextInt(3000)));
    }
    if (random.nextBoolean()) {
      builder.maxOrderNotional(Integer.toString(100 + random.nextInt(2000)));
    }
    if (random.nextBoolean()) {
      builder.maxOpenPositions(1 + random.nextInt(3));
    }
    return builder.build();
  }

  private static boolean reduces(Order order, BigDecimal before) {
    BigDecimal signed = order.side() == Side.BUY ? order.quantity().value() : order.quantity().value().negate();
    BigDecimal after = before.add(signed);
    return before.signum() != 0 && after.abs().compareTo(before.abs()) < 0
        && (after.signum() == 0 || after.signum() == before.signum());
  }

  @RepeatedTest(1000)
  void noAcceptedOrderTakesExposureToALimit(RepetitionInfo repetition) {
    Case c = randomCase(repetition.getCurrentRepetition());
    RiskDecision decision = new PreTradeRisk(c.limits()).check(c.order(), c.inputs());
    BigDecimal before = c.inputs().position(BTC);
    if (!decision.allowed() || reduces(c.order(), before)) {
      return;
    }
    BigDecimal signed = c.order().side() == Side.BUY ? c.order().quantity().value() : c.order().quantity().value().negate();
    BigDecimal btcExposure = before.add(signed).abs().multiply(c.inputs().prices().get(BTC).price().value());
    BigDecimal ethExposure = c.inputs().position(ETH).abs().multiply(c.inputs().prices().get(ETH).price().value());
    if (c.limits().maxSymbolExposure() != null) {
      assertThat(btcExposure).isLessThan(c.limits().maxSymbolExposure());
    }
    if (c.limits().maxTotalExposure() != null) {
      assertThat(btcExposure.add(ethExposure)).isLessThan(c.limits().maxTotalExposure());
    }
  }

  @RepeatedTest(1000)
  void addingALimitNeverTurnsABlockIntoAPass(RepetitionInfo repetition) {
    Case c = randomCase(repetition.getCurrentRepetition());
    RiskDecision without = new PreTradeRisk(c.limits()).check(c.order(), c.inputs());
    UnaryOperator<RiskLimits.Builder> extra = b -> b.maxOrderQuantity(Integer.toString(1 + c.random().nextInt(15)))
        .orderRate(1 + c.random().nextInt(5), Duration.ofMinutes(1));
    RiskLimits tighter = extra.apply(RiskLimits.builder()
        .maxSymbolExposure(text(c.limits().maxSymbolExposure())).maxTotalExposure(text(c.limits().maxTotalExposure()))
        .maxOrderNotional(text(c.limits().maxOrderNotional())).maxOpenPositions(c.limits().maxOpenPositions()))
        .build();

    RiskDecision with = new PreTradeRisk(tighter).check(c.order(), c.inputs());

    if (!without.allowed()) {
      assertThat(with.allowed()).isFalse();
    }
    assertThat(with.violations().size()).isGreaterThanOrEqualTo(without.violations().size());
  }

  @RepeatedTest(1000)
  void aReducingOrderIsNeverBlockedByAnExposureLimit(RepetitionInfo repetition) {
    Case c = randomCase(repetition.getCurrentRepetition());
    if (!reduces(c.order(), c.inputs().position(BTC))) {
      return;
    }
    RiskDecision decision = new PreTradeRisk(c.limits()).check(c.order(), c.inputs());

    assertThat(decision.violations()).noneMatch(v -> v.check() == RiskCheck.MAX_SYMBOL_EXPOSURE
        || v.check() == RiskCheck.MAX_TOTAL_EXPOSURE || v.check() == RiskCheck.MAX_OPEN_POSITIONS);
  }

  private static String text(BigDecimal value) {
    return value == null ? null : value.toPlainString();
  }
}
