package org.peaktrade.engine.risk;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
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
 *
 * <p>{@link #check} is the whole check; a session splits it in two around its risk-gate actor: {@link #inputs} (what
 * the gate is asked with) and {@link #record} (the gate's answer counted towards the throttle window).
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
    RiskDecision decision = inputs(positions, prices, now).map(in -> risk.check(order, in)).orElseGet(
        RiskAccount::accountUnknown);
    record(decision, now);
    return decision;
  }

  /**
   * What the check of an order at {@code now} is asked with; empty before the first equity mark (the order is then
   * blocked: {@link #accountUnknown}). Orders older than the throttle window stop counting.
   */
  public Optional<RiskInputs> inputs(Map<Symbol, BigDecimal> positions, Map<Symbol, MarketPrice> prices,
      Instant now) {
    if (equity == null) {
      return Optional.empty();
    }
    while (!submitted.isEmpty() && !submitted.peekFirst().isAfter(now.minus(risk.limits().orderWindow()))) {
      submitted.pollFirst();
    }
    return Optional.of(new RiskInputs(positions, prices, equity, startOfDay, peak, submitted.size(), now));
  }

  /** Counts an allowed decision made at {@code now} towards the throttle window; a blocked one does not count. */
  public void record(RiskDecision decision, Instant now) {
    if (decision.allowed()) {
      submitted.addLast(now);
    }
  }

  public PreTradeRisk risk() {
    return risk;
  }

  /** The decision for an order checked before the account had any state: blocked. */
  public static RiskDecision accountUnknown() {
    return RiskDecision.of(List.of(new RiskViolation(RiskCheck.ACCOUNT_UNKNOWN, RiskSeverity.BREACH, null,
        null, "no account state yet: the risk check blocks until it has one")));
  }
}
