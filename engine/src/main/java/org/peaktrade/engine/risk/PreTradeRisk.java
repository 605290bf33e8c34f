package org.peaktrade.engine.risk;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.peaktrade.protocol.Order;
import org.peaktrade.protocol.Side;
import org.peaktrade.protocol.Symbol;
import org.peaktrade.protocol.risk.RiskCheck;
import org.peaktrade.protocol.risk.RiskDecision;
import org.peaktrade.protocol.risk.RiskSeverity;
import org.peaktrade.protocol.risk.RiskViolation;

/**
 * The one pre-trade risk check, the same in backtests and live sessions. It evaluates every rule and reports every
 * violation. Amount limits are measured after the order and breach when reached exactly; count limits (open
 * positions, orders per window) are measured before it, so a limit of N lets N through. A value at or above the
 * warning fraction of a limit is a WARNING. Fail closed: a missing or stale price blocks. An order that only
 * reduces a position (never flips it) skips the exposure, open-position and loss limits, so a breached account can
 * always get out.
 */
public final class PreTradeRisk {
  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
  private static final BigDecimal BPS = BigDecimal.valueOf(10_000);

  private final RiskLimits limits;

  public PreTradeRisk(RiskLimits limits) {
    this.limits = Objects.requireNonNull(limits, "limits");
  }

  public RiskLimits limits() {
    return limits;
  }

  public RiskDecision check(Order order, RiskInputs in) {
    List<RiskViolation> violations = new ArrayList<>();
    Symbol symbol = order.symbol();
    if (limits.allowedSymbols() != null && !limits.allowedSymbols().contains(symbol)) {
      violations.add(new RiskViolation(RiskCheck.SYMBOL_NOT_ALLOWED, RiskSeverity.BREACH, null, null,
          symbol + " is not on the allowlist " + limits.allowedSymbols()));
    }
    BigDecimal before = in.position(symbol);
    BigDecimal signed = order.side() == Side.BUY ? order.quantity().value() : order.quantity().value().negate();
    BigDecimal after = before.add(signed);
    boolean reducing = before.signum() != 0 && after.abs().compareTo(before.abs()) < 0
        && (after.signum() == 0 || after.signum() == before.signum());

    upTo(violations, RiskCheck.MAX_ORDER_QUANTITY, limits.maxOrderQuantity(), order.quantity().value(),
        "order quantity");
    if (!reducing) {
      countLimit(violations, RiskCheck.ORDER_RATE, limits.maxOrdersPerWindow(), in.ordersInWindow(),
          "orders in the last " + limits.orderWindow().toSeconds() + "s");
      lossLimits(violations, in);
      if (before.signum() == 0) {
        countLimit(violations, RiskCheck.MAX_OPEN_POSITIONS, limits.maxOpenPositions(), openPositions(in.positions()),
            "open positions");
      }
    }
    MarketPrice mark = freshPrice(violations, symbol, in);
    if (mark == null) {
      return RiskDecision.of(violations);
    }
    BigDecimal price = order.price() != null ? order.price().value() : mark.price().value();
    BigDecimal notional = order.quantity().value().multiply(price);
    upTo(violations, RiskCheck.MAX_ORDER_NOTIONAL, limits.maxOrderNotional(), notional, "order notional");
    if (limits.minOrderNotional() != null && notional.compareTo(limits.minOrderNotional()) < 0) {
      violations.add(new RiskViolation(RiskCheck.MIN_ORDER_NOTIONAL, RiskSeverity.BREACH, limits.minOrderNotional(),
          notional, "order notional " + plain(notional) + " is below the minimum " + plain(limits.minOrderNotional())));
    }
    if (order.price() != null && limits.priceCollarBps() != null) {
      BigDecimal distanceBps = order.price().value().subtract(mark.price().value()).abs().multiply(BPS)
          .divide(mark.price().value(), MathContext.DECIMAL64);
      upTo(violations, RiskCheck.PRICE_COLLAR, limits.priceCollarBps(), distanceBps,
          "order price " + order.price() + " distance from market " + mark.price() + " in bps");
    }
    if (!reducing) {
      upTo(violations, RiskCheck.MAX_SYMBOL_EXPOSURE, limits.maxSymbolExposure(),
          after.abs().multiply(mark.price().value()), symbol + " exposure after the order");
      if (limits.maxTotalExposure() != null) {
        BigDecimal total = totalExposure(violations, symbol, after, mark, in);
        if (total != null) {
          upTo(violations, RiskCheck.MAX_TOTAL_EXPOSURE, limits.maxTotalExposure(), total,
              "total exposure after the order");
        }
      }
    }
    return RiskDecision.of(violations);
  }

