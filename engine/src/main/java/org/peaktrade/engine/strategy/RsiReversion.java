package org.peaktrade.engine.strategy;

import java.util.List;
import org.peaktrade.engine.indicator.Rsi;
import org.peaktrade.protocol.Bar;

/**
 * {@code rsi-reversion}: mean reversion on Wilder's RSI of the close, with level (not cross) entries.
 *
 * <p>Rule, checked in this order on every bar once the RSI is ready:
 * <ol>
 *   <li>RSI &lt; oversold: LONG.
 *   <li>RSI &gt; overbought: SHORT.
 *   <li>LONG and RSI &gt; exit, or SHORT and RSI &lt; exit: FLAT.
 *   <li>Otherwise hold.
 * </ol>
 * Requires oversold &lt; exit &lt; overbought, so an entry never coincides with its own exit. FLAT until the
 * RSI is ready ({@code period + 1} bars). Defaults period=14, oversold=30, overbought=70, exit=50.
 */
public final class RsiReversion implements Strategy {

  static final StrategyDefinition DEFINITION = new StrategyDefinition("rsi-reversion",
      "LONG when RSI < oversold until RSI > exit; SHORT when RSI > overbought until RSI < exit",
      List.of(ParameterSpec.period("period", 14, 1, "RSI period in bars"),
          ParameterSpec.decimal("oversold", "30", "0", "100", "RSI level below which to go long"),
          ParameterSpec.decimal("overbought", "70", "0", "100", "RSI level above which to go short"),
          ParameterSpec.decimal("exit", "50", "0", "100", "RSI level at which a position is closed")),
      p -> new RsiReversion(p.integer("period"), p.decimal("oversold"), p.decimal("overbought"), p.decimal("exit")));

  private final Rsi rsi;
  private final double oversold;
  private final double overbought;
  private final double exit;
  private Direction position = Direction.FLAT;

  public RsiReversion(int period, double oversold, double overbought, double exit) {
    if (!(oversold < exit && exit < overbought)) {
      throw new IllegalArgumentException("oversold < exit < overbought must hold but was oversold=" + oversold
          + ", exit=" + exit + ", overbought=" + overbought);
    }
    this.rsi = new Rsi(period);
    this.oversold = oversold;
    this.overbought = overbought;
    this.exit = exit;
  }

  @Override
  public Direction onBar(Bar bar) {
    rsi.update(bar.close().toDouble());
    if (!rsi.isReady()) {
      return position;
    }
    double value = rsi.value();
    if (value < oversold) {
      position = Direction.LONG;
    } else if (value > overbought) {
      position = Direction.SHORT;
    } else if (position == Direction.LONG && value > exit || position == Direction.SHORT && value < exit) {
      position = Direction.FLAT;
    }
    return position;
  }
}
