package org.peaktrade.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class InstrumentTest {
  private final Instrument btc =
      new Instrument(Symbol.of("BTC/USD"), new BigDecimal("0.1"), new BigDecimal("0.00000001"), new BigDecimal("0.0001"));

  @Test
  void acceptsPricesOnTheTickGrid() {
    assertThat(btc.price(new BigDecimal("46319.10"))).isEqualTo(Price.of("46319.1"));
  }

  @Test
  void rejectsOffTickPricesNamingTheValueAndTheTick() {
    assertThatThrownBy(() -> btc.price(new BigDecimal("46319.15")))
        .hasMessageContaining("46319.15")
        .hasMessageContaining("0.1");
  }

  @Test
  void rejectsOffLotQuantities() {
    assertThatThrownBy(() -> btc.quantity(new BigDecimal("0.000000001"))).hasMessageContaining("0.000000001");
  }

  @Test
  void roundsComputedPricesAdversely() {
    assertThat(btc.roundPriceUp(new BigDecimal("100.01"))).isEqualTo(Price.of("100.1"));
    assertThat(btc.roundPriceDown(new BigDecimal("100.09"))).isEqualTo(Price.of("100"));
  }

  @Test
  void roundsComputedQuantitiesDownAndDropsThoseBelowTheMinimum() {
    assertThat(btc.roundQuantityDown(new BigDecimal("0.123456789"))).isEqualTo(Quantity.of("0.12345678"));
    assertThat(btc.roundQuantityDown(new BigDecimal("0.00009999"))).isEqualTo(Quantity.ZERO);
  }

  @Test
  void derivesScalesFromTickAndLot() {
    assertThat(btc.priceScale()).isEqualTo(1);
    assertThat(btc.quantityScale()).isEqualTo(8);
  }
}
