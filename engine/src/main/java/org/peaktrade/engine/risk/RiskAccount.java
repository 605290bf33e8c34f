package org.peaktrade.engine.risk;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.peaktrade.protocol.Money;
import org.peaktrade.protocol.Order;
import org.peaktrade.protocol.Symbol;
import org.peaktrade.protocol.risk.RiskCheck;
import org.peaktrade.protocol.risk.RiskDecision;
import org.peaktrade.protocol.risk.RiskSeverity;
import org.peaktrade.protocol.risk.RiskViolation;

/**
 * The account history the pre-trade check needs, kept the same way in backtests and live sessions: equity now,
 * at the start of the UTC day (the last equity marked before the date changed) and at its peak, and the orders let
 * through within the throttle window. Until the first equity mark every order is blocked (fail closed).
 */
public final class RiskAccount {
  private final PreTradeRisk risk;
  private final ArrayDeque<Instant> submitted = new ArrayDeque<>();
  private LocalDate day;
  private Money equity;
  private Money startOfDay;
  private Money peak;

  public RiskAccount(PreTradeRisk risk) {
    this.risk = Objects.requireNonNull(risk, "risk");
  }

  /** Records the account's equity at {@code at}; the first mark of a new UTC date starts a new day. */
  public void markEquity(Money current, Instant at) {
    LocalDate date = LocalDate.ofInstant(at, ZoneOffset.UTC);
    if (equity == null) {
      startOfDay = current;
      peak = current;
    } else if (!date.equals(day)) {
      startOfDay = equity;
    }
    day = date;
    equity = current;
    peak = peak.max(current);
  }

  /** Checks an order at {@code now}; an allowed order counts towards the throttle window. */
  public RiskDecision check(Order order, Map<Symbol, BigDecimal> positions, Map<Symbol, MarketPrice> prices,
      Instant now) {
    if (equity == null) {
      return RiskDecision.of(List.of(new RiskViolation(RiskCheck.ACCOUNT_UNKNOWN, RiskSeverity.BREACH, null,
          null, "no account state yet: the risk check blocks until it has one")));
    }
    while (!submitted.isEmpty() && !submitted.peekFirst().isAfter(now.minus(risk.limits().orderWindow()))) {
      submitted.pollFirst();
    }
    RiskDecision decision =
        risk.check(order, new RiskInputs(positions, prices, equity, startOfDay, peak, submitted.size(), now));
    if (decision.allowed()) {
      submitted.addLast(now);
    }
    return decision;
  }
}
