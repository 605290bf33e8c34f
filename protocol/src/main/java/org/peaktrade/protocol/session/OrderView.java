package org.peaktrade.protocol.session;

import java.math.BigDecimal;
import java.time.Instant;
import org.peaktrade.protocol.CborSerializable;
import org.peaktrade.protocol.Order;
import org.peaktrade.protocol.OrderStatus;

/** One order of a session with its lifecycle state; {@code reason} says why it was rejected, canceled or expired. */
public record OrderView(Order order, OrderStatus status, BigDecimal filledQuantity, BigDecimal averagePrice,
    Instant updatedAt, String reason) implements CborSerializable {}
