package org.peaktrade.protocol.risk;

import java.util.List;
import org.peaktrade.protocol.CborSerializable;

/**
 * The result of a pre-trade check: every violation found (not only the first), the worst severity, and whether
 * the order may go on (no BREACH).
 */
public record RiskDecision(RiskSeverity severity, List<RiskViolation> violations) implements CborSerializable {

  public RiskDecision {
    violations = List.copyOf(violations);
  }

  public static RiskDecision of(List<RiskViolation> violations) {
    RiskSeverity worst = RiskSeverity.OK;
    for (RiskViolation violation : violations) {
      worst = worst.max(violation.severity());
    }
    return new RiskDecision(worst, violations);
  }

  public boolean allowed() {
    return severity != RiskSeverity.BREACH;
  }
}
