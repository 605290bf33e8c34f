package org.peaktrade.engine.session;

/** Why an order event was refused; a refused event changes nothing. */
public enum LifecycleRefusal {
  /** No order with this id was placed. */
  UNKNOWN_ORDER,
  /** An order with this id was placed before (ids are never reused, even after the order closed). */
  DUPLICATE_ORDER,
  /** Accepted or rejected again after the venue already accepted the order. */
  ALREADY_ACCEPTED,
  /** Recorded as unanswered again while the order is already UNKNOWN. */
  ALREADY_UNKNOWN,
  /** Filled or expired before the venue accepted the order. */
  NOT_ACCEPTED,
  /** Any event after the order reached a terminal state (fill after cancel, cancel after fill, ...). */
  ALREADY_CLOSED,
  /** A fill larger than the quantity still open. */
  OVERFILL,
  /** The event belongs to another order, or a fill's symbol or side differs from the order's. */
  MISMATCH
}
