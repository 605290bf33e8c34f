package org.peaktrade.protocol.session;

import java.time.Instant;
import org.peaktrade.protocol.CborSerializable;
import org.peaktrade.protocol.Money;

/** A session's equity marked at a bar's close. */
public record EquityPoint(Instant time, Money equity) implements CborSerializable {}
