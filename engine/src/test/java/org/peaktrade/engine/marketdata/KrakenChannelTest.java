package org.peaktrade.engine.marketdata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class KrakenChannelTest {

  @Test
  void readsEveryChannelFromItsLabel() {
    assertThat(KrakenChannel.parse("ohlc:5")).isEqualTo(new KrakenChannel.Ohlc(5));
    assertThat(KrakenChannel.parse("ohlc")).isEqualTo(new KrakenChannel.Ohlc(1));
    assertThat(KrakenChannel.parse("trade")).isEqualTo(new KrakenChannel.Trades());
    assertThat(KrakenChannel.parse("ticker")).isEqualTo(new KrakenChannel.Ticker());
    assertThat(KrakenChannel.parse("book:25")).isEqualTo(new KrakenChannel.Book(25));
    assertThat(KrakenChannel.parse(" book ")).isEqualTo(new KrakenChannel.Book(10));
  }

  @Test
  void labelsReadBackToTheSameChannel() {
    for (String label : new String[] {"ohlc:1", "ohlc:21600", "trade", "ticker", "book:1000"}) {
      assertThat(KrakenChannel.parse(label).label()).isEqualTo(label);
    }
    assertThat(new KrakenChannel.Ohlc(15).interval()).isEqualTo(Duration.ofMinutes(15));
  }

  @Test
  void rejectsIntervalsAndDepthsKrakenDoesNotOfferListingTheValidOnes() {
    assertThatThrownBy(() -> KrakenChannel.parse("ohlc:2")).hasMessageContaining("[1, 5, 15, 30, 60, 240, 1440,");
    assertThatThrownBy(() -> KrakenChannel.parse("book:11")).hasMessageContaining("10, 25, 100, 500, 1000");
    assertThatThrownBy(() -> KrakenChannel.parse("ohlc:x")).hasMessageContaining("'x' is not a whole number");
    assertThatThrownBy(() -> KrakenChannel.parse("trade:1")).hasMessageContaining("takes no ':' argument");
    assertThatThrownBy(() -> KrakenChannel.parse("candles")).hasMessageContaining("unknown channel 'candles'");
  }
}
