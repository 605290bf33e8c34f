package org.peaktrade.engine.portfolio;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.peaktrade.protocol.Money;
import org.peaktrade.protocol.Side;
import org.peaktrade.protocol.Symbol;

/**
 * What a {@link Ledger} holds apart from its starting cash, exactly: enough to restore it without the fills that made
 * it (a session's snapshot keeps this instead of every fill it ever booked). {@code holdings} has one entry per
 * symbol the ledger ever held, flat ones included.
 */
public record LedgerState(Money cash, Money realizedPnl, Money fees, List<Holding> holdings) {

  public LedgerState {
    Objects.requireNonNull(cash, "cash");
    Objects.requireNonNull(realizedPnl, "realized P&L");
    Objects.requireNonNull(fees, "fees");
    holdings = List.copyOf(holdings);
  }

  /**
   * A position with its exact cost basis, and the running totals of the trade it is part of while one is open
   * ({@code tripSide} null when none is: the totals are then unused).
   */
  public record Holding(Symbol symbol, BigDecimal quantity, Money costBasis, Side tripSide, Instant tripEntryTime,
      BigDecimal tripEntered, BigDecimal tripEnteredNotional, BigDecimal tripExited, BigDecimal tripExitedNotional,
      Money tripGross, Money tripFees) {

    public Holding {
      Objects.requireNonNull(symbol, "symbol");
      Objects.requireNonNull(quantity, "quantity");
      Objects.requireNonNull(costBasis, "cost basis");
    }
  }
}
