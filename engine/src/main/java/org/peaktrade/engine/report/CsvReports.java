package org.peaktrade.engine.report;

import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import org.peaktrade.engine.backtest.BacktestResult;
import org.peaktrade.engine.backtest.EquityCurve;
import org.peaktrade.engine.trading.RiskOutcome;
import org.peaktrade.engine.portfolio.RoundTrip;
import org.peaktrade.protocol.risk.RiskViolation;
import org.peaktrade.protocol.Fill;
import org.peaktrade.protocol.Side;

/** The backtest's CSV outputs. Times are ISO-8601 UTC; money, prices and quantities are exact decimals. */
public final class CsvReports {
  private CsvReports() {}

  /** {@code time,side,qty,price,fee}, one row per fill in time order. */
  public static void writeFills(BacktestResult result, Writer out) throws IOException {
    out.write("time,side,qty,price,fee\n");
    for (Fill fill : result.fills()) {
      out.write(fill.time() + "," + fill.side().name().toLowerCase() + "," + fill.quantity() + "," + fill.price() + ","
          + fill.fee() + "\n");
    }
  }

  /** {@code entry_time,exit_time,side,qty,entry_price,exit_price,pnl,fees}; pnl is net of both fees. */
  public static void writeTrades(BacktestResult result, Writer out) throws IOException {
    out.write("entry_time,exit_time,side,qty,entry_price,exit_price,pnl,fees\n");
    for (RoundTrip trip : result.trades()) {
      out.write(trip.entryTime() + "," + trip.exitTime() + "," + (trip.side() == Side.BUY ? "long" : "short") + ","
          + trip.quantity().toPlainString() + "," + trip.entryPrice() + "," + trip.exitPrice() + "," + trip.netPnl()
          + "," + trip.fees() + "\n");
    }
  }

  /** {@code time,equity,drawdown}: equity marked at each bar close and its fall from the running peak. */
  public static void writeEquity(BacktestResult result, Writer out) throws IOException {
    out.write("time,equity,drawdown\n");
    EquityCurve curve = result.equityCurve();
    double[] drawdowns = curve.drawdowns(result.startingCash().toDouble());
    StringBuilder line = new StringBuilder(64);
    for (int i = 0; i < curve.size(); i++) {
      line.setLength(0);
      line.append(Instant.ofEpochMilli(curve.closeTimesMillis()[i])).append(',');
      FixedPoint.append8(line, curve.equity()[i]).append(',');
      FixedPoint.append8(line, drawdowns[i]).append('\n');
      out.write(line.toString());
    }
  }

  /**
   * {@code time,order_id,side,qty,submitted,severity,check,limit,observed,message}: one row per violation of every
   * order the risk check warned about or blocked.
   */
  public static void writeRisk(BacktestResult result, Writer out) throws IOException {
    out.write("time,order_id,side,qty,submitted,severity,check,limit,observed,message\n");
    for (RiskOutcome outcome : result.riskOutcomes()) {
      for (RiskViolation v : outcome.decision().violations()) {
        out.write(outcome.order().createdAt() + "," + outcome.order().id() + ","
            + outcome.order().side().name().toLowerCase() + "," + outcome.order().quantity() + "," + outcome.submitted()
            + "," + v.severity() + "," + v.check() + "," + plain(v.limit()) + "," + plain(v.observed()) + ",\""
            + v.message().replace("\"", "'") + "\"\n");
      }
    }
  }

  private static String plain(java.math.BigDecimal value) {
    return value == null ? "" : value.stripTrailingZeros().toPlainString();
  }
}
