package org.peaktrade.engine.portfolio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.peaktrade.engine.fixtures.Bars.BTC;
import static org.peaktrade.engine.fixtures.Bars.flat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.peaktrade.protocol.Bar;
import org.peaktrade.protocol.ClientOrderId;
import org.peaktrade.protocol.Fill;
import org.peaktrade.protocol.Liquidity;
import org.peaktrade.protocol.Money;
import org.peaktrade.protocol.Price;
import org.peaktrade.protocol.Quantity;
import org.peaktrade.protocol.Side;
import org.peaktrade.protocol.session.EquityPoint;

class EquityMarksTest {

  @Test
  void marksEachBarsCloseWithTheFillsOfThatBarAndBeforeBooked() {
    List<Bar> bars = List.of(flat(0, "100"), flat(1, "101"), flat(2, "102"), flat(3, "103"));
    // given out of order: the curve books them by time
    List<Fill> fills = List.of(fill(2, Side.SELL, "102.5", bars.get(3)), fill(1, Side.BUY, "100.5", bars.get(1)));

    List<EquityPoint> curve = EquityMarks.of(Money.of("10000"), fills, bars);

    assertThat(curve).extracting(EquityPoint::time).containsExactly(bars.get(0).closeTime(), bars.get(1).closeTime(),
        bars.get(2).closeTime(), bars.get(3).closeTime());
    assertThat(curve).extracting(point -> point.equity().amount().toPlainString())
        .containsExactly("10000", "10000.4", "10001.4", "10001.8");
  }

  @Test
  void leavesOutFillsAfterTheLastBarAndGivesNothingForNoBars() {
    List<Bar> bars = List.of(flat(0, "100"));

    assertThat(EquityMarks.of(Money.of("500"), List.of(fill(1, Side.BUY, "100", flat(5, "100"))), bars))
        .extracting(point -> point.equity().amount().toPlainString()).containsExactly("500");
    assertThat(EquityMarks.of(Money.of("500"), List.of(), List.of())).isEmpty();
  }

  private static Fill fill(int sequence, Side side, String price, Bar on) {
    return new Fill(ClientOrderId.of("c", sequence), BTC, side, Quantity.of("1"), Price.of(price), Money.of("0.1"),
        Liquidity.TAKER, on.openTime());
  }
}
