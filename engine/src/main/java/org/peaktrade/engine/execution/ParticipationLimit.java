package org.peaktrade.engine.execution;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;
import org.peaktrade.protocol.Bar;

/**
 * How much of a bar's traded volume simulated fills may take. {@link #NONE} fills any size at once, as the backtest
 * does; {@link ShareOfBarVolume} lets all of a session's orders together fill at most {@code percent} % of each
 * bar's volume, and the rest keeps resting for the next bar.
 */
public sealed interface ParticipationLimit {

  ParticipationLimit NONE = new Unlimited();

  /** The exact base quantity a bar allows, before lot rounding; empty when unlimited. */
  Optional<BigDecimal> budget(Bar bar);

  static ParticipationLimit percentOfBarVolume(BigDecimal percent) {
    return new ShareOfBarVolume(percent);
  }

  record Unlimited() implements ParticipationLimit {
    @Override
    public Optional<BigDecimal> budget(Bar bar) {
      return Optional.empty();
    }
  }

  /** 0 &lt; percent &le; 100. */
  record ShareOfBarVolume(BigDecimal percent) implements ParticipationLimit {
    public ShareOfBarVolume {
      Objects.requireNonNull(percent, "participation percent");
      if (percent.signum() <= 0 || percent.compareTo(BigDecimal.valueOf(100)) > 0) {
        throw new IllegalArgumentException("participation must be in (0, 100] percent of bar volume: "
            + percent.toPlainString());
      }
    }

    @Override
    public Optional<BigDecimal> budget(Bar bar) {
      return Optional.of(bar.volume().value().multiply(percent.movePointLeft(2)));
    }
  }
}
