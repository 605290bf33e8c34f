package org.peaktrade.engine.portfolio;

import java.math.BigDecimal;
import java.time.Instant;
import org.peaktrade.protocol.Money;
import org.peaktrade.protocol.Price;
import org.peaktrade.protocol.Side;
import org.peaktrade.protocol.Symbol;

/**
 * A closed trade: from the fill that opened a position from flat to the fill that made it flat again (or
 * reversed it). {@code side} is BUY for a long trade and SELL for a short one; {@code quantity} is the total
 * quantity entered; prices are quantity-weighted averages (display only); {@code netPnl} = gross − fees, where
 * fees include both the entry and the exit fills.
 */
public record RoundTrip(
    Symbol symbol, Side side, BigDecimal quantity, Instant entryTime, Instant exitTime, Price entryPrice,
    Price exitPrice, Money grossPnl, Money fees) {

  public Money netPnl() {
    return grossPnl.minus(fees);
  }
}
