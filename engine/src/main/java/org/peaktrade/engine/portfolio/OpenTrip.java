package org.peaktrade.engine.portfolio;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import org.peaktrade.protocol.Money;
import org.peaktrade.protocol.Price;
import org.peaktrade.protocol.Side;
import org.peaktrade.protocol.Symbol;

/** The running totals of a trade that is still open; becomes a {@link RoundTrip} when the position is flat. */
final class OpenTrip {
  private final Symbol symbol;
  private final Side side;
  private final Instant entryTime;
  private BigDecimal entered = BigDecimal.ZERO;
  private BigDecimal enteredNotional = BigDecimal.ZERO;
  private BigDecimal exited = BigDecimal.ZERO;
  private BigDecimal exitedNotional = BigDecimal.ZERO;
  private Money gross = Money.ZERO;
  private Money fees = Money.ZERO;

  OpenTrip(Symbol symbol, Side side, Instant entryTime) {
    this.symbol = symbol;
    this.side = side;
    this.entryTime = entryTime;
  }

  /** The trip as a {@link LedgerState.Holding} records it, with {@code position}'s quantity and cost basis. */
  LedgerState.Holding holding(Position position) {
    return new LedgerState.Holding(symbol, position.quantity(), position.costBasis(), side, entryTime, entered,
        enteredNotional, exited, exitedNotional, gross, fees);
  }

  /** The trip a holding recorded; null when it recorded none. */
  static OpenTrip of(LedgerState.Holding holding) {
    if (holding.tripSide() == null) {
      return null;
    }
    OpenTrip trip = new OpenTrip(holding.symbol(), holding.tripSide(), holding.tripEntryTime());
    trip.entered = holding.tripEntered();
    trip.enteredNotional = holding.tripEnteredNotional();
    trip.exited = holding.tripExited();
    trip.exitedNotional = holding.tripExitedNotional();
    trip.gross = holding.tripGross();
    trip.fees = holding.tripFees();
    return trip;
  }

  void addEntry(BigDecimal quantity, Price price, Money fee) {
    entered = entered.add(quantity);
    enteredNotional = enteredNotional.add(quantity.multiply(price.value()));
    fees = fees.plus(fee);
  }

  void addExit(BigDecimal quantity, Price price, Money fee, Money realized) {
    exited = exited.add(quantity);
    exitedNotional = exitedNotional.add(quantity.multiply(price.value()));
    fees = fees.plus(fee);
    gross = gross.plus(realized);
  }

  RoundTrip close(Instant exitTime) {
    return new RoundTrip(symbol, side, entered, entryTime, exitTime, average(enteredNotional, entered),
        average(exitedNotional, exited), gross, fees);
  }

  private static Price average(BigDecimal notional, BigDecimal quantity) {
    return new Price(notional.divide(quantity, Position.AVERAGE_PRICE_SCALE, RoundingMode.HALF_EVEN));
  }
}
