package org.peaktrade.engine.portfolio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.peaktrade.engine.fixtures.Bars.BTC;
import static org.peaktrade.engine.fixtures.Bars.T0;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;
import org.peaktrade.protocol.ClientOrderId;
import org.peaktrade.protocol.Fill;
import org.peaktrade.protocol.Liquidity;
import org.peaktrade.protocol.Money;
import org.peaktrade.protocol.Price;
import org.peaktrade.protocol.Quantity;
import org.peaktrade.protocol.Side;

class LedgerStateTest {
  private static final Money START = Money.of("10000");

  @RepeatedTest(50)
  void aLedgerRestoredFromItsStateBooksEveryLaterFillExactlyAsTheOriginal(RepetitionInfo repetition) {
    SplittableRandom random = new SplittableRandom(repetition.getCurrentRepetition());
    List<Fill> fills = randomFills(random, 40);
    int cut = random.nextInt(fills.size());
    Ledger original = new Ledger(START);
    fills.subList(0, cut).forEach(original::apply);

    Ledger restored = new Ledger(START);
    restored.restore(original.state());
    List<RoundTrip> originalTrips = new ArrayList<>();
    List<RoundTrip> restoredTrips = new ArrayList<>();
    for (Fill fill : fills.subList(cut, fills.size())) {
      originalTrips.addAll(original.apply(fill));
      restoredTrips.addAll(restored.apply(fill));
    }

    assertThat(restoredTrips).isEqualTo(originalTrips);
    assertThat(restored.state()).isEqualTo(original.state());
    assertThat(restored.cash()).isEqualTo(original.cash());
    assertThat(restored.realizedPnl()).isEqualTo(original.realizedPnl());
    assertThat(restored.totalFees()).isEqualTo(original.totalFees());
    assertThat(restored.equity(BTC, Price.of("101.37"))).isEqualTo(original.equity(BTC, Price.of("101.37")));
  }

  @Test
  void restoringReplacesWhatTheLedgerHeldBefore() {
    Ledger held = new Ledger(START);
    held.apply(fill(1, Side.BUY, "3", "100"));
    Ledger empty = new Ledger(START);

    held.restore(empty.state());

    assertThat(held.cash()).isEqualTo(START);
    assertThat(held.position(BTC).isFlat()).isTrue();
    assertThat(held.state().holdings()).isEmpty();
    assertThat(held.apply(fill(2, Side.SELL, "1", "100"))).isEmpty();
    assertThat(held.position(BTC).quantity()).isEqualByComparingTo("-1");
  }

  private static List<Fill> randomFills(SplittableRandom random, int count) {
    List<Fill> fills = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      String quantity = BigDecimal.valueOf(1 + random.nextInt(400), 2).toPlainString();
      String price = BigDecimal.valueOf(9_000 + random.nextInt(2_000), 2).toPlainString();
      fills.add(fill(i, random.nextBoolean() ? Side.BUY : Side.SELL, quantity, price));
    }
    return fills;
  }

  private static Fill fill(int sequence, Side side, String quantity, String price) {
    Money fee = new Money(new BigDecimal(quantity).multiply(new BigDecimal(price)).movePointLeft(3));
    return new Fill(ClientOrderId.of("t", sequence), BTC, side, Quantity.of(quantity), Price.of(price), fee,
        Liquidity.TAKER, T0.plusSeconds(60L * sequence));
  }
}
