package org.peaktrade.actors.risk;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.Instant;
import org.peaktrade.protocol.CborSerializable;
import org.peaktrade.protocol.Order;
import org.peaktrade.protocol.risk.RiskDecision;
import org.peaktrade.protocol.risk.RiskViolation;

/** What a risk gate tells its listener: alerts for warnings and breaches, and portfolio-level breaches. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = RiskEvent.Alerted.class, name = "alerted"),
    @JsonSubTypes.Type(value = RiskEvent.PortfolioLimitBreached.class, name = "portfolio-limit-breached")})
public sealed interface RiskEvent extends CborSerializable {

  /** An order was checked with a WARNING or BREACH result. */
  record Alerted(String sessionId, Order order, RiskDecision decision, Instant at) implements RiskEvent {}

  /** A loss or drawdown limit is breached: the kill switch's threshold trigger listens for these. */
  record PortfolioLimitBreached(String sessionId, RiskViolation violation, Instant at) implements RiskEvent {}
}
