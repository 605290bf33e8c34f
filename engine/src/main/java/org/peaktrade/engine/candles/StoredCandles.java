package org.peaktrade.engine.candles;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.peaktrade.protocol.Bar;

/**
 * What a batch of one series is checked against: the newest candle the store keeps of the series, and the kept
 * candles whose open times fall in the batch's {@link CandleAppendCheck#windows window}.
 */
public record StoredCandles(Optional<Bar> latest, List<Bar> inWindow) {
  public static final StoredCandles NONE = new StoredCandles(Optional.empty(), List.of());

  public StoredCandles {
    Objects.requireNonNull(latest, "latest");
    inWindow = List.copyOf(inWindow);
  }
}
