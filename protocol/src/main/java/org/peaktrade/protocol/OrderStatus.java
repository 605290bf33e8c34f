package org.peaktrade.protocol;

/**
 * Where an order is in its life. NEW: decided, not yet acknowledged by the venue. UNKNOWN: submitted, but the
 * executor did not answer in time, so it may or may not be resting (never assumed rejected: it is resolved by asking
 * the executor, and a fill or acceptance that arrives meanwhile counts). ACCEPTED: resting at the venue, nothing
 * filled. PARTIALLY_FILLED: resting with a part filled. The other four are terminal: FILLED (all of it),
 * CANCELED (by us, possibly after partial fills), REJECTED (refused by the venue before acceptance) and EXPIRED
 * (its validity ran out, possibly after partial fills).
 */
public enum OrderStatus {
  NEW(false),
  UNKNOWN(false),
  ACCEPTED(false),
  PARTIALLY_FILLED(false),
  FILLED(true),
  CANCELED(true),
  REJECTED(true),
  EXPIRED(true);

  private final boolean terminal;

  OrderStatus(boolean terminal) {
    this.terminal = terminal;
  }

  /** No event changes a terminal order any more. */
  public boolean isTerminal() {
    return terminal;
  }

  /** Acknowledged by the venue and still working: ACCEPTED or PARTIALLY_FILLED. */
  public boolean isWorking() {
    return this == ACCEPTED || this == PARTIALLY_FILLED;
  }
}
