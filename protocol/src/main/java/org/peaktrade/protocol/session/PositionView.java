package org.peaktrade.protocol.session;

import java.math.BigDecimal;
import org.peaktrade.protocol.CborSerializable;
import org.peaktrade.protocol.Money;
import org.peaktrade.protocol.Price;
import org.peaktrade.protocol.Symbol;

/** A session's position in one symbol: signed quantity, average entry price, and its value at {@code mark}. */
public record PositionView(Symbol symbol, BigDecimal quantity, Price averagePrice, Price mark, Money unrealizedPnl)
    implements CborSerializable {}
