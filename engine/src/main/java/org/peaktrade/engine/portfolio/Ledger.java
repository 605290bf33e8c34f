package org.peaktrade.engine.portfolio;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.peaktrade.protocol.Fill;
import org.peaktrade.protocol.Money;
import org.peaktrade.protocol.Price;
import org.peaktrade.protocol.Side;
import org.peaktrade.protocol.Symbol;

/**
 * The account: cash, signed positions with exact cost basis, realized P&amp;L and fees, rebuilt by applying
 * fills in order. A buy pays notional + fee; a sell (also a short sale) receives notional − fee; equity is cash
 * plus the market value of every position, so for any sequence of fills
 * {@code equity = startingCash + realized − fees + unrealized} holds exactly. A fill that reverses a position is
 * split into the part that closes it and the part that opens the new one; its fee is split pro rata.
 */
public final class Ledger {
  private static final int ALLOCATION_EXTRA_SCALE = 12;

  private final Money startingCash;
  private Money cash;
  private Money realizedPnl = Money.ZERO;
  private Money fees = Money.ZERO;
  private final Map<Symbol, Position> positions = new HashMap<>();
  private final Map<Symbol, OpenTrip> openTrips = new HashMap<>();

  public Ledger(Money startingCash) {
    this.startingCash = Objects.requireNonNull(startingCash, "starting cash");
    this.cash = startingCash;
  }

  /** Books a fill and returns the trades it closed (none, or one; a reversal closes one and opens another). */
  public List<RoundTrip> apply(Fill fill) {
    Money notional = fill.notional();
    cash = fill.side() == Side.BUY ? cash.minus(notional).minus(fill.fee()) : cash.plus(notional).minus(fill.fee());
    fees = fees.plus(fill.fee());

    Position position = position(fill.symbol());
    BigDecimal signedQuantity = fill.side() == Side.BUY ? fill.quantity().value() : fill.quantity().value().negate();
    boolean closing = position.quantity().signum() != 0 && position.quantity().signum() != signedQuantity.signum();
    if (!closing) {
      open(position, signedQuantity, fill, fill.fee());
      return List.of();
    }
    BigDecimal held = position.quantity().abs();
    BigDecimal closeQuantity = fill.quantity().value().min(held);
    BigDecimal openQuantity = fill.quantity().value().subtract(closeQuantity);
    Money closeFee = openQuantity.signum() == 0 ? fill.fee() : prorate(fill.fee(), closeQuantity, fill.quantity().value());
    List<RoundTrip> closed = new ArrayList<>(1);
    closeTrip(position, closeQuantity, fill, closeFee).ifPresent(closed::add);
    if (openQuantity.signum() > 0) {
      BigDecimal signedOpen = fill.side() == Side.BUY ? openQuantity : openQuantity.negate();
      open(position(fill.symbol()), signedOpen, fill, fill.fee().minus(closeFee));
    }
    return closed;
  }

  private void open(Position position, BigDecimal signedQuantity, Fill fill, Money fee) {
    Money addedCost = new Money(signedQuantity.multiply(fill.price().value()));
    positions.put(fill.symbol(), new Position(fill.symbol(), position.quantity().add(signedQuantity),
        position.costBasis().plus(addedCost)));
    openTrips.computeIfAbsent(fill.symbol(), s -> new OpenTrip(s, fill.side(), fill.time()))
        .addEntry(signedQuantity.abs(), fill.price(), fee);
  }

  private Optional<RoundTrip> closeTrip(Position position, BigDecimal closeQuantity, Fill fill, Money fee) {
    BigDecimal held = position.quantity().abs();
    boolean full = closeQuantity.compareTo(held) == 0;
    Money releasedCost = full ? position.costBasis() : prorate(position.costBasis(), closeQuantity, held);
    BigDecimal signedClose = position.quantity().signum() > 0 ? closeQuantity.negate() : closeQuantity;
    // Closing proceeds are -(signed fill quantity × price); realized = proceeds − released cost basis.
    Money realized = new Money(signedClose.negate().multiply(fill.price().value())).minus(releasedCost);
    realizedPnl = realizedPnl.plus(realized);
    positions.put(fill.symbol(), new Position(fill.symbol(), position.quantity().add(signedClose),
        position.costBasis().minus(releasedCost)));
    OpenTrip trip = openTrips.get(fill.symbol());
    trip.addExit(closeQuantity, fill.price(), fee, realized);
    if (!full) {
      return Optional.empty();
    }
    openTrips.remove(fill.symbol());
    return Optional.of(trip.close(fill.time()));
  }

  /** {@code amount × part / whole}, half-even at 12 more decimals than the amount; the remainder stays put. */
  private static Money prorate(Money amount, BigDecimal part, BigDecimal whole) {
    int scale = Math.max(amount.amount().scale(), 0) + ALLOCATION_EXTRA_SCALE;
    return new Money(amount.amount().multiply(part).divide(whole, scale, RoundingMode.HALF_EVEN));
  }

  /** Everything the ledger holds, to {@link #restore} it later without its fills. */
  public LedgerState state() {
    List<LedgerState.Holding> holdings = new ArrayList<>();
    for (Position position : positions.values()) {
      OpenTrip trip = openTrips.get(position.symbol());
      holdings.add(trip != null ? trip.holding(position) : new LedgerState.Holding(position.symbol(),
          position.quantity(), position.costBasis(), null, null, null, null, null, null, null, null));
    }
    return new LedgerState(cash, realizedPnl, fees, holdings);
  }

  /**
   * Replaces what the ledger holds with {@code state} (its starting cash stays): the same ledger as the fills that
   * made {@code state} would have left, so that later fills book exactly as they would have.
   */
  public void restore(LedgerState state) {
    cash = state.cash();
    realizedPnl = state.realizedPnl();
    fees = state.fees();
    positions.clear();
    openTrips.clear();
    for (LedgerState.Holding holding : state.holdings()) {
      positions.put(holding.symbol(), new Position(holding.symbol(), holding.quantity(), holding.costBasis()));
      OpenTrip trip = OpenTrip.of(holding);
      if (trip != null) {
        openTrips.put(holding.symbol(), trip);
      }
    }
  }

  public Position position(Symbol symbol) {
    Position position = positions.get(symbol);
    return position != null ? position : Position.flat(symbol);
  }

  public Money startingCash() {
    return startingCash;
  }

  public Money cash() {
    return cash;
  }

  public Money realizedPnl() {
    return realizedPnl;
  }

  public Money totalFees() {
    return fees;
  }

  /** Cash plus the value of every position at the given marks; a position without a mark is an error. */
  public Money equity(Map<Symbol, Price> marks) {
    Money equity = cash;
    for (Position position : positions.values()) {
      if (!position.isFlat()) {
        Price mark = marks.get(position.symbol());
        if (mark == null) {
          throw new IllegalStateException("no mark price for open position in " + position.symbol());
        }
        equity = equity.plus(position.marketValue(mark));
      }
    }
    return equity;
  }

  /** Equity when only {@code symbol} may be held (single-instrument backtests and sessions). */
  public Money equity(Symbol symbol, Price mark) {
    return equity(Map.of(symbol, mark));
  }
}
