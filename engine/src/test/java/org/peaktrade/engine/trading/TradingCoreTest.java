package org.peaktrade.engine.trading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.peaktrade.engine.fixtures.Bars.BTC;
import static org.peaktrade.engine.fixtures.Bars.BTC_USD;
import static org.peaktrade.engine.fixtures.Bars.bar;
import static org.peaktrade.engine.fixtures.Bars.flat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.peaktrade.engine.execution.EntryStyle;
import org.peaktrade.engine.execution.FeeModel;
import org.peaktrade.engine.execution.ParticipationLimit;
import org.peaktrade.engine.execution.Sizing;
import org.peaktrade.engine.execution.SlippageModel;
import org.peaktrade.engine.risk.RiskLimits;
import org.peaktrade.engine.strategy.Direction;
import org.peaktrade.protocol.Bar;
import org.peaktrade.protocol.ClientOrderId;
import org.peaktrade.protocol.Fill;
import org.peaktrade.protocol.Liquidity;
import org.peaktrade.protocol.Money;
import org.peaktrade.protocol.Order;
import org.peaktrade.protocol.OrderEvent;
import org.peaktrade.protocol.OrderType;
import org.peaktrade.protocol.Price;
import org.peaktrade.protocol.Quantity;
import org.peaktrade.protocol.Side;

class TradingCoreTest {
  private static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");

  private static TradingTerms terms(String size, EntryStyle entry, ParticipationLimit participation,
      RiskLimits risk) {
    return new TradingTerms(Money.of("100000"), Sizing.parse(size), FeeModel.NONE, SlippageModel.NONE, entry,
        false, participation, risk);
  }

  private static TradingCore core(TradingTerms terms) {
    return new TradingCore("c", BTC_USD, terms);
  }

  private static TradingCore marketCore() {
    return core(terms("qty:2", new EntryStyle.Market(), ParticipationLimit.NONE, null));
  }

  private static ClientOrderId id(long sequence) {
    return ClientOrderId.of("c", sequence);
  }

  private static Order market(long sequence, Side side, String quantity, Bar decidedOn) {
    return Order.market(id(sequence), BTC, side, Quantity.of(quantity), decidedOn.closeTime());
  }

  private static OrderEvent.Filled filled(Order order, String quantity, String price, Liquidity liquidity,
      Bar bar) {
    return new OrderEvent.Filled(new Fill(order.id(), BTC, order.side(), Quantity.of(quantity), Price.of(price),
        Money.of("0"), liquidity, bar.openTime()));
  }

  @Test
  void placesAndAcceptsTheOrdersOfANewTargetAndFillsThemOnTheNextBarsOpen() {
    TradingCore core = marketCore();
    Bar first = flat(0, "100");
    Bar second = bar(1, "101", "103", "99", "102");
    assertThat(core.onBar(first)).isEqualTo(BarStep.NOTHING);

    Decision decision = core.decide(first, Direction.LONG, OrderAdmission.ALWAYS, NOW).orElseThrow();
    Order buy = market(1, Side.BUY, "2", first);

    assertThat(decision.events()).containsExactly(new OrderEvent.Placed(buy), new OrderEvent.Accepted(buy.id(), NOW));
    assertThat(decision.target()).isEqualTo(Direction.LONG);
    assertThat(decision.sequence()).isEqualTo(1);
    assertThat(core.onBar(second).events()).containsExactly(filled(buy, "2", "101", Liquidity.TAKER, second));
    assertThat(core.position().quantity()).isEqualByComparingTo("2");
    assertThat(core.equity(second.close())).isEqualTo(Money.of("100002"));
  }

  @Test
  void answersNothingWhileTheTargetStays() {
    TradingCore core = marketCore();
    Bar first = flat(0, "100");
    core.onBar(first);
    core.decide(first, Direction.LONG, OrderAdmission.ALWAYS, NOW);
    Bar second = flat(1, "100");
    core.onBar(second);

    assertThat(core.decide(second, Direction.LONG, OrderAdmission.ALWAYS, NOW)).isEmpty();
    assertThat(core.onBar(flat(2, "100"))).isEqualTo(BarStep.NOTHING);
  }

  @Test
  void aChangedTargetCancelsTheOldTargetsRestingOrderBeforeItPlacesTheNewOnes() {
    TradingCore core = core(terms("qty:1", new EntryStyle.Limit(new BigDecimal("100"), 5), ParticipationLimit.NONE,
        null));
    Bar first = flat(0, "100");
    core.onBar(first);
    Order limit = core.decide(first, Direction.LONG, OrderAdmission.ALWAYS, NOW).orElseThrow().orders().get(0);
    Bar second = flat(1, "100");
    assertThat(core.onBar(second)).isEqualTo(BarStep.NOTHING);

    Decision flat = core.decide(second, Direction.FLAT, OrderAdmission.ALWAYS, NOW).orElseThrow();

    assertThat(limit.type()).isEqualTo(OrderType.LIMIT);
    assertThat(limit.price()).isEqualTo(Price.of("99"));
    assertThat(flat.events()).containsExactly(new OrderEvent.Canceled(limit.id(), "target changed to FLAT", NOW));
    assertThat(flat.canceled()).containsExactly(limit);
    assertThat(flat.orders()).isEmpty();
    assertThat(core.resting()).isEmpty();
  }

