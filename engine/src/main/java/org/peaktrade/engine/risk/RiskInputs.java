package org.peaktrade.engine.risk;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import org.peaktrade.protocol.Money;
import org.peaktrade.protocol.Symbol;

/**
 * What the check needs to know about the account at decision time: signed positions, prices, equity now, at the
 * start of the (UTC) day and at its peak, how many orders were accepted in the current throttle window, and now.
 */
public record RiskInputs(
    Map<Symbol, BigDecimal> positions, Map<Symbol, MarketPrice> prices, Money equity, Money startOfDayEquity,
    Money peakEquity, int ordersInWindow, Instant now) {

  public RiskInputs {
    positions = Map.copyOf(positions);
    prices = Map.copyOf(prices);
    Objects.requireNonNull(equity, "equity");
    Objects.requireNonNull(startOfDayEquity, "start-of-day equity");
    Objects.requireNonNull(peakEquity, "peak equity");
    Objects.requireNonNull(now, "now");
  }

  public BigDecimal position(Symbol symbol) {
    return positions.getOrDefault(symbol, BigDecimal.ZERO);
  }
}
