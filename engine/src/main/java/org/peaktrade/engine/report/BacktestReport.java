package org.peaktrade.engine.report;

import java.util.Map;
import org.peaktrade.engine.backtest.BacktestConfig;
import org.peaktrade.engine.backtest.BacktestResult;
import org.peaktrade.engine.backtest.BacktestStats;
import org.peaktrade.protocol.Symbol;

/** Everything the report files show about one backtest run. */
public record BacktestReport(
    String strategy, Map<String, String> params, Symbol symbol, String dataFile, BacktestConfig config,
    BacktestResult result, BacktestStats stats) {

  /** The configuration as a user would type it, for report headers. */
  public String settingsLine() {
    return "cash " + config.startingCash() + ", size " + config.sizing().spec() + ", fee bps maker/taker "
        + config.fees().makerBps().toPlainString() + "/" + config.fees().takerBps().toPlainString() + ", slippage bps "
        + config.slippage().bps().toPlainString() + ", entry " + config.entry().spec() + (config.allowShort() ? ", shorts allowed" : "");
  }
}
