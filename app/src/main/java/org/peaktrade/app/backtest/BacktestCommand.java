package org.peaktrade.app.backtest;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.peaktrade.actors.risk.RiskConfig;
import org.peaktrade.app.ExitCodes;
import org.peaktrade.engine.backtest.BacktestConfig;
import org.peaktrade.engine.backtest.BacktestEngine;
import org.peaktrade.engine.backtest.BacktestResult;
import org.peaktrade.engine.backtest.BacktestStats;
import org.peaktrade.engine.data.BarInterval;
import org.peaktrade.engine.data.LoadedBars;
import org.peaktrade.engine.execution.EntryStyle;
import org.peaktrade.engine.execution.FeeModel;
import org.peaktrade.engine.execution.ParticipationLimit;
import org.peaktrade.engine.execution.Sizing;
import org.peaktrade.engine.execution.SlippageModel;
import org.peaktrade.engine.optimize.Objective;
import org.peaktrade.engine.optimize.ParameterGrid;
import org.peaktrade.engine.optimize.ParameterRange;
import org.peaktrade.engine.optimize.RankedRun;
import org.peaktrade.engine.optimize.WalkForwardPlan;
import org.peaktrade.engine.report.BacktestReport;
import org.peaktrade.engine.report.CsvReports;
import org.peaktrade.engine.report.HtmlReport;
import org.peaktrade.engine.report.StatsJson;
import org.peaktrade.engine.risk.RiskLimits;
import org.peaktrade.engine.strategy.StrategyCatalog;
import org.peaktrade.engine.strategy.StrategyDefinition;
import org.peaktrade.protocol.Decimals;
import org.peaktrade.protocol.Money;
import org.peaktrade.app.cli.DataFileOptions;
import org.peaktrade.app.node.NodeConfigCheck;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code peak-trade backtest}: one run, a parameter sweep, or a walk-forward analysis on a data file. */
@Command(name = "backtest", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Backtest a strategy on historical bars with next-bar fills, fees and slippage.",
        "Writes fills.csv, trades.csv, equity.csv, stats.json and report.html to --out."},
    footer = {"%nExamples:",
        "  peak-trade backtest --data data/demo/btc-perp-1m-2022-01.csv --strategy ma-cross --param fast=10",
        "  peak-trade backtest --data data/demo/btc-5m-2023-01.csv --strategy ma-cross "
            + "--sweep fast=5..50:5 --sweep slow=20..200:10",
        "  peak-trade backtest --data data/demo/btc-perp-1m-2022-01.csv --strategy ma-cross --sweep fast=5..20:5 "
            + "--walk-forward train=7d,test=3d",
        "Strategies: see docs/strategies.md or an error message from --strategy help."})
public final class BacktestCommand implements Callable<Integer> {

  @Mixin
  DataFileOptions input;

  @Option(names = "--strategy", required = true, paramLabel = "NAME", description = "Strategy name, e.g. ma-cross.")
  String strategy;

  @Option(names = "--param", paramLabel = "KEY=VALUE", description = "Strategy parameter, repeatable.")
  Map<String, String> params = new LinkedHashMap<>();

  @Option(names = "--cash", defaultValue = "10000", description = "Starting cash in quote currency (default: ${DEFAULT-VALUE}).")
  String cash;

  @Option(names = "--size", defaultValue = "equity-pct:95", paramLabel = "SIZING",
      description = "qty:Q, notional:N or equity-pct:P (default: ${DEFAULT-VALUE}).")
  String size;

  @Option(names = "--fee-bps", defaultValue = "10", description = "Taker fee in bps (default: ${DEFAULT-VALUE}).")
  String feeBps;

  @Option(names = "--maker-fee-bps", description = "Maker fee in bps for resting limit fills (default: --fee-bps).")
  String makerFeeBps;

  @Option(names = "--slippage-bps", defaultValue = "2", description = "Slippage on taker fills in bps (default: ${DEFAULT-VALUE}).")
  String slippageBps;

