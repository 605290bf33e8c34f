package org.peaktrade.engine.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Writer;
import org.peaktrade.engine.backtest.BacktestStats;
import org.peaktrade.engine.metrics.TradeStatistics;
import org.peaktrade.engine.portfolio.Position;

/**
 * {@code stats.json}: every metric under a snake_case key. Money is written as exact decimal numbers;
 * a ratio that is undefined (NaN) or unbounded (profit factor without losses) is written as {@code null}.
 */
public final class StatsJson {
  private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private StatsJson() {}

  public static void write(BacktestReport report, Writer out) throws IOException {
    MAPPER.writeValue(out, toJson(report));
  }

  public static ObjectNode toJson(BacktestReport report) {
    BacktestStats s = report.stats();
    TradeStatistics t = s.trades();
    ObjectNode root = MAPPER.createObjectNode();
    root.put("strategy", report.strategy());
    ObjectNode params = root.putObject("params");
    report.params().forEach(params::put);
    root.put("symbol", report.symbol().value());
    root.put("data", report.dataFile());
    root.put("start", s.start().toString());
    root.put("end", s.end().toString());
    root.put("bars", s.bars());
    root.put("bar_interval", s.barInterval().toString());
    root.put("days_per_year", s.daysPerYear());
    root.put("periods_per_year", s.periodsPerYear());
    root.put("starting_cash", s.startingCash().amount());
    root.put("final_equity", s.finalEquity().amount());
    root.put("final_cash", s.finalCash().amount());
    root.put("total_fees", s.totalFees().amount());
    ratio(root, "total_return", s.totalReturn());
    ratio(root, "cagr", s.cagr());
    ratio(root, "annual_volatility", s.annualVolatility());
    ratio(root, "sharpe", s.sharpe());
    ratio(root, "sortino", s.sortino());
    ratio(root, "calmar", s.calmar());
    ratio(root, "max_drawdown", s.maxDrawdown());
    root.put("max_drawdown_duration", s.maxDrawdownDuration().toString());
    ratio(root, "exposure", s.exposure());
    root.put("trades", t.numberOfTrades());
    root.put("winning_trades", t.winningTrades());
    root.put("losing_trades", t.losingTrades());
    ratio(root, "win_rate", t.winRate());
    ratio(root, "profit_factor", t.profitFactor());
    root.put("expectancy", t.expectancy());
    root.put("average_win", t.averageWin());
    root.put("average_loss", t.averageLoss());
    root.put("largest_win", t.largestWin());
    root.put("largest_loss", t.largestLoss());
    Position open = report.result().finalPosition();
    root.put("open_position", open.quantity());
    root.put("open_orders", report.result().openOrders().size());
    if (report.config().risk() != null) {
      root.put("orders_blocked_by_risk", report.result().ordersBlockedByRisk());
      root.put("orders_with_risk_warnings",
          report.result().riskOutcomes().stream().filter(o -> o.submitted()).count());
    }
    return root;
  }

  private static void ratio(ObjectNode node, String key, double value) {
    if (Double.isFinite(value)) {
      node.put(key, value);
    } else {
      node.putNull(key);
    }
  }
}
