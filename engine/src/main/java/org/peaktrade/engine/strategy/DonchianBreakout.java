package org.peaktrade.engine.strategy;

import java.util.List;
import org.peaktrade.engine.indicator.DonchianChannel;
import org.peaktrade.protocol.Bar;

/**
 * {@code donchian-breakout}: Turtle-style channel breakout on bar highs and lows.
 *
 * <p>Each bar's close is compared with the channels of the bars <em>before</em> it; only then is the bar added.
 * A channel that already held the current bar could never be exceeded by its close, and would look ahead.
 * Rule, in this order, once both channels hold enough earlier bars:
 * <ol>
 *   <li>close &gt; highest high of the previous {@code entry} bars: LONG.
 *   <li>close &lt; lowest low of the previous {@code entry} bars: SHORT.
 *   <li>LONG and close &lt; lowest low of the previous {@code exit} bars: FLAT.
 *   <li>SHORT and close &gt; highest high of the previous {@code exit} bars: FLAT.
 *   <li>Otherwise hold.
 * </ol>
 * The first decision is on bar number {@code max(entry, exit) + 1}. Defaults entry=20, exit=10.
 */
public final class DonchianBreakout implements Strategy {

  static final StrategyDefinition DEFINITION = new StrategyDefinition("donchian-breakout",
      "LONG above the previous entry-bar high, SHORT below the previous entry-bar low; exit on the exit channel",
      List.of(ParameterSpec.period("entry", 20, 1, "breakout channel length in bars"),
          ParameterSpec.period("exit", 10, 1, "exit channel length in bars")),
      p -> new DonchianBreakout(p.integer("entry"), p.integer("exit")));

  private final DonchianChannel entryChannel;
  private final DonchianChannel exitChannel;
  private Direction position = Direction.FLAT;

  public DonchianBreakout(int entryPeriod, int exitPeriod) {
    this.entryChannel = new DonchianChannel(entryPeriod);
    this.exitChannel = new DonchianChannel(exitPeriod);
  }

  @Override
  public Direction onBar(Bar bar) {
    if (entryChannel.isReady() && exitChannel.isReady()) {
      position = decide(bar.close().toDouble());
    }
    double high = bar.high().toDouble();
    double low = bar.low().toDouble();
    entryChannel.update(high, low);
    exitChannel.update(high, low);
    return position;
  }

  private Direction decide(double close) {
    if (close > entryChannel.upper()) {
      return Direction.LONG;
    }
    if (close < entryChannel.lower()) {
      return Direction.SHORT;
    }
    if (position == Direction.LONG && close < exitChannel.lower()
        || position == Direction.SHORT && close > exitChannel.upper()) {
      return Direction.FLAT;
    }
    return position;
  }
}