  @Option(names = "--entry", defaultValue = "market", paramLabel = "STYLE",
      description = "Entry orders: market, limit:BPS[:BARS] or stop:BPS[:BARS] (default: ${DEFAULT-VALUE}). Exits are market.")
  String entry;

  @Option(names = "--allow-short", description = "Let SHORT signals open short positions (otherwise they go flat).")
  boolean allowShort;

  @Option(names = "--out", defaultValue = "out/backtest", paramLabel = "DIR", description = "Output directory (default: ${DEFAULT-VALUE}).")
  Path out;

  @Option(names = "--max-participation-pct", paramLabel = "PCT",
      description = "Let the orders together fill at most PCT %% of each bar's volume (0 < PCT <= 100); the rest keeps "
          + "resting for the next bars, as on a session's paper venue. Default: any size fills at once.")
  String maxParticipationPct;

  @Option(names = "--risk", paramLabel = "CONFIG",
      description = "HOCON file with peaktrade.risk limits: orders are checked as in live trading; writes risk.csv.")
  Path riskConfig;

  @Option(names = "--risk-portfolio", paramLabel = "NAME", description = "Portfolio in the --risk file (default: its defaults).")
  String riskPortfolio;

  @Option(names = "--days-per-year", defaultValue = "365", description = "Annualisation (default: ${DEFAULT-VALUE}; 252 for stocks).")
  int daysPerYear;

  @Option(names = "--sweep", paramLabel = "NAME=FROM..TO:STEP", description = "Sweep a parameter (repeatable); writes sweep.csv.")
  List<String> sweeps = List.of();

  @Option(names = "--walk-forward", paramLabel = "train=90d,test=30d[,step=30d]",
      description = "Walk-forward analysis with the sweep grid; writes walk-forward.csv.")
  String walkForward;

  @Option(names = "--objective", defaultValue = "sharpe", description = "What sweeps maximise: sharpe, sortino, calmar, "
      + "total-return, cagr, profit-factor (default: ${DEFAULT-VALUE}).")
  String objective;

  @Option(names = "--threads", description = "Threads for sweeps (default: all cores).")
  Integer threads;

  @Override
  public Integer call() throws IOException {
    StrategyDefinition definition = StrategyCatalog.get(strategy);
    BacktestConfig config = config();
    Objective goal = Objective.parse(objective);
    List<Map<String, String>> grid =
        ParameterGrid.combinations(params, sweeps.stream().map(ParameterRange::parse).toList());
    Optional<WalkForwardPlan> plan = Optional.ofNullable(walkForward).map(WalkForwardPlan::parse);
    if (daysPerYear < 1 || daysPerYear > 366) {
      throw new IllegalArgumentException("--days-per-year must be between 1 and 366: " + daysPerYear);
    }
    definition.create(grid.get(0));

    PrintStream console = System.out;
    LoadedBars loaded = input.load();
    console.printf("Loaded %,d bars of %s %s from %s%n", loaded.bars().size(), BarInterval.format(loaded.interval()),
        loaded.symbol(), input.file());
    if (!loaded.skipped().isEmpty()) {
      console.printf("Skipped %d bad rows; first: %s%n", loaded.skipped().size(), loaded.skipped().get(0));
    }
    Files.createDirectories(out);
    SweepRunner sweepRunner = new SweepRunner(loaded.instrument(), config, definition.name(), daysPerYear,
        threads == null ? Runtime.getRuntime().availableProcessors() : threads);

    Map<String, String> chosen = grid.get(0);
    if (plan.isPresent()) {
      ConsoleProgress progress = new ConsoleProgress(System.err, "windows", 1);
      List<WalkForwardRunner.WindowResult> windows =
          new WalkForwardRunner(sweepRunner).run(loaded.bars(), plan.get(), grid, goal, progress);
      progress.finish();
      try (BufferedWriter w = Files.newBufferedWriter(out.resolve("walk-forward.csv"))) {
        OptimizationTables.writeWalkForward(windows, goal, w);
      }
      Summaries.printWalkForward(console, windows, goal, out.resolve("walk-forward.csv"));
      return ExitCodes.OK;
    }
    if (grid.size() > 1) {
      ConsoleProgress progress = new ConsoleProgress(System.err, "runs", 1);
      List<RankedRun> ranked = sweepRunner.run(loaded.bars(), 0, grid, goal, progress);
      progress.finish();
      try (BufferedWriter w = Files.newBufferedWriter(out.resolve("sweep.csv"))) {
        OptimizationTables.writeSweep(ranked, goal, w);
      }
      Summaries.printSweep(console, ranked, goal, out.resolve("sweep.csv"));
      chosen = ranked.get(0).params();
      console.println("Full report for the best combination follows.");
    }

    ConsoleProgress progress = new ConsoleProgress(System.err, "bars", 1 << 14);
    BacktestResult result = new BacktestEngine(loaded.instrument(), config)
        .run(loaded.bars(), definition.create(chosen), progress);
    progress.finish();
    BacktestStats stats = BacktestStats.of(result, loaded.bars().get(0).openTime(), loaded.interval(), daysPerYear);
    BacktestReport report = new BacktestReport(definition.name(), definition.effectiveParameters(chosen), loaded.symbol(),
        input.file().getFileName().toString(), config, result, stats);
    writeOutputs(report);
    Summaries.printRun(console, report, out);
    return ExitCodes.OK;
  }

