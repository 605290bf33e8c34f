package org.peaktrade.engine.execution;

import java.util.Objects;
import java.util.Optional;
import org.peaktrade.protocol.Bar;
import org.peaktrade.protocol.Fill;
import org.peaktrade.protocol.Instrument;
import org.peaktrade.protocol.Liquidity;
import org.peaktrade.protocol.Money;
import org.peaktrade.protocol.Order;
import org.peaktrade.protocol.Price;
import org.peaktrade.protocol.Side;

/**
 * Fills an order against a bar that opened after the order was placed, never against the bar it was decided
 * on; an order placed at a bar's close arrives at the next bar's open. MARKET fills at the open plus slippage
 * (taker). A LIMIT that is marketable on arrival (the bar opens at or through it) fills at the open plus
 * slippage, capped at the limit (taker); otherwise it rests and fills at the limit only if the bar trades
 * strictly through it (touching is not enough), as maker without slippage. A STOP triggers when the bar opens
 * at or beyond the stop (fill at the open) or trades to it (fill at the stop), plus slippage, as taker. Fills
 * are stamped with the bar's open time.
 */
public record BarFillModel(FeeModel fees, SlippageModel slippage, Instrument instrument) {

  public BarFillModel {
    Objects.requireNonNull(fees, "fees");
    Objects.requireNonNull(slippage, "slippage");
    Objects.requireNonNull(instrument, "instrument");
  }

  public Optional<Fill> tryFill(Order order, Bar bar) {
    return switch (order.type()) {
      case MARKET -> Optional.of(fill(order, bar, slippage.apply(bar.open(), order.side(), instrument), Liquidity.TAKER));
      case LIMIT -> marketableLimit(order, bar)
          ? Optional.of(fill(order, bar, cappedAtLimit(order, slippage.apply(bar.open(), order.side(), instrument)),
              Liquidity.TAKER))
          : restingLimitTouched(order, bar) ? Optional.of(fill(order, bar, order.price(), Liquidity.MAKER))
          : Optional.empty();
      case STOP -> stopPrice(order, bar)
          .map(price -> fill(order, bar, slippage.apply(price, order.side(), instrument), Liquidity.TAKER));
    };
  }

  private static boolean marketableLimit(Order order, Bar bar) {
    return order.side() == Side.BUY ? !bar.open().isAbove(order.price()) : !bar.open().isBelow(order.price());
  }

  private static boolean restingLimitTouched(Order order, Bar bar) {
    return order.side() == Side.BUY ? bar.low().isBelow(order.price()) : bar.high().isAbove(order.price());
  }

  private static Price cappedAtLimit(Order order, Price price) {
    boolean worse = order.side() == Side.BUY ? price.isAbove(order.price()) : price.isBelow(order.price());
    return worse ? order.price() : price;
  }

  private static Optional<Price> stopPrice(Order order, Bar bar) {
    Price stop = order.price();
    if (order.side() == Side.BUY) {
      if (!bar.open().isBelow(stop)) {
        return Optional.of(bar.open());
      }
      return bar.high().isBelow(stop) ? Optional.empty() : Optional.of(stop);
    }
    if (!bar.open().isAbove(stop)) {
      return Optional.of(bar.open());
    }
    return bar.low().isAbove(stop) ? Optional.empty() : Optional.of(stop);
  }

  private Fill fill(Order order, Bar bar, Price price, Liquidity liquidity) {
    Money fee = fees.fee(Money.notional(order.quantity(), price), liquidity);
    return new Fill(order.id(), order.symbol(), order.side(), order.quantity(), price, fee, liquidity, bar.openTime());
  }
}
