package org.peaktrade.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MoneyTest {

  @Test
  void notionalIsExact() {
    assertThat(Money.notional(Quantity.of("0.1"), Price.of("0.2"))).isEqualTo(Money.of("0.02"));
    assertThat(Money.notional(Quantity.of("0.00000001"), Price.of("46319.1")))
        .isEqualTo(Money.of("0.000463191"));
  }

  @Test
  void additionKeepsEveryCent() {
    Money sum = Money.ZERO;
    for (int i = 0; i < 10; i++) {
      sum = sum.plus(Money.of("0.1"));
    }
    assertThat(sum).isEqualTo(Money.of("1"));
  }

  @Test
  void quoteMidIsExact() {
    Quote quote = new Quote(Symbol.of("BTC/USD"), java.time.Instant.EPOCH, Price.of("100.1"), Quantity.of("1"),
        Price.of("100.2"), Quantity.of("1"));
    assertThat(quote.mid()).isEqualTo(Price.of("100.15"));
  }
}