  private void lossLimits(List<RiskViolation> violations, RiskInputs in) {
    BigDecimal loss = in.startOfDayEquity().amount().subtract(in.equity().amount()).max(BigDecimal.ZERO);
    upTo(violations, RiskCheck.MAX_DAILY_LOSS, limits.maxDailyLoss(), loss, "loss since the start of the day");
    if (limits.maxDailyLossPct() != null) {
      upTo(violations, RiskCheck.MAX_DAILY_LOSS_PCT, limits.maxDailyLossPct(),
          percentOf(loss, in.startOfDayEquity().amount()), "loss since the start of the day in % of its equity");
    }
    if (limits.maxDrawdownPct() != null) {
      BigDecimal drop = in.peakEquity().amount().subtract(in.equity().amount()).max(BigDecimal.ZERO);
      upTo(violations, RiskCheck.MAX_DRAWDOWN_PCT, limits.maxDrawdownPct(), percentOf(drop, in.peakEquity().amount()),
          "drawdown from the equity peak in %");
    }
  }

  private MarketPrice freshPrice(List<RiskViolation> violations, Symbol symbol, RiskInputs in) {
    MarketPrice mark = in.prices().get(symbol);
    if (mark == null) {
      violations.add(new RiskViolation(RiskCheck.MISSING_PRICE, RiskSeverity.BREACH, null, null,
          "no market price for " + symbol + ": cannot value the order"));
      return null;
    }
    Duration age = Duration.between(mark.at(), in.now());
    if (age.compareTo(limits.maxPriceAge()) > 0) {
      violations.add(new RiskViolation(RiskCheck.STALE_PRICE, RiskSeverity.BREACH, seconds(limits.maxPriceAge()),
          seconds(age), "price of " + symbol + " is " + age.toMillis() / 1000.0 + "s old, limit "
              + limits.maxPriceAge().toMillis() / 1000.0 + "s"));
      return null;
    }
    return mark;
  }

  private BigDecimal totalExposure(List<RiskViolation> violations, Symbol symbol, BigDecimal after, MarketPrice mark,
      RiskInputs in) {
    BigDecimal total = after.abs().multiply(mark.price().value());
    for (Map.Entry<Symbol, BigDecimal> held : in.positions().entrySet()) {
      if (held.getKey().equals(symbol) || held.getValue().signum() == 0) {
        continue;
      }
      MarketPrice other = in.prices().get(held.getKey());
      if (other == null) {
        violations.add(new RiskViolation(RiskCheck.MISSING_PRICE, RiskSeverity.BREACH, null, null,
            "no market price for held " + held.getKey() + ": cannot value total exposure"));
        return null;
      }
      total = total.add(held.getValue().abs().multiply(other.price().value()));
    }
    return total;
  }

  /** An amount limit: BREACH at or above the limit, WARNING at or above the warning fraction of it. */
  private void upTo(List<RiskViolation> violations, RiskCheck check, BigDecimal limit, BigDecimal observed,
      String what) {
    if (limit == null) {
      return;
    }
    if (observed.compareTo(limit) >= 0) {
      violations.add(new RiskViolation(check, RiskSeverity.BREACH, limit, observed,
          what + " " + plain(observed) + " reaches the limit " + plain(limit)));
    } else if (observed.compareTo(limit.multiply(limits.warningFraction())) >= 0) {
      violations.add(new RiskViolation(check, RiskSeverity.WARNING, limit, observed,
          what + " " + plain(observed) + " is within " + plain(HUNDRED.subtract(limits.warningFraction().multiply(HUNDRED)))
              + "% of the limit " + plain(limit)));
    }
  }

  /** A count limit measured before the order: N already there blocks the next one. */
  private void countLimit(List<RiskViolation> violations, RiskCheck check, Integer limit, int current, String what) {
    if (limit == null) {
      return;
    }
    upTo(violations, check, BigDecimal.valueOf(limit), BigDecimal.valueOf(current), what);
  }

  private static int openPositions(Map<Symbol, BigDecimal> positions) {
    int open = 0;
    for (BigDecimal quantity : positions.values()) {
      open += quantity.signum() != 0 ? 1 : 0;
    }
    return open;
  }

  private static BigDecimal percentOf(BigDecimal part, BigDecimal whole) {
    return whole.signum() <= 0 ? HUNDRED : part.multiply(HUNDRED).divide(whole, MathContext.DECIMAL64);
  }

  private static BigDecimal seconds(Duration duration) {
    return BigDecimal.valueOf(duration.toMillis(), 3);
  }

  private static String plain(BigDecimal value) {
    return value.stripTrailingZeros().toPlainString();
  }
}
