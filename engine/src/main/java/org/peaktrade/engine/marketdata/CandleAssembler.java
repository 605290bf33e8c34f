package org.peaktrade.engine.marketdata;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.peaktrade.protocol.Bar;
import org.peaktrade.protocol.Quantity;
import org.peaktrade.protocol.Symbol;

/**
 * Turns a feed of running candles (Kraken's ohlc channel sends the forming candle again on every trade) into
 * closed bars. A candle is closed only when a candle with a later open time arrives; the forming one is never
 * emitted. Intervals without trades are absent on the WebSocket but present in REST OHLC as flat candles
 * (O=H=L=C = previous close, volume 0): this assembler emits the same flat bars for the skipped intervals, so a
 * live feed and a REST backfill of the same period produce identical bar series.
 */
public final class CandleAssembler {
  private final Symbol symbol;
  private final Duration interval;
  private Bar forming;

  public CandleAssembler(Symbol symbol, Duration interval) {
    this.symbol = Objects.requireNonNull(symbol, "symbol");
    this.interval = Objects.requireNonNull(interval, "interval");
  }

  /** What one running-candle update did: the bars it closed, or why it was rejected. */
  public record Outcome(List<Bar> closed, String rejection) {
    public Outcome {
      closed = List.copyOf(closed);
    }

    public boolean rejected() {
      return rejection != null;
    }
  }

  public Outcome onRunningCandle(Bar running) {
    if (!running.symbol().equals(symbol) || !running.interval().equals(interval)) {
      return new Outcome(List.of(), "candle for " + running.symbol() + " " + running.interval() + " fed to the "
          + symbol + " " + interval + " assembler");
    }
    if (running.openTime().toEpochMilli() % interval.toMillis() != 0) {
      return new Outcome(List.of(), "candle open time " + running.openTime() + " is not on the " + interval + " grid");
    }
    if (forming == null || running.openTime().equals(forming.openTime())) {
      forming = running;
      return new Outcome(List.of(), null);
    }
    if (running.openTime().isBefore(forming.openTime())) {
      return new Outcome(List.of(), "candle at " + running.openTime() + " is older than the forming candle at "
          + forming.openTime());
    }
    List<Bar> closed = new ArrayList<>();
    closed.add(forming);
    for (Instant t = forming.closeTime(); t.isBefore(running.openTime()); t = t.plus(interval)) {
      closed.add(new Bar(symbol, t, interval, forming.close(), forming.close(), forming.close(), forming.close(),
          Quantity.ZERO));
    }
    forming = running;
    return new Outcome(closed, null);
  }

  /** The candle still forming (never a closed bar). */
  public Optional<Bar> forming() {
    return Optional.ofNullable(forming);
  }
}
