package org.peaktrade.engine.portfolio;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.peaktrade.protocol.Bar;
import org.peaktrade.protocol.Fill;
import org.peaktrade.protocol.Money;
import org.peaktrade.protocol.session.EquityPoint;

/**
 * An account's equity bar by bar, from what it holds no copy of: the bars (the node's candle store) and its fills.
 * The point of a bar is the equity at its close with every fill of that bar and before booked (a fill's time is the
 * open of the bar it filled on) — what a session marked when it processed the bar. Pure: exact, no clock.
 */
public final class EquityMarks {
  private EquityMarks() {}

  /**
   * The points of {@code bars} (one series, oldest first) for an account that started with {@code startingCash} and
   * has {@code fills} (any order; those after the last bar are left out).
   */
  public static List<EquityPoint> of(Money startingCash, List<Fill> fills, List<Bar> bars) {
    List<Fill> byTime = new ArrayList<>(fills);
    byTime.sort(Comparator.comparing(Fill::time));
    Ledger ledger = new Ledger(startingCash);
    List<EquityPoint> points = new ArrayList<>(bars.size());
    int next = 0;
    for (Bar bar : bars) {
      while (next < byTime.size() && !byTime.get(next).time().isAfter(bar.openTime())) {
        ledger.apply(byTime.get(next++));
      }
      points.add(new EquityPoint(bar.closeTime(), ledger.equity(bar.symbol(), bar.close())));
    }
    return points;
  }
}
