package org.peaktrade.engine.execution;

import java.math.BigDecimal;
import java.util.Objects;
import org.peaktrade.protocol.Instrument;
import org.peaktrade.protocol.Price;
import org.peaktrade.protocol.Side;

/**
 * Slippage for orders that take liquidity: a buy pays {@code bps} more, a sell receives {@code bps} less,
 * and the result is rounded to the instrument's tick against us.
 */
public record SlippageModel(BigDecimal bps) {
  public static final SlippageModel NONE = new SlippageModel(BigDecimal.ZERO);

  public SlippageModel {
    Objects.requireNonNull(bps, "slippage bps");
    if (bps.signum() < 0) {
      throw new IllegalArgumentException("slippage bps must not be negative: " + bps.toPlainString());
    }
  }

  public Price apply(Price price, Side side, Instrument instrument) {
    if (bps.signum() == 0) {
      return price;
    }
    BigDecimal factor = bps.movePointLeft(4);
    return side == Side.BUY
        ? instrument.roundPriceUp(price.value().multiply(BigDecimal.ONE.add(factor)))
        : instrument.roundPriceDown(price.value().multiply(BigDecimal.ONE.subtract(factor)));
  }
}
