package org.peaktrade.engine.data;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.peaktrade.protocol.Bar;
import org.peaktrade.protocol.Instrument;
import org.peaktrade.protocol.Symbol;

/**
 * Bars read from one file, oldest first with strictly increasing, non-overlapping open times.
 *
 * <p>{@code instrument} is inferred from the data so that computed prices can be rounded to the data's
 * grid: its price scale is the largest number of decimal places in any open/high/low/close (trailing zeros
 * do not count, because exporters pad, e.g. {@code 90.540000}); its quantity scale is always 8, Kraken's
 * base-asset precision, because volume columns are often notional (the nautilus file) and say nothing
 * about lot size.
 *
 * <p>{@code skipped} lists the rows dropped under {@link LoadOptions#skipBadRows()}, in line order; {@code gaps} lists
 * the holes between consecutive bars, in line order (they are not errors, see {@link BarGap}).
 */
public record LoadedBars(Symbol symbol, Duration interval, List<Bar> bars, Instrument instrument,
    List<RowProblem> skipped, List<BarGap> gaps) {

  public LoadedBars {
    Objects.requireNonNull(symbol, "symbol");
    Objects.requireNonNull(interval, "interval");
    Objects.requireNonNull(instrument, "instrument");
    bars = List.copyOf(bars);
    skipped = List.copyOf(skipped);
    gaps = List.copyOf(gaps);
  }
}
