package org.peaktrade.engine.backtest;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import org.peaktrade.engine.execution.BarFillModel;
import org.peaktrade.engine.execution.ExecutionPipeline;
import org.peaktrade.engine.portfolio.Ledger;
import org.peaktrade.engine.portfolio.RoundTrip;
import org.peaktrade.engine.strategy.Direction;
import org.peaktrade.engine.strategy.Strategy;
import org.peaktrade.protocol.Bar;
import org.peaktrade.protocol.Fill;
import org.peaktrade.protocol.Instrument;
import org.peaktrade.protocol.Order;
import org.peaktrade.protocol.risk.RiskDecision;
import org.peaktrade.protocol.risk.RiskSeverity;

/**
 * Replays closed bars through a strategy, the execution pipeline, the fill model and the ledger. Per bar, in
 * this order: orders decided earlier are tried against the bar, equity is marked at its close, and only then
 * does the strategy see the bar; what it decides can fill on the next bar at the earliest. A strategy therefore
 * never trades at a price it has already seen. With risk limits configured, every order passes the same pre-trade
 * check as in a live session before it is submitted; a blocked order is recorded and never fills.
 */
public final class BacktestEngine {
  private static final String OWNER = "bt";

  private final Instrument instrument;
  private final BacktestConfig config;
  private final BarFillModel fillModel;

  public BacktestEngine(Instrument instrument, BacktestConfig config) {
    this.instrument = Objects.requireNonNull(instrument, "instrument");
    this.config = Objects.requireNonNull(config, "config");
    this.fillModel = new BarFillModel(config.fees(), config.slippage(), instrument);
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
    Ledger ledger = new Ledger(config.startingCash());
    ExecutionPipeline pipeline =
        new ExecutionPipeline(OWNER, instrument, config.sizing(), config.entry(), config.allowShort());
    Run run = new Run(bars.size());
    List<PendingOrder> pending = new ArrayList<>();
    BacktestRiskGate riskGate = config.risk() == null ? null
        : new BacktestRiskGate(config.risk(), instrument.symbol());
    // The per-bar mark uses double copies of cash and position, refreshed only when a fill changes them.
    BigDecimal position = BigDecimal.ZERO;
    double positionValue = 0;
    double cash = ledger.cash().toDouble();
    for (int i = 0; i < bars.size(); i++) {
      Bar bar = bars.get(i);
      if (!pending.isEmpty() && fillPending(pending, bar, ledger, run)) {
        position = ledger.position(instrument.symbol()).quantity();
        positionValue = position.doubleValue();
        cash = ledger.cash().toDouble();
      }
      run.mark(i, bar.openTime().toEpochMilli() + bar.interval().toMillis(), cash, positionValue,
          bar.close().toDouble());
      if (riskGate != null) {
        riskGate.mark(bar, ledger);
      }
      Direction wanted = strategy.onBar(bar);
      if (pipeline.changes(wanted)) {
        BigDecimal held = position;
        ExecutionPipeline.TargetChange change = pipeline
            .onTarget(wanted, held, bar.close(), () -> ledger.equity(instrument.symbol(), bar.close()), bar.closeTime())
            .orElseThrow();
        pending.forEach(p -> run.cancelled.add(p.order));
        pending.clear();
        for (Order order : change.orders()) {
          run.orders.add(order);
          RiskDecision decision = riskGate == null ? null : riskGate.check(order, ledger, bar);
          if (decision != null && decision.severity() != RiskSeverity.OK) {
            run.risk.add(new RiskOutcome(order, decision));
          }
          if (decision == null || decision.allowed()) {
            pending.add(new PendingOrder(order));
          }
        }
      }
      progress.barsDone(i + 1, bars.size());
    }
    Bar last = bars.get(bars.size() - 1);
    return new BacktestResult(List.copyOf(run.orders), List.copyOf(run.fills), List.copyOf(run.trades),
        List.copyOf(run.cancelled), List.copyOf(run.expired), pending.stream().map(p -> p.order).toList(),
        new EquityCurve(run.times, run.equity, run.exposed), config.startingCash(), ledger.cash(),
        ledger.equity(instrument.symbol(), last.close()), ledger.totalFees(), ledger.position(instrument.symbol()),
        List.copyOf(run.risk));
  }

  /** Tries every pending order against the bar; true if anything filled. */
  private boolean fillPending(List<PendingOrder> pending, Bar bar, Ledger ledger, Run run) {
    boolean filled = false;
    for (Iterator<PendingOrder> it = pending.iterator(); it.hasNext(); ) {
      PendingOrder p = it.next();
      var fill = fillModel.tryFill(p.order, bar);
      if (fill.isPresent()) {
        run.fills.add(fill.get());
        run.trades.addAll(ledger.apply(fill.get()));
        it.remove();
        filled = true;
      } else if (p.order.expiresAfterBars() > 0 && ++p.barsWaited >= p.order.expiresAfterBars()) {
        run.expired.add(p.order);
        it.remove();
      }
    }
    return filled;
  }

  private static final class PendingOrder {
    final Order order;
    int barsWaited;

    PendingOrder(Order order) {
      this.order = order;
    }
  }

  /** The mutable collections of one run. */
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

    Run(int size) {
      times = new long[size];
      equity = new double[size];
      exposed = new boolean[size];
    }

    void mark(int i, long closeTimeMillis, double cash, double position, double close) {
      times[i] = closeTimeMillis;
      exposed[i] = position != 0;
      equity[i] = cash + position * close;
    }
  }
}
