package org.peaktrade.bench;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.peaktrade.engine.risk.MarketPrice;
import org.peaktrade.engine.risk.PreTradeRisk;
import org.peaktrade.engine.risk.RiskInputs;
import org.peaktrade.engine.risk.RiskLimits;
import org.peaktrade.protocol.ClientOrderId;
import org.peaktrade.protocol.Money;
import org.peaktrade.protocol.Order;
import org.peaktrade.protocol.OrderType;
import org.peaktrade.protocol.Price;
import org.peaktrade.protocol.Quantity;
import org.peaktrade.protocol.Side;
import org.peaktrade.protocol.Symbol;
import org.peaktrade.protocol.risk.RiskDecision;

/**
 * One full pre-trade check with every rule on, for an order that passes (the common case) and one that breaches
 * several limits at once (violations and messages built).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class RiskCheckBenchmark {
  private static final Symbol BTC = Symbol.of("BTC/USD");
  private static final Symbol ETH = Symbol.of("ETH/USD");
  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

  private PreTradeRisk risk;
  private RiskInputs inputs;
  private Order passing;
  private Order breaching;

  @Setup
  public void setUp() {
    risk = new PreTradeRisk(RiskLimits.builder().maxOrderNotional("50000").maxOrderQuantity("2")
        .minOrderNotional("10").maxSymbolExposure("100000").maxTotalExposure("150000").maxOpenPositions(5)
        .maxDailyLoss("5000").maxDailyLossPct("5").maxDrawdownPct("15").priceCollarBps("50")
        .orderRate(100, Duration.ofMinutes(1)).allowedSymbols(Set.of(BTC, ETH)).maxPriceAge(Duration.ofSeconds(30))
        .build());
    inputs = new RiskInputs(Map.of(BTC, new BigDecimal("0.5"), ETH, new BigDecimal("-3")),
        Map.of(BTC, new MarketPrice(Price.of("40000.5"), NOW), ETH, new MarketPrice(Price.of("2500.25"), NOW)),
        Money.of("100000"), Money.of("101000"), Money.of("103000"), 7, NOW.plusSeconds(1));
    passing = new Order(ClientOrderId.of("bench", 1), BTC, Side.BUY, Quantity.of("0.25"), OrderType.LIMIT,
        Price.of("40010"), NOW, 0);
    breaching = new Order(ClientOrderId.of("bench", 2), BTC, Side.BUY, Quantity.of("3"), OrderType.LIMIT,
        Price.of("41000"), NOW, 0);
  }

  @Benchmark
  public RiskDecision passingOrderAllRulesOn() {
    return risk.check(passing, inputs);
  }

  @Benchmark
  public RiskDecision breachingOrderAllRulesOn() {
    return risk.check(breaching, inputs);
  }
}
