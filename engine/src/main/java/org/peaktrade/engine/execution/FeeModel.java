package org.peaktrade.engine.execution;

import java.math.BigDecimal;
import java.util.Objects;
import org.peaktrade.protocol.Liquidity;
import org.peaktrade.protocol.Money;

/**
 * Exchange fees in basis points of the fill notional, separately for maker (resting limit) and taker fills.
 * A basis-point fee of a decimal notional is itself an exact decimal, so fees are never rounded.
 */
public record FeeModel(BigDecimal makerBps, BigDecimal takerBps) {
  public static final FeeModel NONE = new FeeModel(BigDecimal.ZERO, BigDecimal.ZERO);

  public FeeModel {
    requireNonNegative(makerBps, "maker fee bps");
    requireNonNegative(takerBps, "taker fee bps");
  }

  /** The same rate for maker and taker fills. */
  public static FeeModel flat(BigDecimal bps) {
    return new FeeModel(bps, bps);
  }

  public Money fee(Money notional, Liquidity liquidity) {
    BigDecimal bps = liquidity == Liquidity.MAKER ? makerBps : takerBps;
    return notional.times(bps.movePointLeft(4));
  }

  private static void requireNonNegative(BigDecimal value, String what) {
    Objects.requireNonNull(value, what);
    if (value.signum() < 0) {
      throw new IllegalArgumentException(what + " must not be negative: " + value.toPlainString());
    }
  }
}