  private BacktestConfig config() {
    BigDecimal taker = Decimals.parse(feeBps, "--fee-bps");
    BigDecimal maker = makerFeeBps == null ? taker : Decimals.parse(makerFeeBps, "--maker-fee-bps");
    RiskLimits risk = null;
    if (riskConfig != null) {
      if (!Files.isRegularFile(riskConfig)) {
        throw new IllegalArgumentException("--risk file not found: " + riskConfig);
      }
      Config limits = ConfigFactory.parseFile(riskConfig.toFile()).resolve();
      NodeConfigCheck.refuseUnknownKeys(limits);
      RiskConfig.validateAll(limits);
      risk = RiskConfig.limits(limits, riskPortfolio, null);
    } else if (riskPortfolio != null) {
      throw new IllegalArgumentException("--risk-portfolio needs --risk CONFIG");
    }
    return new BacktestConfig(new Money(Decimals.parse(cash, "--cash")), Sizing.parse(size), new FeeModel(maker, taker),
        new SlippageModel(Decimals.parse(slippageBps, "--slippage-bps")), EntryStyle.parse(entry), allowShort, risk,
        participation());
  }

  private ParticipationLimit participation() {
    if (maxParticipationPct == null) {
      return ParticipationLimit.NONE;
    }
    try {
      return ParticipationLimit.percentOfBarVolume(Decimals.parse(maxParticipationPct, "--max-participation-pct"));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--max-participation-pct " + maxParticipationPct + ": " + e.getMessage(), e);
    }
  }

  private void writeOutputs(BacktestReport report) throws IOException {
    try (BufferedWriter w = Files.newBufferedWriter(out.resolve("fills.csv"))) {
      CsvReports.writeFills(report.result(), w);
    }
    try (BufferedWriter w = Files.newBufferedWriter(out.resolve("trades.csv"))) {
      CsvReports.writeTrades(report.result(), w);
    }
    try (BufferedWriter w = Files.newBufferedWriter(out.resolve("equity.csv"))) {
      CsvReports.writeEquity(report.result(), w);
    }
    if (report.config().risk() != null) {
      try (BufferedWriter w = Files.newBufferedWriter(out.resolve("risk.csv"))) {
        CsvReports.writeRisk(report.result(), w);
      }
    }
    try (BufferedWriter w = Files.newBufferedWriter(out.resolve("stats.json"))) {
      StatsJson.write(report, w);
    }
    try (BufferedWriter w = Files.newBufferedWriter(out.resolve("report.html"))) {
      HtmlReport.write(report, w);
    }
  }
}
