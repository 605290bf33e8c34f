package org.peaktrade.engine.optimize;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import org.peaktrade.engine.backtest.BacktestStats;

/** What a sweep maximises. An undefined value (NaN) ranks below every defined one. */
public enum Objective {
  SHARPE(BacktestStats::sharpe),
  SORTINO(BacktestStats::sortino),
  CALMAR(BacktestStats::calmar),
  TOTAL_RETURN(BacktestStats::totalReturn),
  CAGR(BacktestStats::cagr),
  PROFIT_FACTOR(s -> s.trades().profitFactor());

  private final ToDoubleFunction<BacktestStats> metric;

  Objective(ToDoubleFunction<BacktestStats> metric) {
    this.metric = metric;
  }

  public double of(BacktestStats stats) {
    return metric.applyAsDouble(stats);
  }

  /** The lower-case name with dashes, as the CLI takes it. */
  public String cliName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public static Objective parse(String text) {
    return Arrays.stream(values()).filter(o -> o.cliName().equals(text)).findFirst().orElseThrow(() ->
        new IllegalArgumentException("unknown objective '" + text + "'; valid: "
            + Arrays.stream(values()).map(Objective::cliName).toList()));
  }
}
