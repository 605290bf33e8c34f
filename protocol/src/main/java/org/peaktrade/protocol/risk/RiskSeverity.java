package org.peaktrade.protocol.risk;

/** OK: inside every limit. WARNING: inside, but at or above the warning fraction of a limit. BREACH: blocked. */
public enum RiskSeverity {
  OK,
  WARNING,
  BREACH;

  public RiskSeverity max(RiskSeverity other) {
    return compareTo(other) >= 0 ? this : other;
  }
}
