package org.peaktrade.actors.risk;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.peaktrade.engine.risk.MarketPrice;
import org.peaktrade.engine.risk.RiskInputs;
import org.peaktrade.engine.risk.RiskLimits;
import org.peaktrade.protocol.ClientOrderId;
import org.peaktrade.protocol.Money;
import org.peaktrade.protocol.Order;
import org.peaktrade.protocol.Price;
import org.peaktrade.protocol.Quantity;
import org.peaktrade.protocol.Side;
import org.peaktrade.protocol.Symbol;
import org.peaktrade.protocol.risk.RiskCheck;
import org.peaktrade.protocol.risk.RiskDecision;
import org.peaktrade.protocol.risk.RiskSeverity;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RiskGateTest {
  private static final Symbol BTC = Symbol.of("BTC/USD");
  private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
  private final ActorTestKit testKit = ActorTestKit.create();
  private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

  @AfterAll
  void shutdown() {
    testKit.shutdownTestKit();
  }

  private static Order buy(String quantity) {
    return Order.market(ClientOrderId.of("s", 1), BTC, Side.BUY, Quantity.of(quantity), NOW);
  }

  private RiskDecision check(ActorRef<RiskGate.Command> gate, Order order, RiskInputs inputs) {
    TestProbe<RiskGate.Checked> reply = testKit.createTestProbe();
    gate.tell(new RiskGate.Check(order, inputs, reply.ref()));
    RiskGate.Checked checked = reply.receiveMessage();
    assertThat(checked.order()).isEqualTo(order);
    return checked.decision();
  }

  private static RiskInputs account(String equity, String startOfDay, int ordersInWindow, boolean priced) {
    return new RiskInputs(Map.of(), priced ? Map.of(BTC, new MarketPrice(Price.of("100"), NOW)) : Map.of(),
        Money.of(equity), Money.of(startOfDay), Money.of(startOfDay), ordersInWindow, NOW);
  }

  @Test
  void blocksEverythingUntilItKnowsTheAccount() {
    TestProbe<RiskEvent> events = testKit.createTestProbe();
    ActorRef<RiskGate.Command> gate = testKit.spawn(RiskGate.create("s1", RiskLimits.none(), clock, events.ref()));

    RiskDecision decision = check(gate, buy("1"), null);

    assertThat(decision.allowed()).isFalse();
    assertThat(decision.violations().get(0).check()).isEqualTo(RiskCheck.ACCOUNT_UNKNOWN);
  }

  @Test
  void blocksWithoutAPriceAndPassesWithOne() {
    TestProbe<RiskEvent> events = testKit.createTestProbe();
    ActorRef<RiskGate.Command> gate = testKit.spawn(RiskGate.create("s2", RiskLimits.none(), clock, events.ref()));

    assertThat(check(gate, buy("1"), account("1000", "1000", 0, false)).violations().get(0).check())
        .isEqualTo(RiskCheck.MISSING_PRICE);
    assertThat(check(gate, buy("1"), account("1000", "1000", 0, true)).allowed()).isTrue();
  }

  @Test
  void warningsAndBreachesBecomeAlertsAndLossBreachesAlsoPortfolioEvents() {
    TestProbe<RiskEvent> events = testKit.createTestProbe();
    RiskLimits limits = RiskLimits.builder().maxOrderNotional("1000").maxDailyLoss("100").build();
    ActorRef<RiskGate.Command> gate = testKit.spawn(RiskGate.create("s3", limits, clock, events.ref()));

    assertThat(check(gate, buy("9"), account("1000", "1000", 0, true)).severity()).isEqualTo(RiskSeverity.WARNING);
    RiskEvent.Alerted warning = events.expectMessageClass(RiskEvent.Alerted.class);
    assertThat(warning.decision().violations().get(0).check()).isEqualTo(RiskCheck.MAX_ORDER_NOTIONAL);

    assertThat(check(gate, buy("1"), account("900", "1000", 0, true)).allowed()).isFalse();
    events.expectMessageClass(RiskEvent.Alerted.class);
    RiskEvent.PortfolioLimitBreached breach = events.expectMessageClass(RiskEvent.PortfolioLimitBreached.class);
    assertThat(breach.violation().check()).isEqualTo(RiskCheck.MAX_DAILY_LOSS);
    assertThat(breach.violation().observed()).isEqualByComparingTo(new BigDecimal("100"));
  }

  @Test
  void theThrottleBlocksOnceTheWindowHoldsTheLimitsOrders() {
    TestProbe<RiskEvent> events = testKit.createTestProbe();
    RiskLimits limits = RiskLimits.builder().orderRate(2, Duration.ofMinutes(1)).build();
    ActorRef<RiskGate.Command> gate = testKit.spawn(RiskGate.create("s4", limits, clock, events.ref()));

    assertThat(check(gate, buy("1"), account("1000", "1000", 1, true)).allowed()).isTrue();
    assertThat(check(gate, buy("1"), account("1000", "1000", 2, true)).allowed()).isFalse();
  }
}
