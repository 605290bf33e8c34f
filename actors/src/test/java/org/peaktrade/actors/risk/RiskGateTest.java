package org.peaktrade.actors.risk;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
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

  private RiskDecision check(ActorRef<RiskGate.Command> gate, Order order) {
    TestProbe<RiskDecision> reply = testKit.createTestProbe();
    gate.tell(new RiskGate.Check(order, reply.ref()));
    return reply.receiveMessage();
  }

  @Test
  void blocksEverythingUntilItKnowsTheAccount() {
    TestProbe<RiskEvent> events = testKit.createTestProbe();
    ActorRef<RiskGate.Command> gate = testKit.spawn(RiskGate.create("s1", RiskLimits.none(), clock, events.ref()));

    RiskDecision decision = check(gate, buy("1"));

    assertThat(decision.allowed()).isFalse();
    assertThat(decision.violations().get(0).check()).isEqualTo(RiskCheck.ACCOUNT_UNKNOWN);
  }

  @Test
  void blocksWithoutAPriceAndPassesWithAFreshOne() {
    TestProbe<RiskEvent> events = testKit.createTestProbe();
    ActorRef<RiskGate.Command> gate = testKit.spawn(RiskGate.create("s2", RiskLimits.none(), clock, events.ref()));
    gate.tell(new RiskGate.AccountUpdated(Map.of(), Money.of("1000")));

    assertThat(check(gate, buy("1")).violations().get(0).check()).isEqualTo(RiskCheck.MISSING_PRICE);

    gate.tell(new RiskGate.PriceUpdated(BTC, Price.of("100"), NOW));
    assertThat(check(gate, buy("1")).allowed()).isTrue();
  }

  @Test
  void warningsAndBreachesBecomeAlertsAndLossBreachesAlsoPortfolioEvents() {
    TestProbe<RiskEvent> events = testKit.createTestProbe();
    RiskLimits limits = RiskLimits.builder().maxOrderNotional("1000").maxDailyLoss("100").build();
    ActorRef<RiskGate.Command> gate = testKit.spawn(RiskGate.create("s3", limits, clock, events.ref()));
    gate.tell(new RiskGate.PriceUpdated(BTC, Price.of("100"), NOW));
    gate.tell(new RiskGate.AccountUpdated(Map.of(), Money.of("1000")));

    assertThat(check(gate, buy("9")).severity()).isEqualTo(RiskSeverity.WARNING);
    RiskEvent.Alerted warning = events.expectMessageClass(RiskEvent.Alerted.class);
    assertThat(warning.decision().violations().get(0).check()).isEqualTo(RiskCheck.MAX_ORDER_NOTIONAL);

    gate.tell(new RiskGate.AccountUpdated(Map.of(), Money.of("900")));
    assertThat(check(gate, buy("1")).allowed()).isFalse();
    events.expectMessageClass(RiskEvent.Alerted.class);
    RiskEvent.PortfolioLimitBreached breach = events.expectMessageClass(RiskEvent.PortfolioLimitBreached.class);
    assertThat(breach.violation().check()).isEqualTo(RiskCheck.MAX_DAILY_LOSS);
    assertThat(breach.violation().observed()).isEqualByComparingTo(new BigDecimal("100"));
  }

  @Test
  void theThrottleCountsOnlyOrdersItLetThrough() {
    TestProbe<RiskEvent> events = testKit.createTestProbe();
    RiskLimits limits = RiskLimits.builder().orderRate(2, java.time.Duration.ofMinutes(1)).build();
    ActorRef<RiskGate.Command> gate = testKit.spawn(RiskGate.create("s4", limits, clock, events.ref()));
    gate.tell(new RiskGate.PriceUpdated(BTC, Price.of("100"), NOW));
    gate.tell(new RiskGate.AccountUpdated(Map.of(), Money.of("1000")));

    assertThat(check(gate, buy("1")).allowed()).isTrue();
    assertThat(check(gate, buy("1")).allowed()).isTrue();
    assertThat(check(gate, buy("1")).allowed()).isFalse();
    assertThat(check(gate, buy("1")).allowed()).isFalse();
  }
}
