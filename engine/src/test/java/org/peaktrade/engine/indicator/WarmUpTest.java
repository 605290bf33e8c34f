package org.peaktrade.engine.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.IntConsumer;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every getter is NaN until the documented number of updates, then a number. */
class WarmUpTest {

  /** How many updates an indicator needs, how to feed it bar {@code i}, and all its getters. */
  private record Case(int updatesNeeded, Indicator indicator, IntConsumer feed, Supplier<double[]> values) {}

  static Stream<Arguments> indicators() {
    Sma sma = new Sma(5);
    Ema ema = new Ema(5);
    Wma wma = new Wma(5);
    Rsi rsi = new Rsi(5);
    Atr atr = new Atr(5);
    BollingerBands bands = new BollingerBands(5, 2);
    Macd macd = new Macd(3, 6, 4);
    Stochastic stochastic = new Stochastic(5, 3, 2);
    DonchianChannel channel = new DonchianChannel(5);
    Adx adx = new Adx(5);
    Cci cci = new Cci(5);
    ZScore zScore = new ZScore(5);
    Momentum momentum = new Momentum(5);
    RateOfChange roc = new RateOfChange(5);
    return Stream.of(
        Arguments.of("sma", new Case(5, sma, i -> sma.update(price(i)), () -> new double[] {sma.value()})),
        Arguments.of("ema", new Case(5, ema, i -> ema.update(price(i)), () -> new double[] {ema.value()})),
        Arguments.of("wma", new Case(5, wma, i -> wma.update(price(i)), () -> new double[] {wma.value()})),
        Arguments.of("rsi", new Case(6, rsi, i -> rsi.update(price(i)), () -> new double[] {rsi.value()})),
        Arguments.of("atr", new Case(5, atr, i -> atr.update(price(i) + 1, price(i) - 1, price(i)),
            () -> new double[] {atr.value()})),
        Arguments.of("bbands", new Case(5, bands, i -> bands.update(price(i)),
            () -> new double[] {bands.lower(), bands.middle(), bands.upper()})),
        Arguments.of("macd", new Case(9, macd, i -> macd.update(price(i)),
            () -> new double[] {macd.macd(), macd.signal(), macd.histogram()})),
        Arguments.of("stoch", new Case(8, stochastic, i -> stochastic.update(price(i) + 1, price(i) - 1, price(i)),
            () -> new double[] {stochastic.k(), stochastic.d()})),
        Arguments.of("donchian", new Case(5, channel, i -> channel.update(price(i) + 1, price(i) - 1),
            () -> new double[] {channel.lower(), channel.middle(), channel.upper()})),
        Arguments.of("adx", new Case(9, adx, i -> adx.update(price(i) + 1, price(i) - 1, price(i)),
            () -> new double[] {adx.adx(), adx.plusDi(), adx.minusDi()})),
        Arguments.of("cci", new Case(5, cci, i -> cci.update(price(i) + 1, price(i) - 1, price(i)),
            () -> new double[] {cci.value()})),
        Arguments.of("zscore", new Case(5, zScore, i -> zScore.update(price(i)), () -> new double[] {zScore.value()})),
        Arguments.of("momentum", new Case(6, momentum, i -> momentum.update(price(i)),
            () -> new double[] {momentum.value()})),
        Arguments.of("roc", new Case(6, roc, i -> roc.update(price(i)), () -> new double[] {roc.value()})));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("indicators")
  void isNotReadyAndReportsNanBeforeWarmUp(String name, Case warmUp) {
    for (int i = 0; i < warmUp.updatesNeeded() - 1; i++) {
      warmUp.feed().accept(i);
      assertThat(warmUp.indicator().isReady()).as("ready after %d updates", i + 1).isFalse();
      assertThat(warmUp.values().get()).containsOnly(Double.NaN);
    }
    warmUp.feed().accept(warmUp.updatesNeeded() - 1);
    assertThat(warmUp.indicator().isReady()).isTrue();
    assertThat(warmUp.values().get()).doesNotContain(Double.NaN);
  }

  /** A zigzag with a trend, so no window is flat and both directions occur. */
  private static double price(int i) {
    return 100 + i + (i % 2 == 0 ? 3 : -3);
  }
}