  @Test
  void aRestingLimitOrderExpiresAfterItsBarsAndIsReportedAsSubmitted() {
    TradingCore core = core(terms("qty:1", new EntryStyle.Limit(new BigDecimal("100"), 2), ParticipationLimit.NONE,
        null));
    Bar first = flat(0, "100");
    core.onBar(first);
    Order limit = core.decide(first, Direction.LONG, OrderAdmission.ALWAYS, NOW).orElseThrow().orders().get(0);

    assertThat(core.onBar(flat(1, "100"))).isEqualTo(BarStep.NOTHING);
    Bar third = flat(2, "100");
    BarStep step = core.onBar(third);

    assertThat(step.events()).containsExactly(new OrderEvent.Expired(limit.id(), third.closeTime()));
    assertThat(step.expired()).containsExactly(limit);
    assertThat(core.resting()).isEmpty();
  }

  @Test
  void anOrderTheRiskLimitsBlockIsRejectedWithItsViolationsAndNeverFills() {
    RiskLimits limits = RiskLimits.builder().maxOrderQuantity("1").build();
    TradingCore core = core(terms("qty:2", new EntryStyle.Market(), ParticipationLimit.NONE, limits));
    Bar first = flat(0, "100");
    core.onBar(first);

    Decision decision = core.decide(first, Direction.LONG, OrderAdmission.ALWAYS, NOW).orElseThrow();
    Order buy = market(1, Side.BUY, "2", first);

    assertThat(decision.risk()).hasSize(1);
    RiskOutcome outcome = decision.risk().get(0);
    assertThat(outcome.submitted()).isFalse();
    assertThat(TradingCore.riskRefusal(outcome.decision())).startsWith("risk: ").contains("order quantity");
    assertThat(decision.events()).containsExactly(new OrderEvent.Placed(buy),
        new OrderEvent.Rejected(buy.id(), TradingCore.riskRefusal(outcome.decision()), NOW));
    assertThat(core.onBar(flat(1, "100"))).isEqualTo(BarStep.NOTHING);
    assertThat(core.position().isFlat()).isTrue();
  }

  @Test
  void anOrderTheAdmissionRefusesIsRejectedWithItsReasonAndNeverReachesTheVenue() {
    TradingCore core = marketCore();
    Bar first = flat(0, "100");
    core.onBar(first);

    Decision decision = core.decide(first, Direction.LONG, order -> Optional.of("kill switch KILLED"), NOW)
        .orElseThrow();
    Order buy = market(1, Side.BUY, "2", first);

    assertThat(decision.events()).containsExactly(new OrderEvent.Placed(buy),
        new OrderEvent.Rejected(buy.id(), "kill switch KILLED", NOW));
    assertThat(core.resting()).isEmpty();
  }

  @Test
  void aParticipationLimitFillsALargeOrderOverSeveralBars() {
    TradingCore core = core(terms("qty:12", new EntryStyle.Market(),
        ParticipationLimit.percentOfBarVolume(new BigDecimal("50")), null));
    Bar first = flat(0, "100");
    core.onBar(first);
    Order buy = core.decide(first, Direction.LONG, OrderAdmission.ALWAYS, NOW).orElseThrow().orders().get(0);
    Bar second = flat(1, "101");
    Bar third = flat(2, "102");
    Bar fourth = flat(3, "103");

    assertThat(core.onBar(second).events()).containsExactly(filled(buy, "5", "101", Liquidity.TAKER, second));
    assertThat(core.onBar(third).events()).containsExactly(filled(buy, "5", "102", Liquidity.TAKER, third));
    assertThat(core.onBar(fourth).events()).containsExactly(filled(buy, "2", "103", Liquidity.TAKER, fourth));
    assertThat(core.position().quantity()).isEqualByComparingTo("12");
    assertThat(core.resting()).isEmpty();
  }

  @Test
  void aReversalClosesThePositionThroughTheSameStep() {
    TradingCore core = marketCore();
    Bar first = flat(0, "100");
    core.onBar(first);
    core.decide(first, Direction.LONG, OrderAdmission.ALWAYS, NOW);
    Bar second = flat(1, "110");
    core.onBar(second);

    Decision exit = core.decide(second, Direction.FLAT, OrderAdmission.ALWAYS, NOW).orElseThrow();
    Order sell = market(2, Side.SELL, "2", second);
    Bar third = flat(2, "120");
    BarStep step = core.onBar(third);

    assertThat(exit.events()).containsExactly(new OrderEvent.Placed(sell), new OrderEvent.Accepted(sell.id(), NOW));
    assertThat(step.events()).containsExactly(filled(sell, "2", "120", Liquidity.TAKER, third));
    assertThat(step.trades()).hasSize(1);
    assertThat(core.ledger().cash()).isEqualTo(Money.of("100020"));
    assertThat(core.position().isFlat()).isTrue();
  }
}
