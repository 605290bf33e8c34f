package org.peaktrade.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.peaktrade.engine.backtest.BacktestConfig;
import org.peaktrade.engine.backtest.BacktestEngine;
import org.peaktrade.engine.backtest.BacktestProgress;
import org.peaktrade.engine.backtest.BacktestResult;
import org.peaktrade.engine.data.LoadOptions;
import org.peaktrade.engine.data.LoadedBars;
import org.peaktrade.engine.data.MarketDataFiles;
import org.peaktrade.engine.execution.EntryStyle;
import org.peaktrade.engine.execution.FeeModel;
import org.peaktrade.engine.execution.Sizing;
import org.peaktrade.engine.execution.SlippageModel;
import org.peaktrade.engine.strategy.StrategyCatalog;
import org.peaktrade.protocol.Bar;
import org.peaktrade.protocol.Money;

/**
 * {@code ma-cross} (10/30) over 1,000,000 one-minute bars: the real engine (strategy, pipeline, fill model, exact
 * ledger, equity curve) against a bare loop over primitive arrays that computes the same crossovers and
 * next-open fills with doubles — the ceiling for any engine on this machine. One operation = one pass over
 * all bars, so bars/s = 1,000,000 / (seconds per op).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgs = {"-Xms2g", "-Xmx2g"})
public class BacktestBenchmark {
  static final int BARS = 1_000_000;

  /** fast:slow. 10:30 trades every ~25 bars on this data (78k fills); 500:2000 rarely, isolating per-bar cost. */
  @Param({"10:30", "500:2000"})
  public String windows;

  private Map<String, String> params;

  private LoadedBars loaded;
  private double[] open;
  private double[] close;
  private BacktestEngine engine;

  @Setup(Level.Trial)
  public void load() throws IOException {
    Path file = SyntheticBars.ensure(Path.of(System.getProperty("bench.data", "target/bench-1m.csv")), BARS);
    loaded = MarketDataFiles.load(file, LoadOptions.defaults());
    List<Bar> bars = loaded.bars();
    open = new double[bars.size()];
    close = new double[bars.size()];
    for (int i = 0; i < bars.size(); i++) {
      open[i] = bars.get(i).open().toDouble();
      close[i] = bars.get(i).close().toDouble();
    }
    String[] fastSlow = windows.split(":");
    params = Map.of("fast", fastSlow[0], "slow", fastSlow[1]);
    engine = new BacktestEngine(loaded.instrument(), new BacktestConfig(Money.of("10000"), Sizing.parse("qty:0.1"),
        FeeModel.flat(java.math.BigDecimal.TEN), SlippageModel.NONE, EntryStyle.MARKET, true));
  }

  @Benchmark
  public BacktestResult engineMaCross() {
    return engine.run(loaded.bars(), StrategyCatalog.create("ma-cross", params), BacktestProgress.NONE);
  }

  @Benchmark
  public double bareLoopMaCross() {
    return BareLoop.maCross(open, close, Integer.parseInt(params.get("fast")), Integer.parseInt(params.get("slow")), 0.1,
        10_000, 0.001);
  }
}
