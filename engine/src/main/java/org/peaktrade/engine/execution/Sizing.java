package org.peaktrade.engine.execution;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.peaktrade.protocol.Decimals;
import org.peaktrade.protocol.Instrument;
import org.peaktrade.protocol.Money;
import org.peaktrade.protocol.Price;
import org.peaktrade.protocol.Quantity;

/**
 * How large a new position is. The result is rounded down to the instrument's lot; a size below the minimum
 * order quantity becomes zero, and no order is placed.
 */
public sealed interface Sizing {

  Quantity size(Price referencePrice, Money equity, Instrument instrument);

  /** The form {@link #parse} reads, e.g. {@code equity-pct:95}. */
  String spec();

  /** A fixed quantity of the base asset. */
  record FixedQuantity(BigDecimal quantity) implements Sizing {
    public FixedQuantity {
      requirePositive(quantity, "sizing quantity");
    }

    @Override
    public String spec() {
      return "qty:" + quantity.toPlainString();
    }

    @Override
    public Quantity size(Price referencePrice, Money equity, Instrument instrument) {
      return instrument.roundQuantityDown(quantity);
    }
  }

  /** As much base asset as a fixed amount of quote currency buys at the reference price. */
  record FixedNotional(BigDecimal notional) implements Sizing {
    public FixedNotional {
      requirePositive(notional, "sizing notional");
    }

    @Override
    public String spec() {
      return "notional:" + notional.toPlainString();
    }

    @Override
    public Quantity size(Price referencePrice, Money equity, Instrument instrument) {
      return divide(notional, referencePrice, instrument);
    }
  }

  /** A percentage of current equity (0 &lt; percent &le; 100); nothing when equity is not positive. */
  record EquityPercent(BigDecimal percent) implements Sizing {
    public EquityPercent {
      requirePositive(percent, "sizing equity percent");
      if (percent.compareTo(BigDecimal.valueOf(100)) > 0) {
        throw new IllegalArgumentException("sizing equity percent must be at most 100: " + percent.toPlainString());
      }
    }

    @Override
    public String spec() {
      return "equity-pct:" + percent.toPlainString();
    }

    @Override
    public Quantity size(Price referencePrice, Money equity, Instrument instrument) {
      if (equity.signum() <= 0) {
        return Quantity.ZERO;
      }
      return divide(equity.amount().multiply(percent.movePointLeft(2)), referencePrice, instrument);
    }
  }

  /** Parses {@code qty:1}, {@code notional:1000} or {@code equity-pct:50}. */
  static Sizing parse(String spec) {
    int colon = spec.indexOf(':');
    String kind = colon < 0 ? spec : spec.substring(0, colon);
    String value = colon < 0 ? "" : spec.substring(colon + 1);
    return switch (kind) {
      case "qty" -> new FixedQuantity(Decimals.parse(value, "size qty"));
      case "notional" -> new FixedNotional(Decimals.parse(value, "size notional"));
      case "equity-pct" -> new EquityPercent(Decimals.parse(value, "size equity-pct"));
      default -> throw new IllegalArgumentException(
          "unknown size '" + spec + "': use qty:QUANTITY, notional:AMOUNT or equity-pct:PERCENT");
    };
  }

  private static Quantity divide(BigDecimal amount, Price price, Instrument instrument) {
    BigDecimal raw = amount.divide(price.value(), instrument.quantityScale() + 1, RoundingMode.FLOOR);
    return instrument.roundQuantityDown(raw);
  }

  private static void requirePositive(BigDecimal value, String what) {
    if (value == null || value.signum() <= 0) {
      throw new IllegalArgumentException(what + " must be positive: " + (value == null ? "missing" : value.toPlainString()));
    }
  }
}
