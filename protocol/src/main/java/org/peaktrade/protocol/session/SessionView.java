package org.peaktrade.protocol.session;

import java.math.BigDecimal;
import java.time.Instant;
import org.peaktrade.protocol.CborSerializable;
import org.peaktrade.protocol.Money;

/**
 * A session as the API shows it: its spec, status (with the reason when PAUSED), how far it got, and its account
 * marked at the last bar's close. {@code position} is the signed base quantity of the spec's symbol. {@code member} is
 * the Pekko address of the node whose actor answered, the one running the session: a cluster member such as
 * {@code pekko://peak-trade@127.0.0.1:25521}, or {@code pekko://peak-trade} on a single node.
 */
public record SessionView(SessionSpec spec, SessionStatus status, String statusReason, Instant startedAt,
    long barsSeen, Instant lastBarOpen, Money cash, Money equity, Money realizedPnl, Money fees, BigDecimal position,
    int openOrders, long fills, String member) implements CborSerializable {}
