package org.peaktrade.engine.execution;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.peaktrade.engine.strategy.Direction;
import org.peaktrade.protocol.ClientOrderId;
import org.peaktrade.protocol.Instrument;
import org.peaktrade.protocol.Money;
import org.peaktrade.protocol.Order;
import org.peaktrade.protocol.OrderType;
import org.peaktrade.protocol.Price;
import org.peaktrade.protocol.Quantity;
import org.peaktrade.protocol.Side;

/**
 * Turns a strategy's wanted position into orders, identically in backtests and live sessions. It reacts to a
 * change of the effective target only (SHORT counts as FLAT when shorting is not allowed): the closing order
 * for the current position first, then the opening order sized by {@link Sizing} (none while equity is not
 * positive). Order ids are the owner plus
 * a sequence number, so replaying the same decisions yields the same ids.
 */
public final class ExecutionPipeline {
  private final String owner;
  private final Instrument instrument;
  private final Sizing sizing;
  private final EntryStyle entry;
  private final boolean allowShort;
  private long sequence;
  private Direction target = Direction.FLAT;

  public ExecutionPipeline(String owner, Instrument instrument, Sizing sizing, EntryStyle entry, boolean allowShort) {
    this(owner, instrument, sizing, entry, allowShort, 0, Direction.FLAT);
  }

  /**
   * Continues a pipeline whose earlier decisions were recorded (a session rebuilt from its journal): the last order
   * sequence number used and the effective target then in force. The next order gets {@code sequence + 1}, so a
   * resumed pipeline never reuses an id.
   */
  public ExecutionPipeline(String owner, Instrument instrument, Sizing sizing, EntryStyle entry, boolean allowShort,
      long sequence, Direction target) {
    this.owner = Objects.requireNonNull(owner, "owner");
    this.instrument = Objects.requireNonNull(instrument, "instrument");
    this.sizing = Objects.requireNonNull(sizing, "sizing");
    this.entry = Objects.requireNonNull(entry, "entry");
    this.allowShort = allowShort;
    if (sequence < 0) {
      throw new IllegalArgumentException("order sequence must not be negative: " + sequence);
    }
    this.sequence = sequence;
    this.target = Objects.requireNonNull(target, "target");
  }

  /** A change of target and the orders that carry it out; pending orders of the old target are obsolete. */
  public record TargetChange(Direction target, List<Order> orders) {}

  /**
   * Decides on a wanted position, given the current signed position, a reference price (the last close) and
   * current equity (asked only when an order is sized). Empty when the effective target is unchanged.
   */
  public Optional<TargetChange> onTarget(Direction wanted, BigDecimal position, Price reference,
      Supplier<Money> equity, Instant now) {
    Direction effective = effective(wanted);
    if (effective == target) {
      return Optional.empty();
    }
    target = effective;
    int current = position.signum();
    int desired = signOf(effective);
    List<Order> orders = new ArrayList<>(2);
    if (current != 0 && current != desired) {
      Side side = current > 0 ? Side.SELL : Side.BUY;
      orders.add(Order.market(nextId(), instrument.symbol(), side, new Quantity(position.abs()), now));
    }
    if (desired != 0 && current != desired) {
      Money available = equity.get();
      // A ruined account opens nothing new, whatever the sizing rule says; exits above still go out.
      Quantity size = available.signum() > 0 ? sizing.size(reference, available, instrument) : Quantity.ZERO;
      if (!size.isZero()) {
        orders.add(entryOrder(desired > 0 ? Side.BUY : Side.SELL, size, reference, now));
      }
    }
    return Optional.of(new TargetChange(effective, List.copyOf(orders)));
  }

  /** Whether {@link #onTarget} would act on {@code wanted}: a cheap check for hot loops. */
  public boolean changes(Direction wanted) {
    return effective(wanted) != target;
  }

  private Direction effective(Direction wanted) {
    return wanted == Direction.SHORT && !allowShort ? Direction.FLAT : wanted;
  }

  public Direction target() {
    return target;
  }

  /** The sequence number of the last order id handed out (0 before the first). */
  public long sequence() {
    return sequence;
  }

  private Order entryOrder(Side side, Quantity size, Price reference, Instant now) {
    if (entry instanceof EntryStyle.Limit limit) {
      BigDecimal bps = side == Side.BUY ? limit.offsetBps().negate() : limit.offsetBps();
      return new Order(nextId(), instrument.symbol(), side, size, OrderType.LIMIT, offset(reference, bps), now,
          limit.validBars());
    }
    if (entry instanceof EntryStyle.Stop stop) {
      BigDecimal bps = side == Side.BUY ? stop.offsetBps() : stop.offsetBps().negate();
      return new Order(nextId(), instrument.symbol(), side, size, OrderType.STOP, offset(reference, bps), now,
          stop.validBars());
    }
    return Order.market(nextId(), instrument.symbol(), side, size, now);
  }

  /** Moves the reference by signed bps and rounds to the tick away from us (the stricter price). */
  private Price offset(Price reference, BigDecimal signedBps) {
    BigDecimal raw = reference.value().multiply(BigDecimal.ONE.add(signedBps.movePointLeft(4)));
    return signedBps.signum() >= 0 ? instrument.roundPriceUp(raw) : instrument.roundPriceDown(raw);
  }

  private ClientOrderId nextId() {
    return ClientOrderId.of(owner, ++sequence);
  }

  private static int signOf(Direction direction) {
    return switch (direction) {
      case LONG -> 1;
      case FLAT -> 0;
      case SHORT -> -1;
    };
  }
}
