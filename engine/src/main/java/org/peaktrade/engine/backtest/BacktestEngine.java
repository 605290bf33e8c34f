package org.peaktrade.engine.backtest;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.peaktrade.engine.portfolio.RoundTrip;
import org.peaktrade.engine.strategy.Strategy;
import org.peaktrade.engine.trading.BarStep;
import org.peaktrade.engine.trading.Decision;
import org.peaktrade.engine.trading.OrderAdmission;
import org.peaktrade.engine.trading.RiskOutcome;
import org.peaktrade.engine.trading.TradingCore;
import org.peaktrade.protocol.Bar;
import org.peaktrade.protocol.Fill;
import org.peaktrade.protocol.Instrument;
import org.peaktrade.protocol.Order;
import org.peaktrade.protocol.OrderEvent;

/**
 * A backtest is a loop over the {@link TradingCore}, the same per-bar step a session takes: per bar, orders decided
 * earlier meet the bar, equity is marked at its close, and only then does the strategy see the bar; what it decides
 * can fill on the next bar at the earliest. A strategy therefore never trades at a price it has already seen. Every
 * order passes the core's pre-trade risk check when limits are configured (a blocked order is recorded and never
 * fills); nothing else refuses orders in a backtest.
 */
public final class BacktestEngine {
  private static final String OWNER = "bt";

  private final Instrument instrument;
  private final BacktestConfig config;

  public BacktestEngine(Instrument instrument, BacktestConfig config) {
    this.instrument = Objects.requireNonNull(instrument, "instrument");
    this.config = Objects.requireNonNull(config, "config");
  }

  public BacktestResult run(List<Bar> bars, Strategy strategy, BacktestProgress progress) {
    return run(bars, 0, strategy, progress);
  }

  /**
   * Runs with the first {@code warmupBars} bars shown to the strategy only: it warms its indicators there, and
   * trading and the equity curve start at bar {@code warmupBars} (used by walk-forward test windows).
   */
  public BacktestResult run(List<Bar> allBars, int warmupBars, Strategy strategy, BacktestProgress progress) {
    if (warmupBars < 0 || warmupBars >= allBars.size()) {
      throw new IllegalArgumentException("a backtest needs at least one bar after " + warmupBars + " warm-up bars; got "
          + allBars.size() + " bars");
    }
    allBars.subList(0, warmupBars).forEach(strategy::onBar);
    List<Bar> bars = allBars.subList(warmupBars, allBars.size());
    TradingCore core = new TradingCore(OWNER, instrument, config.terms());
    Run run = new Run(bars.size(), core);
    for (int i = 0; i < bars.size(); i++) {
      Bar bar = bars.get(i);
      BarStep step = core.onBar(bar);
      if (!step.isEmpty()) {
        run.record(step, core);
      }
      run.mark(i, bar.openTime().toEpochMilli() + bar.interval().toMillis(), bar.close().toDouble());
      Optional<Decision> decision = core.decide(bar, strategy.onBar(bar), OrderAdmission.ALWAYS, bar.closeTime());
      if (decision.isPresent()) {
        run.record(decision.get());
      }
      progress.barsDone(i + 1, bars.size());
    }
    Bar last = bars.get(bars.size() - 1);
    return new BacktestResult(List.copyOf(run.orders), List.copyOf(run.fills), List.copyOf(run.trades),
        List.copyOf(run.cancelled), List.copyOf(run.expired), core.resting(),
        new EquityCurve(run.times, run.equity, run.exposed), config.startingCash(), core.ledger().cash(),
        core.equity(last.close()), core.ledger().totalFees(), core.position(), List.copyOf(run.risk));
  }

  /**
   * The mutable collections of one run. The per-bar equity mark uses double copies of the core's exact cash and
   * position, refreshed only when a fill changes them, so a bar that fills nothing costs no exact arithmetic.
   */
  private static final class Run {
    final List<Order> orders = new ArrayList<>();
    final List<Fill> fills = new ArrayList<>();
    final List<RoundTrip> trades = new ArrayList<>();
    final List<Order> cancelled = new ArrayList<>();
    final List<Order> expired = new ArrayList<>();
    final List<RiskOutcome> risk = new ArrayList<>();
    final long[] times;
    final double[] equity;
    final boolean[] exposed;
    double cash;
    double position;

    Run(int size, TradingCore core) {
      times = new long[size];
      equity = new double[size];
      exposed = new boolean[size];
      cash = core.ledger().cash().toDouble();
    }

    void record(BarStep step, TradingCore core) {
      for (OrderEvent event : step.events()) {
        if (event instanceof OrderEvent.Filled filled) {
          fills.add(filled.fill());
        }
      }
      trades.addAll(step.trades());
      expired.addAll(step.expired());
      cash = core.ledger().cash().toDouble();
      position = core.position().quantity().doubleValue();
    }

    void record(Decision decision) {
      cancelled.addAll(decision.canceled());
      orders.addAll(decision.orders());
      risk.addAll(decision.risk());
    }

    void mark(int i, long closeTimeMillis, double close) {
      times[i] = closeTimeMillis;
      exposed[i] = position != 0;
      equity[i] = cash + position * close;
    }
  }
}
