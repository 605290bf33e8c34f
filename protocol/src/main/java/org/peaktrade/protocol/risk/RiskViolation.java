package org.peaktrade.protocol.risk;

import java.math.BigDecimal;
import java.util.Objects;
import org.peaktrade.protocol.CborSerializable;

/**
 * One check that is at WARNING or BREACH, with the configured limit and the value observed (both null for checks
 * without a number, such as a symbol outside the allowlist) and a message that says it in words.
 */
public record RiskViolation(RiskCheck check, RiskSeverity severity, BigDecimal limit, BigDecimal observed,
    String message) implements CborSerializable {

  public RiskViolation {
    Objects.requireNonNull(check, "check");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(message, "message");
    if (severity == RiskSeverity.OK) {
      throw new IllegalArgumentException("a violation is a WARNING or a BREACH");
    }
  }
}
