package org.peaktrade.engine.report;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;
import org.peaktrade.engine.backtest.BacktestStats;
import org.peaktrade.engine.backtest.EquityCurve;
import org.peaktrade.engine.metrics.TradeStatistics;
import org.peaktrade.engine.portfolio.RoundTrip;
import org.peaktrade.protocol.Side;

/**
 * {@code report.html}: one self-contained page (inline CSS and SVG, no scripts, no network) with the run's
 * settings, metrics (money rounded for reading), equity and drawdown charts, and the trades (the first {@value #MAX_TRADE_ROWS}; all of
 * them are in trades.csv).
 */
public final class HtmlReport {
  static final int MAX_TRADE_ROWS = 500;
  private static final String STYLE = "body{font-family:system-ui,sans-serif;margin:24px;color:#222}"
      + "table{border-collapse:collapse;margin:8px 0}td,th{padding:3px 10px;border-bottom:1px solid #ddd;"
      + "text-align:right}th{background:#f4f4f4}td:first-child,th:first-child{text-align:left}"
      + ".axis{font-size:11px;fill:#555}figure{margin:16px 0}figcaption{font-weight:600}"
      + ".metrics{display:grid;grid-template-columns:repeat(auto-fill,minmax(220px,1fr));gap:2px 24px}"
      + ".pos{color:#0a7d27}.neg{color:#b3261e}";

  private HtmlReport() {}

  public static void write(BacktestReport report, Writer out) throws IOException {
    BacktestStats s = report.stats();
    EquityCurve curve = report.result().equityCurve();
    StringBuilder html = new StringBuilder(64 * 1024);
    html.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
        .append(Html.escape("Backtest " + report.strategy() + " " + report.symbol())).append("</title><style>")
        .append(STYLE).append("</style></head><body>");
    html.append("<h1>Backtest: ").append(Html.escape(report.strategy())).append(" on ")
        .append(Html.escape(report.symbol().value())).append("</h1>");
    html.append("<p>Data ").append(Html.escape(report.dataFile())).append(", ").append(s.bars()).append(" bars of ")
        .append(s.barInterval()).append(", ").append(Html.time(s.start())).append(" to ").append(Html.time(s.end()))
        .append(" UTC.<br>Parameters ").append(Html.escape(report.params().toString())).append("; ")
        .append(Html.escape(report.settingsLine())).append(".</p>");
    metrics(html, s);
    html.append(SvgLineChart.render("Equity", curve.closeTimesMillis(), curve.equity(), "#1f5fbf", false));
    html.append(SvgLineChart.render("Drawdown", curve.closeTimesMillis(),
        curve.drawdowns(s.startingCash().toDouble()), "#b3261e", true));
    trades(html, report.result().trades());
    html.append("</body></html>\n");
    out.write(html.toString());
  }

  private static void metrics(StringBuilder html, BacktestStats s) {
    TradeStatistics t = s.trades();
    html.append("<h2>Metrics</h2><div class=\"metrics\">");
    row(html, "Final equity", money(s.finalEquity().amount()));
    row(html, "Final cash", money(s.finalCash().amount()));
    row(html, "Total return", percent(s.totalReturn()));
    row(html, "CAGR", percent(s.cagr()));
    row(html, "Annual volatility", percent(s.annualVolatility()));
    row(html, "Sharpe", number(s.sharpe()));
    row(html, "Sortino", number(s.sortino()));
    row(html, "Calmar", number(s.calmar()));
    row(html, "Max drawdown", percent(s.maxDrawdown()));
    row(html, "Max drawdown duration", s.maxDrawdownDuration().toString());
    row(html, "Exposure", percent(s.exposure()));
    row(html, "Trades", Integer.toString(t.numberOfTrades()));
    row(html, "Win rate", percent(t.winRate()));
    row(html, "Profit factor", number(t.profitFactor()));
    row(html, "Expectancy", money(t.expectancy()));
    row(html, "Average win", money(t.averageWin()));
    row(html, "Average loss", money(t.averageLoss()));
    row(html, "Total fees", money(s.totalFees().amount()));
    html.append("</div>");
  }

  private static void row(StringBuilder html, String name, String value) {
    html.append("<div><b>").append(name).append(":</b> ").append(Html.escape(value)).append("</div>");
  }

  private static void trades(StringBuilder html, List<RoundTrip> trades) {
    html.append("<h2>Trades (").append(trades.size()).append(")</h2>");
    if (trades.size() > MAX_TRADE_ROWS) {
      html.append("<p>The first ").append(MAX_TRADE_ROWS).append(" trades; trades.csv has all of them.</p>");
    }
    html.append("<table><tr><th>Entry</th><th>Exit</th><th>Side</th><th>Qty</th><th>Entry price</th>")
        .append("<th>Exit price</th><th>P&amp;L</th><th>Fees</th></tr>");
    for (RoundTrip trip : trades.subList(0, Math.min(trades.size(), MAX_TRADE_ROWS))) {
      html.append("<tr><td>").append(Html.time(trip.entryTime())).append("</td><td>").append(Html.time(trip.exitTime()))
          .append("</td><td>").append(trip.side() == Side.BUY ? "long" : "short").append("</td><td>")
          .append(trip.quantity().toPlainString()).append("</td><td>").append(trip.entryPrice()).append("</td><td>")
          .append(trip.exitPrice()).append("</td><td class=\"").append(trip.netPnl().signum() < 0 ? "neg" : "pos")
          .append("\">").append(money(trip.netPnl().amount())).append("</td><td>").append(money(trip.fees().amount()))
          .append("</td></tr>");
    }
    html.append("</table>");
  }

  /**
   * Money for reading: cents for amounts of at least 1, up to 8 decimals below that (quotes in BTC). The exact
   * values are in the CSV files and stats.json.
   */
  static String money(BigDecimal amount) {
    if (amount.abs().compareTo(BigDecimal.ONE) >= 0) {
      return amount.setScale(2, RoundingMode.HALF_EVEN).toPlainString();
    }
    BigDecimal small = amount.setScale(8, RoundingMode.HALF_EVEN).stripTrailingZeros();
    return small.signum() == 0 ? "0" : small.toPlainString();
  }

  private static String percent(double value) {
    return Double.isFinite(value) ? String.format(Locale.ROOT, "%.2f%%", value * 100) : "n/a";
  }

  private static String number(double value) {
    return Double.isFinite(value) ? String.format(Locale.ROOT, "%.3f", value)
        : Double.isNaN(value) ? "n/a" : (value > 0 ? "+∞" : "−∞");
  }
}
